"""Input that used to end in a traceback ends in a one-line message and changes nothing: huge numbers,
repeated headers, control characters, over-long text, and broken backups."""

from __future__ import annotations

import datetime as dt
import io
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.conftest import ROOT
from workshop.cli import main
from workshop.config.messages import problem_rows
from workshop.domain.errors import ImportRejected, InvalidInput
from workshop.domain.offer_fields import offer_from_fields
from workshop.files.spreadsheet import guess_mapping, read_source
from workshop.services.loop.actions import add_action
from workshop.services.loop.themes import create_theme
from workshop.services.register.offer_import import import_offers
from workshop.services.register.offers import register_frame
from workshop.services.whole.backup import snapshot
from workshop.services.whole.demo import create_demo
from workshop.services.whole.register_files import register_xlsx
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import write
from workshop.store.tables import days, offers

CODES = ("facilitate-Week-2026", "leadership-Week-2026")


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: "), err
    return err[0]


def test_a_reach_of_1e30_is_a_row_problem_not_an_overflow(cli_db: Engine, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    wid = create_workshop(cli_db, "Week", *CODES)
    (tmp_path / "huge.csv").write_bytes(b"name;reach;Meeting space\nClub;1e30;1\n")
    assert main(["import-offers", str(wid), str(tmp_path / "huge.csv")]) == 1
    assert "row 2, reach: 1e30 is not between 0 and 1,000,000,000" in capsys.readouterr().err
    assert register_frame(cli_db, wid).empty


def test_repeated_headers_keep_their_own_names_and_the_mapping_says_which(sqlite_engine: Engine) -> None:
    table = read_source(b"name;Name;Meeting space\nClub;Other;1\n", "twice.csv")
    assert table.header == ["name", "Name (B)", "Meeting space"]
    preview = pd.DataFrame(table.rows, columns=table.header)  # what the import page shows first
    assert list(preview.columns) == table.header
    wid = create_workshop(sqlite_engine, "Week", *CODES)
    with pytest.raises(ImportRejected) as caught:
        import_offers(sqlite_engine, wid, table, guess_mapping(table.header))
    assert problem_rows(caught.value.problems) == [(1, "name, Name (B)", "2 columns are mapped to name; keep one")]


def test_a_control_character_in_an_offer_is_refused_and_old_ones_do_not_break_the_excel_register(
    sqlite_engine: Engine,
) -> None:
    wid = create_workshop(sqlite_engine, "Week", *CODES)
    table = read_source(b"name;tags;Meeting space\nClub\x01night;ok;1\nChess;a\x07b;2\n", "ctl.csv")
    with pytest.raises(ImportRejected) as caught:
        import_offers(sqlite_engine, wid, table, guess_mapping(table.header))
    assert problem_rows(caught.value.problems) == [
        (2, "name", "the name holds a control character"),
        (3, "tags", "'a\\x07b' holds a control character"),
    ]
    with pytest.raises(InvalidInput, match="holds a control character"):
        offer_from_fields({"name": "Club\x0bnight", "meeting": 1})
    # An offer stored before this check (or by hand) still exports.
    with write(sqlite_engine) as conn:
        conn.execute(offers.insert().values(workshop_id=wid, name="Old\x01club", meeting=2))
    book = load_workbook(io.BytesIO(register_xlsx(sqlite_engine, wid)))
    assert [row[0] for row in book["offers"].iter_rows(min_row=2, values_only=True)] == ["Oldclub"]


def test_every_text_field_has_a_length_limit_with_a_message(cli_db: Engine, capsys) -> None:  # type: ignore[no-untyped-def]
    name = "W" * 201
    assert main(["new", "--name", name, "--facilitator-code", CODES[0], "--leadership-code", CODES[1]]) == 2
    assert one_line_error(capsys) == "error: The name is 201 characters long; at most 200."
    wid = create_workshop(cli_db, "Week", *CODES)
    with pytest.raises(InvalidInput, match="The decision is 5,001 characters long; at most 5,000"):
        create_theme(cli_db, wid, "Rooms", decision="d" * 5001)
    with pytest.raises(InvalidInput, match="at most 200"):
        add_action(cli_db, wid, {"title": "Buy sofas", "owner": "o" * 201})  # as the page gives it
    with pytest.raises(InvalidInput, match="at most 200"):
        offer_from_fields({"name": "Club", "meeting": 1, "tags": ["t" * 201]})
    assert main(["list"]) == 0 and capsys.readouterr().out.strip() == f"{wid}\tWeek"


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc.pop(key)


def _set_first(table: str, column: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["tables"][table][0][column] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda doc: doc.update(schema_version="abc"), "schema_version 'abc' is not a whole number from 1"),
        (_drop("tables"), "no tables (the backup holds no 'tables' object)"),
        (_set_first("days", "date", 20260105), "table days, row 1, date: 20260105 is not a date"),
        (_set_first("responses", "created_at", 5), "table responses, row 1, created_at: 5 is not a date and time"),
        (_set_first("days", "status", "half-open"), "table days, row 1, status: 'half-open' is not one of"),
        (_set_first("questions", "kind", "essay"), "table questions, row 1, kind: 'essay' is not one of"),
        (_set_first("offers", "reach", "many"), "table offers, row 1, reach: 'many' is not a whole number"),
        (
            _set_first("responses", "question_id", 999_999),
            "table responses, row 1, question_id: names questions 999999",
        ),
    ],
    ids=["schema-abc", "no-tables", "int-date", "int-datetime", "day-status", "question-kind", "text-int", "dangling"],
)
def test_a_broken_backup_is_refused_in_one_line_and_changes_nothing(
    cli_db: Engine, tmp_path: Path, capsys, change: Callable[[dict[str, Any]], None], message: str
) -> None:  # type: ignore[no-untyped-def]
    create_demo(cli_db)
    before = snapshot(cli_db)
    doc = json.loads(json.dumps(before))
    change(doc)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["restore", str(path), "--replace"]) == 2
    assert message in one_line_error(capsys)
    assert snapshot(cli_db) == before


def test_a_good_backup_still_restores_with_its_dates(cli_db: Engine, tmp_path: Path) -> None:
    create_demo(cli_db)
    with write(cli_db) as conn:
        conn.execute(days.update().values(date=dt.date(2027, 3, 1)))
    before = snapshot(cli_db)
    path = tmp_path / "good.json"
    path.write_text(json.dumps(before), encoding="utf-8")
    assert main(["restore", str(path), "--replace"]) == 0
    assert snapshot(cli_db) == before and before["tables"]["days"][0]["date"] == "2027-03-01"


def test_the_browser_never_shows_error_details_or_takes_an_upload_over_the_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] == 50
