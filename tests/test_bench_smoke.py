"""The benchmark works: at size S it measures every page of every role and writes its results file.
(CI runs it at S only, as a smoke test, with one repeat run per page instead of five: the figures
themselves are not asserted.) Marked `bench`: it runs
when CI=true or RUN_BENCH=1 (tests/conftest.py), and is skipped otherwise."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ui.navigation import BY_ROLE, PRIVACY, PUBLIC

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.bench
@pytest.mark.xdist_group("bench")  # with the budget check (tests/test_bench_budgets.py): one at a time
def test_the_benchmark_at_size_s_measures_every_page_and_writes_its_results(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "S", "--repeats", "1", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    expected = [("anyone", f) for f, _, _ in [*PUBLIC, PRIVACY]] + [
        (r.value, f) for r, entries in BY_ROLE.items() for f, _, _ in entries
    ]
    number = r"\d+\.\d{3}"
    for role, page in expected:
        row = rf"^\| {role} \| {re.escape(page)} \| {number} \| {number} \| [^|]+ \| {number}"
        assert re.search(row, run.stdout, re.M), f"no measured row for {role} {page}:\n{run.stdout}"
    assert "one answer saved" in run.stdout
    written = out.read_text(encoding="utf-8")
    assert "### Size S" in written
    assert re.search(r"machine: \d+ cores", written)
    assert all(f"| {role} | {page} |" in written for role, page in expected)
