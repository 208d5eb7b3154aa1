"""`python -m bench [--sizes S,M,L] [--pages a.py,b.py] [--repeats 5] [--out bench/RESULTS.md]`: build each size,
measure, print and write the tables. `python -m bench --sizes M --check`: the budgets as a gate
(bench/check.py). The Streamlit side (bench/pages.py, bench/server.py) is imported only here, at run time.
`python -m bench crowd ...`: the crowd benchmark (bench/crowd.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench.report import BUDGET_NOTE, over_budget, size_section
from bench.services import time_answers, time_import, time_reports
from bench.synthetic import SIZES
from bench.timing import SizeResult, git_commit, timed
from workshop.domain.history import COMMAND_LINE
from workshop.services.history import acting
from workshop.store import make_engine, migrate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "RESULTS.md"


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated sizes out of S, M, L (default S,M,L)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the Markdown file to write (bench/RESULTS.md)")
    parser.add_argument(
        "--pages", default="", help="comma-separated page files (e.g. week_log.py,answer.py): measure only these"
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="skip the browser step (the server's memory at L, the demo home's draw time)",
    )
    parser.add_argument(
        "--slow",
        type=float,
        default=10.0,
        help="a page slower than this many seconds is repeated once, not --repeats times",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="repeat runs (and floor runs) per page, twice as many for the app's fixed cost (default 5; "
        "1 is enough to check that every page is measured, as the smoke test does)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the budgets (bench/check.py): no browser, no floors, no files written; exit 1 and print "
        "the offenders when a figure is over its budget by more than the noise margin",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    args.sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    if unknown := [s for s in args.sizes if s not in SIZES]:
        parser.error(f"unknown size {unknown[0]}; choose from {', '.join(SIZES)}")
    args.pages = {p.strip() for p in args.pages.split(",") if p.strip()}
    if args.check and (unbudgeted := [s for s in args.sizes if s not in ("M", "L")]):
        parser.error(f"--check judges sizes M and L; size {unbudgeted[0]} has no budgets")
    if unknown_pages := sorted(p for p in args.pages if not (ROOT / "pages" / p).is_file()):
        parser.error(f"no page {unknown_pages[0]} in pages/")
    return args


def header(argv: list[str], repeats: int = 5) -> list[str]:
    return [
        "# Benchmark results",
        "",
        f"- date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, streamlit {version('streamlit')}, pandas {version('pandas')}, "
        "SQLite (temporary files)",
        f"- commit: {git_commit()}",
        f"- command: `python -m bench {' '.join(argv)}`",
        "",
        "Seconds per page run measured with AppTest (streamlit.testing.v1), app.py included: *first* is a new "
        "session with data caches cleared; *after write* is the next run after the named write through a "
        f"service; *repeat* is the median of {repeats} further runs. *floor* is the median time of the bare service "
        "reads and pandas work the page needs (bench/floors*.py; — where a page has no entry). "
        "*app* is the fixed cost of any page run, measured in the same run: app.py with an empty page "
        f"(bench/app_only.py, the role gate only) in the same role, median of {repeats * 2} runs — Streamlit's "
        "script run under AppTest, the sidebar, the workshop read and the navigation. *after write / floor* is the raw "
        "ratio; *net / floor* is (after write − app) / floor, and the 2× floor budget is judged on it: a page "
        "whose floor is ~1 ms cannot come within 2× of it while app.py alone costs tens of milliseconds. "
        "L/M is the larger of the after-write and repeat growth from M to L.",
        "",
        BUDGET_NOTE,
        "",
    ]


def render(argv: list[str], results: dict[str, SizeResult], repeats: int = 5) -> str:
    lines = header(argv, repeats)
    for size, result in results.items():
        lines += size_section(result, results.get("M") if size == "L" else None)
    over = over_budget(results)
    lines += ["## Over budget", ""] + ([f"- {o}" for o in over] or ["- nothing"]) + [""]
    return "\n".join(lines)


def kept_crowd(out: Path) -> str:
    """The crowd figures already in the file (`python -m bench crowd` writes them): kept as they are."""
    from bench.crowd import MARK

    text = out.read_text(encoding="utf-8") if out.exists() else ""
    return "\n" + text[text.index(MARK) :] if MARK in text else ""


def run_size(name: str, args: argparse.Namespace, folder: Path) -> SizeResult:
    from bench.pages import measure_pages

    result = SizeResult(name)
    url = f"sqlite:///{folder / f'bench-{name}.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    fixture = None

    def build() -> None:
        nonlocal fixture
        from bench.synthetic import build as build_workshop

        fixture = build_workshop(engine, SIZES[name])

    result.build_seconds = timed(build)
    assert fixture is not None
    result.counts = fixture.counts
    print(f"size {name}: built in {result.build_seconds:.1f} s {fixture.counts or '(demo)'}", flush=True)
    result.pages, result.app_overhead = measure_pages(
        url,
        engine,
        fixture,
        slow=args.slow,
        log=lambda s: print(s, flush=True),
        only=args.pages,
        repeats=args.repeats,
    )
    if args.pages:  # a page subset is for iterating on those pages: the service lines are left out
        result.pages_only = True
        engine.dispose()
        return result
    time_answers(engine, fixture, result)
    time_reports(engine, fixture, result)
    if name in ("M", "L"):
        time_import(result)
    if name == "L" and not args.no_browser:
        from bench.server import measure_demo_home, measure_server_memory

        result.rss_mb, result.rss_note = measure_server_memory(url, fixture, log=lambda s: print(s, flush=True))
        result.demo_home_ms, result.demo_home_note = measure_demo_home(folder, log=lambda s: print(s, flush=True))
    engine.dispose()
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["crowd"]:
        from bench.crowd import main as crowd

        return crowd(argv[1:])
    args = parse(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if args.check:
        from bench.check import run_check

        return run_check(args.sizes, args.slow)
    results: dict[str, SizeResult] = {}
    with tempfile.TemporaryDirectory(prefix="workshop-bench-") as folder:
        for name in args.sizes:
            results[name] = run_size(name, args, Path(folder))
            print("\n".join(size_section(results[name], results.get("M") if name == "L" else None)), flush=True)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(render(argv, results, args.repeats) + kept_crowd(args.out), encoding="utf-8")
    over = over_budget(results)
    print("over budget:" if over else "over budget: nothing", *over, sep="\n  ")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    with acting(COMMAND_LINE):  # the record names the benchmark's own changes as the command line's
        sys.exit(main())
