"""Timing helpers and the records the benchmark fills in."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def timed(step: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def median_of(step: Callable[[], object], times: int) -> float:
    return statistics.median(timed(step) for _ in range(times))


def timed_cpu(step: Callable[[], object]) -> tuple[float, float]:
    """(seconds, this process's CPU seconds in all its threads) one call takes. On a shared machine the
    seconds include the neighbours' turns; the CPU seconds are the call's own work."""
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians_of(step: Callable[[], object], times: int) -> tuple[float, float]:
    """The median seconds and the median CPU seconds of `times` calls."""
    runs = [timed_cpu(step) for _ in range(times)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def percentile(values: list[float], share: float) -> float:
    """The value below which this share of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


@dataclass
class PageLine:
    """One page in one role: seconds for the first run, the run after a write, a repeat (median)."""

    role: str
    page: str
    write: str
    first: float | None = None
    after_write: float | None = None
    repeat: float | None = None
    repeats: int = 0
    floor: float | None = None
    error: str = ""
    app: float | None = None  # app.py with an empty page in this role: the fixed cost of any page run
    after_write_cpu: float | None = None  # the CPU seconds of the same runs (the budget check's second look)
    repeat_cpu: float | None = None


@dataclass
class SizeResult:
    size: str
    counts: dict[str, int] = field(default_factory=dict)
    build_seconds: float = 0.0
    pages: list[PageLine] = field(default_factory=list)
    app_overhead: dict[str, float] = field(default_factory=dict)  # role -> app.py with an empty page (s)
    answer_p50: float | None = None
    answer_p95: float | None = None
    answer_p95_cpu: float | None = None
    import_seconds: float | None = None
    import_cpu: float | None = None
    import_note: str = ""
    html_seconds: float | None = None
    html_note: str = ""
    xlsx_seconds: float | None = None
    xlsx_note: str = ""
    rss_mb: float | None = None
    rss_note: str = ""
    demo_home_ms: list[float] = field(default_factory=list)  # the demo home drawn in the browser (first, second)
    demo_home_note: str = ""
    pages_only: bool = False  # measured with --pages: the service lines were left out


def git_commit() -> str:
    """The checkout's commit, short, as the results name the code they measured."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    return found.stdout.strip() or "unknown"
