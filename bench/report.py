"""The budgets, and the results as Markdown tables with each line marked within or over budget."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timing import PageLine, SizeResult


@dataclass(frozen=True)
class PageBudget:
    repeat: float
    after_write: float


PAGE_BUDGETS = {"M": PageBudget(repeat=0.15, after_write=0.5), "L": PageBudget(repeat=0.3, after_write=1.5)}
FLOOR_FACTOR = 2.0  # the run after a write, less app.py's fixed cost, within 2× its floor
GROWTH_FACTOR = 10.0  # L costs at most about ten times M on every line
ANSWER_P95 = 0.050
IMPORT_SECONDS = 10.0
HTML_AT_L = 10.0
RSS_AT_L_MB = 600.0
DEMO_HOME_MS = 2500.0

BUDGET_NOTE = (
    "Budgets: every page at M repeat ≤ 0.15 s, after a write ≤ 0.5 s; at L repeat ≤ 0.3 s, after a write "
    "≤ 1.5 s; after a write within 2× its floor (judged on *net / floor*, see above); L ≤ ~10× M on every "
    "line; one answer ≤ 50 ms p95; 50,000 offers imported ≤ 10 s; HTML report at L ≤ 10 s; server peak RSS "
    "at L ≤ 600 MB; the demo home fully drawn in the browser ≤ 2.5 s after navigation. "
    "S has no page budget (figures only)."
)


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def net_after_write(line: PageLine) -> float | None:
    """The run after a write less app.py's fixed cost in the same role (never below zero)."""
    if line.after_write is None or line.app is None:
        return None
    return max(0.0, line.after_write - line.app)


def _ratio(value: float | None, floor: float | None) -> str:
    return f"{value / floor:.1f}×" if floor and value is not None else "—"


def _growth(line: PageLine, smaller: PageLine | None) -> float | None:
    if smaller is None:
        return None
    ratios = [
        big / small
        for big, small in ((line.after_write, smaller.after_write), (line.repeat, smaller.repeat))
        if big is not None and small
    ]
    return max(ratios) if ratios else None


def page_overruns(size: str, line: PageLine, at_m: PageLine | None = None) -> list[str]:
    """What in this line is over budget (empty: within)."""
    if line.error:
        return [line.error]
    budget = PAGE_BUDGETS.get(size)
    if budget is None:
        return []
    over = []
    if line.repeat is not None and line.repeat > budget.repeat:
        over.append(f"repeat > {budget.repeat:g} s")
    if line.after_write is not None and line.after_write > budget.after_write:
        over.append(f"after write > {budget.after_write:g} s")
    net = net_after_write(line)
    if line.floor and net is not None and net > FLOOR_FACTOR * line.floor:
        over.append(f"after write − app > {FLOOR_FACTOR:g}× floor")
    growth = _growth(line, at_m) if size == "L" else None
    if growth is not None and growth > GROWTH_FACTOR:
        over.append(f"L/M {growth:.0f}× > {GROWTH_FACTOR:g}×")
    return over


def _verdict(size: str, over: list[str], budgeted: bool) -> str:
    if not budgeted:
        return "—"
    return "over: " + "; ".join(over) if over else "within"


