"""`python -m bench --sizes M --check`: the budgets as a gate. Every page of every role is measured with
AppTest (no browser, no floors: the check judges absolute seconds, not the ratio to a floor), then one
answer saved and, at M and L, 50,000 offers imported. A figure is an offender when its seconds are over
its budget by more than MARGIN and so is the process's CPU time for it: on a machine shared with other
work, the seconds include the neighbours' turns (a busy hour made the same pages 2-6× slower), the CPU
seconds are the page's own work. An offender is measured once more and judged on the better of the two.
The run also fails when a page of the app's navigation has no entry in the benchmark's page table
(bench/floors*.py): a page added later is checked from then on. Prints the offenders (size, page, figure,
seconds, CPU seconds, budget, ratio) and exits 1 if there are any."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.report import ANSWER_P95, IMPORT_SECONDS, PAGE_BUDGETS
from bench.timing import PageLine, SizeResult

# Over budget means over budget × MARGIN, in seconds and in CPU seconds. Five runs of this check on the
# project's 2-core machine (2026-12-06, shared with other people's test runs, load average 7-13, two of the
# runs side by side): the same page's seconds varied up to 14× between runs (median 4×: the neighbours'
# turns), its CPU seconds up to 1.5× for every page of 0.1 s or more (morning, week setup, partners, the
# answers page, the team's week log; median 1.3× over all pages above 30 ms, 1.8× at most for a 50 ms
# one); the seconds of a quiet run (load 0.3) were 0.85-0.96× the busy runs' best CPU seconds for the
# pages of 40 ms or more but the team's week log. So a page at its budget reads at most ~1.5× it on a busy
# machine: 1.5× fails none of those, while every regression of
# issue 25 (2.8× to 72× in seconds on a quiet machine) is far above it. Each offender is measured a second
# time and judged on the better figure, which takes one unlucky run out.
MARGIN = 1.5
CHECK_REPEATS = 3  # repeat runs per page (the median is judged); the full benchmark takes 5
# Page files that are not in the navigation and that the benchmark does not measure, each with its
# reason. Any other file in pages/ must be in the navigation, and so in the benchmark's page list.
UNMEASURED = {
    "projector.py": "the wall's page, opened by a projector link (/?projector=TOKEN), not from the menu",
}


@dataclass(frozen=True)
class Offence:
    """One figure over its budget (or a page that could not be measured, or has no entry)."""

    size: str
    page: str
    figure: str
    seconds: float | None = None
    budget: float | None = None
    role: str = ""
    cpu: float | None = None  # the CPU seconds of the same runs

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.budget if self.seconds is not None and self.budget else None

    def row(self) -> str:
        seconds, cpu = ("—" if x is None else f"{x:.3f} s" for x in (self.seconds, self.cpu))
        budget = "—" if self.budget is None else f"{self.budget:g} s"
        ratio = "—" if self.ratio is None else f"{self.ratio:.1f}×"
        where = f"{self.role} {self.page}".strip()
        return f"| {self.size} | {where} | {self.figure} | {seconds} | {cpu} | {budget} | {ratio} |"


def over(seconds: float | None, cpu: float | None, budget: float, margin: float) -> bool:
    """Over budget × margin in seconds, and in CPU seconds when they were measured."""
    limit = budget * margin
    return seconds is not None and seconds > limit and (cpu is None or cpu > limit)


def unbudgeted(registered: Iterable[str], entries: Iterable[str]) -> list[str]:
    """The page files that are registered but have no entry in the benchmark's page table."""
    have = set(entries)
    return sorted({page for page in registered if page not in have})


def unregistered(files: Iterable[str], registered: Iterable[str], exempt: Iterable[str] = UNMEASURED) -> list[str]:
    """The page files in pages/ that neither the navigation nor the list of exemptions names."""
    return sorted(set(files) - set(registered) - set(exempt))


def coverage_offences(registered: Iterable[str], entries: Iterable[str], files: Iterable[str]) -> list[Offence]:
    registered = list(registered)
    return [Offence("—", page, "no entry in bench/floors*.py") for page in unbudgeted(registered, entries)] + [
        Offence("—", page, "not in ui/navigation.py (nor bench.check.UNMEASURED)")
        for page in unregistered(files, registered)
    ]


def page_offences(size: str, line: PageLine, margin: float = MARGIN) -> list[Offence]:
    """This page's figures over budget × margin (an error is always an offence)."""
    if line.error:
        return [Offence(size, line.page, f"not measured: {line.error}", role=line.role)]
    budget = PAGE_BUDGETS.get(size)
    if budget is None:
        return []
    found = []
    for figure, seconds, cpu, allowed in (
        ("repeat", line.repeat, line.repeat_cpu, budget.repeat),
        ("after a write", line.after_write, line.after_write_cpu, budget.after_write),
    ):
        if over(seconds, cpu, allowed, margin):
            found.append(Offence(size, line.page, figure, seconds, allowed, line.role, cpu))
    return found


