"""What restore lets in, every page survives (issue 24, item 6): the demo's backup with values at the very
limits the app's input rules allow (a description of 5,000 characters, 50 options of 200, thresholds at
their ends, a vote of 20 dots, strength 5 and contributions of 3 everywhere, the largest reach) is
restored, and then every page of every role renders without an error. The values one step beyond are
refused by restore (tests/reliability/test_crafted_backups.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.navigation import BY_ROLE
from workshop.domain.model import MAX_LONG_TEXT, MAX_REACH, SPACE_KEYS, Role
from workshop.domain.text_fields import MAX_SHORT_TEXT
from workshop.domain.voting import MAX_DOTS
from workshop.services.whole.backup import restore, snapshot


def _at_the_limits(doc: dict[str, Any]) -> dict[str, Any]:
    tables = doc["tables"]
    tables["workshops"][0].update(
        description="d" * MAX_LONG_TEXT, weak_gap=1.0, strong_gap=1.0, weak_strength=5.0, strong_strength=0.0
    )
    choice = next(q for q in tables["questions"] if q["kind"] in ("single", "multiple"))
    choice["options"] = [f"{n:02d} " + "o" * (MAX_SHORT_TEXT - 3) for n in range(50)]
    for offer in tables["offers"]:
        offer.update(strength=5, reach=MAX_REACH, **dict.fromkeys(SPACE_KEYS, 3))
    for mapping in tables["mappings"]:
        mapping.update(strength=5, **dict.fromkeys(SPACE_KEYS, 3))
    tables["votes"][0]["dots"] = MAX_DOTS
    text_answer = next(r for r in tables["responses"] if r["text"])
    text_answer["text"] = "t" * MAX_LONG_TEXT
    tables["themes"][0]["decision"] = "x" * MAX_LONG_TEXT
    return doc


@pytest.mark.parametrize("role", list(Role))
def test_every_page_renders_after_a_restore_at_the_limits(db: Engine, tmp_path: Path, role: Role) -> None:
    file = tmp_path / "limits.json"
    file.write_text(json.dumps(_at_the_limits(snapshot(db))), encoding="utf-8")
    restore(db, file, replace=True)
    assert snapshot(db)["tables"]["workshops"][0]["description"] == "d" * MAX_LONG_TEXT  # it is restored
    at = sign_in(fresh_app(), role)
    assert errors_of(at) == []
    for page, _, _ in BY_ROLE[role]:
        at.switch_page(f"pages/{page}").run()
        assert errors_of(at) == [], f"{role.value} on {page}"
