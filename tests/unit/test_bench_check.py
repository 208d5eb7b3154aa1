"""The budget check's judgement (bench/check.py), without measuring: a figure over its budget by more than
the noise margin fails and is printed with its budget and ratio; one within the margin passes; a page of
the app's navigation with no entry in the benchmark's page table fails; a slow moment measured again and
found within budget passes, and so does a figure slow only because the machine was busy (its seconds over,
its CPU seconds within). The check's real run is tests/test_bench_budgets.py (CI)."""

from __future__ import annotations

import pytest

from bench.__main__ import main as bench_main
from bench.check import (
    MARGIN,
    UNMEASURED,
    Offence,
    confirmed,
    coverage_offences,
    offences_table,
    page_files,
    page_offences,
    registered_files,
    service_offences,
)
from bench.floors import all_pages
from bench.timing import PageLine, SizeResult


def line(
    page: str = "week_log.py",
    repeat: float = 0.05,
    after_write: float = 0.1,
    error: str = "",
    cpu_share: float | None = 0.95,
) -> PageLine:
    """A measured page; its CPU seconds are this share of its seconds (None: not measured)."""
    measured = PageLine("team", page, "answer saved", first=0.2, after_write=after_write, repeat=repeat, error=error)
    if cpu_share is not None:
        measured.repeat_cpu, measured.after_write_cpu = repeat * cpu_share, after_write * cpu_share
    return measured


def test_a_page_over_its_budget_by_more_than_the_margin_fails_and_is_printed_with_budget_and_ratio() -> None:
    found = page_offences("M", line(repeat=4.41, after_write=5.27, cpu_share=0.9))
    assert [(o.figure, o.seconds, o.budget) for o in found] == [("repeat", 4.41, 0.15), ("after a write", 5.27, 0.5)]
    printed = "\n".join(offences_table(found))
    assert "| M | team week_log.py | repeat | 4.410 s | 3.969 s | 0.15 s | 29.4× |" in printed
    assert "| M | team week_log.py | after a write | 5.270 s | 4.743 s | 0.5 s | 10.5× |" in printed
    assert printed.startswith("budget check: 2 over budget × 1.5")


def test_a_page_over_its_budget_but_within_the_noise_margin_passes() -> None:
    assert MARGIN == 1.5
    assert page_offences("M", line(repeat=0.15 * 1.45, after_write=0.5 * 1.45)) == []
    assert page_offences("L", line(repeat=0.3 * 1.45, after_write=1.5 * 1.45)) == []
    assert page_offences("L", line(repeat=0.3 * 1.6))[0].budget == 0.3
    assert offences_table([]) == ["budget check: every figure within its budget × 1.5"]


def test_a_page_slow_only_because_the_machine_was_busy_passes() -> None:
    """Seconds over budget × margin while the page's own CPU seconds are within: the neighbours' turns."""
    assert page_offences("M", line(repeat=0.4, after_write=1.2, cpu_share=0.3)) == []
    assert len(page_offences("M", line(repeat=0.4, after_write=1.2, cpu_share=None))) == 2  # no CPU figure
    assert len(page_offences("M", line(repeat=0.4, after_write=1.2, cpu_share=0.7))) == 2  # its own work


def test_a_page_that_could_not_be_measured_fails() -> None:
    found = page_offences("M", line(error="exception: boom"))
    assert found and "boom" in found[0].figure


def test_a_registered_page_without_an_entry_in_the_page_table_fails() -> None:
    found = coverage_offences(["home.py", "new_page.py"], {"home.py": None}, ["home.py", "new_page.py"])
    assert [(o.page, o.figure) for o in found] == [("new_page.py", "no entry in bench/floors*.py")]
    assert "new_page.py" in "\n".join(offences_table(found))


def test_a_page_file_neither_in_the_navigation_nor_exempt_fails() -> None:
    found = coverage_offences(["home.py"], {"home.py": None}, ["home.py", "secret.py", *UNMEASURED])
    assert [o.page for o in found] == ["secret.py"]


def test_every_page_of_the_apps_navigation_has_an_entry_in_the_benchmarks_page_table() -> None:
    """The real pages: a page added to ui/navigation.py without its floor and write fails here."""
    assert coverage_offences(registered_files(), all_pages(), page_files()) == []
    assert set(registered_files()) <= set(all_pages())


def test_an_offender_is_measured_once_more_and_judged_on_its_better_time() -> None:
    slow_moment, steady, regression = line("a.py", repeat=0.4), line("b.py"), line("c.py", repeat=2.0)
    lines = [slow_moment, steady, regression]
    again = {"a.py": line("a.py", repeat=0.1), "c.py": line("c.py", repeat=1.9)}
    asked: list[str] = []

    def measure_again(old: PageLine) -> PageLine:
        asked.append(old.page)
        return again[old.page]

    confirmed(lines, measure_again, "M", MARGIN)
    assert asked == ["a.py", "c.py"]  # the page within budget is not measured again
    assert [o.page for ln in lines for o in page_offences("M", ln)] == ["c.py"]
    assert lines[2].repeat == 1.9


def test_the_import_and_the_answer_save_are_judged_against_their_budgets() -> None:
    result = SizeResult("M", answer_p95=0.004, import_seconds=18.8, import_cpu=18.1)
    assert [(o.page, o.seconds, o.budget) for o in service_offences(result)] == [("50,000 offers imported", 18.8, 10.0)]
    assert service_offences(SizeResult("M", answer_p95=0.07, import_seconds=14.0)) == []
    assert service_offences(SizeResult("M", import_seconds=43.8, import_cpu=9.0)) == []  # a busy machine
    assert service_offences(SizeResult("M", answer_p95=0.08))[0].page == "one answer saved"
    failed = service_offences(SizeResult("M", import_note="failed (exit 1): bad file"))
    assert failed == [Offence("M", "50,000 offers imported", "failed (exit 1): bad file")]


def test_the_check_refuses_a_size_without_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench_main(["--sizes", "S", "--check"])
    assert stopped.value.code == 2
    assert "size S has no budgets" in capsys.readouterr().err