def service_offences(result: SizeResult, margin: float = MARGIN) -> list[Offence]:
    found = []
    size, p95, p95_cpu = result.size, result.answer_p95, result.answer_p95_cpu
    if over(p95, p95_cpu, ANSWER_P95, margin):
        found.append(Offence(size, "one answer saved", "p95 of 200", p95, ANSWER_P95, cpu=p95_cpu))
    if result.import_note:
        found.append(Offence(size, "50,000 offers imported", result.import_note))
    elif over(result.import_seconds, result.import_cpu, IMPORT_SECONDS, margin):
        seconds, cpu = result.import_seconds, result.import_cpu
        found.append(Offence(size, "50,000 offers imported", "seconds", seconds, IMPORT_SECONDS, cpu=cpu))
    return found


def better_of(first: PageLine, second: PageLine) -> PageLine:
    """A page measured twice, judged on each figure's better time (an error only if both failed)."""
    if first.error or second.error:
        return second if first.error else first

    def low(a: float | None, b: float | None) -> float | None:
        return min(x for x in (a, b) if x is not None) if a is not None or b is not None else None

    first.repeat, first.repeat_cpu = low(first.repeat, second.repeat), low(first.repeat_cpu, second.repeat_cpu)
    first.after_write = low(first.after_write, second.after_write)
    first.after_write_cpu = low(first.after_write_cpu, second.after_write_cpu)
    return first


def confirmed(lines: list[PageLine], again: Callable[[PageLine], PageLine], size: str, margin: float) -> None:
    """Each line with an offence is measured once more and replaced by the better of the two."""
    for index, line in enumerate(lines):
        if page_offences(size, line, margin) and not line.error:
            lines[index] = better_of(line, again(line))


Timing = tuple[float | None, float | None]  # (seconds, CPU seconds)


def _better(first: Timing, second: Timing) -> Timing:
    """The measurement with fewer seconds (one that failed, None, counts as the worse)."""
    return second if first[0] is None or (second[0] is not None and second[0] < first[0]) else first


def offences_table(offences: list[Offence], margin: float = MARGIN) -> list[str]:
    if not offences:
        return [f"budget check: every figure within its budget × {margin:g}"]
    return [
        f"budget check: {len(offences)} over budget × {margin:g} (or not checked):",
        "| size | page | figure | seconds | CPU seconds | budget | ratio |",
        "|---|---|---|---:|---:|---:|---:|",
        *(o.row() for o in offences),
    ]


def registered_files() -> list[str]:
    from bench.pages import page_list

    return [file for _, file in page_list()]


def page_files() -> list[str]:
    return sorted(p.name for p in (Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


def run_check(sizes: list[str], slow: float, margin: float = MARGIN, log: Callable[[str], None] = print) -> int:
    """Measure, judge, print the offenders; 0 when there are none, 1 otherwise."""
    from bench.floors import all_pages

    offences = coverage_offences(registered_files(), all_pages(), page_files())
    with tempfile.TemporaryDirectory(prefix="workshop-bench-check-") as folder:
        for size in sizes:
            offences += _check_size(size, Path(folder), slow, margin, log)
    for line in offences_table(offences, margin):
        log(line)
    return 1 if offences else 0


def _check_size(size: str, folder: Path, slow: float, margin: float, log: Callable[[str], None]) -> list[Offence]:
    from bench.pages import components_scanned_once, measure_page, measure_pages
    from bench.services import time_answers, time_import
    from bench.synthetic import SIZES, build
    from workshop.domain.model import Role
    from workshop.store import make_engine, migrate

    url = f"sqlite:///{folder / f'check-{size}.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    result = SizeResult(size)
    began = time.perf_counter()
    fx = build(engine, SIZES[size])
    log(f"size {size}: built in {time.perf_counter() - began:.1f} s {fx.counts}")
    result.pages, _ = measure_pages(url, engine, fx, slow, log, repeats=CHECK_REPEATS, floors=False)

    def again(line: PageLine) -> PageLine:
        role = None if line.role == "anyone" else Role(line.role)
        log(f"  {line.role} {line.page}: over budget × {margin:g}, measured once more")
        second = measure_page(engine, fx, role, line.page, slow, CHECK_REPEATS, floor=False)
        log(f"  {'':<28} after write {second.after_write or 0:7.3f}  repeat {second.repeat or 0:7.3f}")
        return second

    with components_scanned_once():
        confirmed(result.pages, again, size, margin)
    time_answers(engine, fx, result)
    if over(result.answer_p95, result.answer_p95_cpu, ANSWER_P95, margin):
        first = (result.answer_p95, result.answer_p95_cpu)
        log("  one answer saved: over budget, measured once more")
        time_answers(engine, fx, result)
        result.answer_p95, result.answer_p95_cpu = _better(first, (result.answer_p95, result.answer_p95_cpu))
    time_import(result)
    if over(result.import_seconds, result.import_cpu, IMPORT_SECONDS, margin):
        first = (result.import_seconds, result.import_cpu)
        log("  50,000 offers: over budget, imported once more")
        time_import(result)
        result.import_seconds, result.import_cpu = _better(first, (result.import_seconds, result.import_cpu))
    log(
        f"  one answer saved p95 {result.answer_p95 or 0:.4f} s (CPU {result.answer_p95_cpu or 0:.4f} s); "
        f"50,000 offers imported {result.import_seconds or 0:.2f} s (CPU {result.import_cpu or 0:.2f} s)"
    )
    engine.dispose()
    return [o for line in result.pages for o in page_offences(size, line, margin)] + service_offences(result, margin)
