"""axe-core in the page (issue 13.7): WCAG 2.2 A and AA rules, serious and critical violations only.

axe-core comes from npm: .ci/run installs it into node_modules at the repository root (AXE_CORE_JS may
point elsewhere); there is no internet at test time, so each page loads the file from disk."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI, ROOT

AXE = Path(os.environ.get("AXE_CORE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
SECONDS: list[float] = []  # time spent in axe itself, for the figures at the end of the run
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}));
}"""


def require_axe() -> None:
    """Fail in CI, skip elsewhere, when axe-core is not installed."""
    if not AXE.is_file():
        message = f"axe-core is not installed at {AXE} (npm install axe-core, as .ci/run does)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def violations(page: Any, where: str) -> list[str]:
    """axe-core's serious and critical violations on the page as drawn now, one line each: where, the
    rule, its impact, how many elements, and (the end of) the selectors of the first three."""
    began = time.monotonic()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN, TAGS)
    SECONDS.append(time.monotonic() - began)
    return [
        f"{where}: {v['id']} ({v['impact']}, {v['count']}x) {v['help']} at {' ; '.join(t[-90:] for t in v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]


def report(problems: list[str]) -> str:
    return "axe-core (WCAG 2.2 A and AA) found serious or critical violations:\n" + "\n".join(problems)
