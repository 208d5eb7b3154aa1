"""Service timings: one answer saved, 50,000 offers imported from CSV, the HTML report, the Excel workbook."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import os
import random
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from bench.floor_writes import submit_one_answer
from bench.synthetic import Fixture
from bench.synthetic_rows import TARGET_GROUPS, WORDS
from bench.timing import SizeResult, percentile, timed, timed_cpu
from workshop.cli import main as workshop_cli
from workshop.domain.model import SPACE_KEYS
from workshop.services.whole.export import to_xlsx
from workshop.services.whole.reports import html_report
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE

IMPORT_ROWS = 50_000
HEADER = ["name", "description", "owner team", "target groups", "status", "reach", "strength", *SPACE_KEYS, "tags"]


def time_answers(engine: Engine, fx: Fixture, result: SizeResult, count: int = 200) -> None:
    """p50 and p95 of submitting one answer, as the answer page does."""
    if not fx.open_questions:
        result.answer_p50 = result.answer_p95 = None
        return
    runs = [timed_cpu(lambda: submit_one_answer(engine, fx)) for _ in range(count)]
    seconds = [wall for wall, _ in runs]
    result.answer_p50, result.answer_p95 = percentile(seconds, 0.5), percentile(seconds, 0.95)
    result.answer_p95_cpu = percentile([cpu for _, cpu in runs], 0.95)


def offers_csv(path: Path, rows: int = IMPORT_ROWS, seed: int = 50) -> Path:
    """An offer list as a spreadsheet exports it: one header row, one offer a row."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for n in range(1, rows + 1):
            spaces = [rng.choice((0, 1, 2, 3)) for _ in SPACE_KEYS]
            spaces[n % len(SPACE_KEYS)] = max(1, spaces[n % len(SPACE_KEYS)])
            text = " ".join(rng.choices(WORDS, k=rng.randint(15, 70)))
            out.writerow(
                [
                    f"Imported offer {n}",
                    text,
                    f"Team {rng.randint(1, 50)}",
                    ", ".join(rng.sample(TARGET_GROUPS, 2)),
                    "active",
                    rng.randint(0, 20_000),
                    rng.randint(1, 5),
                    *spaces,
                    ", ".join(rng.sample(WORDS, 2)),
                ]
            )
    return path


def time_import(result: SizeResult) -> None:
    """50,000 offers from a CSV file into a new workshop of a database of their own, through
    `python -m workshop import-offers ID FILE`."""
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        url = f"sqlite:///{Path(folder) / 'import.sqlite3'}"
        engine = make_engine(url)
        migrate(engine)
        target = create_workshop(engine, "Import target", "bench-facilitator", "bench-leadership")
        path = offers_csv(Path(folder) / "offers.csv")
        before = os.environ.get(URL_VARIABLE)
        os.environ[URL_VARIABLE] = url
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
                code = -1

                def run() -> None:
                    nonlocal code
                    code = workshop_cli(["import-offers", str(target), str(path)])

                seconds, cpu = timed_cpu(run)
        finally:
            if before is None:
                os.environ.pop(URL_VARIABLE, None)
            else:
                os.environ[URL_VARIABLE] = before
            engine.dispose()
        if code == 0:
            result.import_seconds, result.import_cpu = seconds, cpu
        else:
            result.import_note = f"failed (exit {code}): {err.getvalue().strip()[:200]}"


def time_reports(engine: Engine, fx: Fixture, result: SizeResult) -> None:
    """The HTML report and the Excel workbook of the whole workshop."""
    for attribute, produce in (("html", html_report), ("xlsx", to_xlsx)):
        try:
            setattr(result, f"{attribute}_seconds", timed(functools.partial(produce, engine, fx.workshop_id)))
        except Exception as exc:  # a report that breaks is a finding to print, not a reason to stop
            setattr(result, f"{attribute}_note", f"failed: {type(exc).__name__}: {exc}"[:200])