def pages_table(result: SizeResult, at_m: SizeResult | None = None) -> list[str]:
    m_lines = {(p.role, p.page): p for p in at_m.pages} if at_m else {}
    out = [
        "| role | page | first s | after write s | write | repeat s | floor s | after write / floor | app s "
        "| net / floor | L/M | budget |",
        "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for line in result.pages:
        smaller = m_lines.get((line.role, line.page))
        growth = _growth(line, smaller) if result.size == "L" else None
        repeat = _s(line.repeat) + (f" (n={line.repeats})" if line.repeats and line.repeats != 5 else "")
        over = page_overruns(result.size, line, smaller)
        budgeted = result.size in PAGE_BUDGETS or bool(line.error)
        out.append(
            f"| {line.role} | {line.page} | {_s(line.first)} | {_s(line.after_write)} | {line.write} | {repeat} "
            f"| {_s(line.floor)} | {_ratio(line.after_write, line.floor)} | {_s(line.app)} "
            f"| {_ratio(net_after_write(line), line.floor)} | {'—' if growth is None else f'{growth:.1f}×'} "
            f"| {_verdict(result.size, over, budgeted)} |"
        )
    return out


def _line(name: str, value: str, budget: str, over: bool | None) -> str:
    verdict = "—" if over is None else ("over" if over else "within")
    return f"| {name} | {value} | {budget} | {verdict} |"


def services_table(result: SizeResult, at_m: SizeResult | None = None) -> list[str]:
    size = result.size
    out = ["| measure | value | budget | verdict |", "|---|---|---|---|"]
    if result.answer_p95 is None:
        out.append(_line("one answer saved (p50 / p95 of 200)", "no open question", "p95 ≤ 50 ms", None))
    else:
        value = f"{result.answer_p50 * 1000:.1f} ms / {result.answer_p95 * 1000:.1f} ms"  # type: ignore[operator]
        out.append(_line("one answer saved (p50 / p95 of 200)", value, "p95 ≤ 50 ms", result.answer_p95 > ANSWER_P95))
    if size in ("M", "L"):
        value = f"{result.import_seconds:.2f} s" if result.import_seconds is not None else result.import_note
        over = None if result.import_seconds is None else result.import_seconds > IMPORT_SECONDS
        out.append(_line("50,000 offers imported from CSV", value, "≤ 10 s", over))
    for name, seconds, note, small in (
        ("HTML report", result.html_seconds, result.html_note, at_m.html_seconds if at_m else None),
        ("Excel workbook", result.xlsx_seconds, result.xlsx_note, at_m.xlsx_seconds if at_m else None),
    ):
        budget, over = "—", None
        if seconds is not None and size == "L":
            checks = []
            if name == "HTML report":
                budget, checks = "≤ 10 s; L ≤ ~10× M", [seconds > HTML_AT_L]
            else:
                budget = "L ≤ ~10× M"
            if small:
                checks.append(seconds / small > GROWTH_FACTOR)
            over = any(checks) if checks else None
        value = f"{seconds:.2f} s" if seconds is not None else note
        if seconds is not None and small and size == "L":
            value += f" ({seconds / small:.1f}× M)"
        out.append(_line(name, value, budget, over))
    if result.demo_home_ms or result.demo_home_note:
        value = (
            " then ".join(f"{ms:.0f} ms" for ms in result.demo_home_ms) + _note(result.demo_home_note)
            if result.demo_home_ms
            else result.demo_home_note
        )
        over = result.demo_home_ms[-1] > DEMO_HOME_MS if result.demo_home_ms else None
        name = (
            "demo home fully drawn after navigation (browser; 1st visit on a new database, which builds the demo, "
            "then 2nd)"
        )
        out.append(_line(name, value, "≤ 2.5 s (2nd visit)", over))
    if size == "L":
        value = f"{result.rss_mb:.0f} MB" if result.rss_mb is not None else result.rss_note or "not measured"
        over = None if result.rss_mb is None else result.rss_mb > RSS_AT_L_MB
        out.append(_line("server peak RSS after every page (VmHWM)", value + _rss_note(result), "≤ 600 MB", over))
    return out


def _note(note: str) -> str:
    return f" ({note})" if note else ""


def _rss_note(result: SizeResult) -> str:
    return f" ({result.rss_note})" if result.rss_mb is not None and result.rss_note else ""


def size_section(result: SizeResult, at_m: SizeResult | None = None) -> list[str]:
    counts = ", ".join(f"{v:,} {k}" for k, v in result.counts.items()) or "the demo workshop"
    app = ", ".join(f"{role} {seconds:.3f} s" for role, seconds in result.app_overhead.items())
    return [
        f"### Size {result.size}: {counts}",
        "",
        f"Built in {result.build_seconds:.1f} s." + (f" app.py with an empty page (median run): {app}." if app else ""),
        "",
        *pages_table(result, at_m),
        "",
        *([] if result.pages_only else [*services_table(result, at_m), ""]),
    ]


def over_budget(results: dict[str, SizeResult]) -> list[str]:
    """Every page line over budget, as 'size role page: reasons'."""
    at_m = results.get("M")
    m_lines = {(p.role, p.page): p for p in at_m.pages} if at_m else {}
    found = []
    for size, result in results.items():
        for line in result.pages:
            over = page_overruns(size, line, m_lines.get((line.role, line.page)) if size == "L" else None)
            if over:
                found.append(f"{size} {line.role} {line.page}: {'; '.join(over)}")
        if result.demo_home_ms and result.demo_home_ms[-1] > DEMO_HOME_MS:
            found.append(f"demo home drawn in {result.demo_home_ms[-1]:.0f} ms > {DEMO_HOME_MS:.0f} ms")
    return found
