"""`python -m workshop import-offers / export-offers`, the export round trip, and the schema step 1 -> 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, text

from tests.unit.test_importing import DANISH, TWO_SHEETS
from workshop.cli import main
from workshop.domain.errors import InvalidInput
from workshop.files.spreadsheet import guess_mapping, read_source
from workshop.services.partnership.partners import add_partner, partners_by_space
from workshop.services.register.offer_import import import_offers
from workshop.services.register.offers import register_frame, save_register
from workshop.services.whole.demo import create_demo
from workshop.services.whole.export import to_json
from workshop.services.whole.register_files import register_csv, register_xlsx
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import migrate
from workshop.store.migrations import SCHEMA_VERSION, current_version


def test_the_cli_imports_a_danish_csv_and_says_what_it_did(cli_db: Engine, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    wid = create_workshop(cli_db, "Week", "facilitate", "leadership")
    (tmp_path / "tilbud.csv").write_bytes(DANISH.encode("cp1252"))
    assert main(["import-offers", str(wid), str(tmp_path / "tilbud.csv")]) == 0
    out = capsys.readouterr().out
    assert "tilbud.csv: 3 rows (cp1252, semicolon)" in out and "added 3, updated 0 offers; 2 new partners" in out
    assert len(register_frame(cli_db, wid)) == 3


def test_the_cli_refuses_a_bad_file_with_the_row_report_and_a_nonzero_exit(
    cli_db: Engine, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    wid = create_workshop(cli_db, "Week", "facilitate", "leadership")
    (tmp_path / "bad.csv").write_bytes("Navn;Styrke;Møderummet\nKoncert;7;1\n;3;1\n".encode("cp1252"))
    assert main(["import-offers", str(wid), str(tmp_path / "bad.csv")]) == 1
    err = capsys.readouterr().err
    assert "bad.csv was rejected; nothing was imported. 2 problem(s):" in err
    assert "row 2, Styrke: 7 is not between 1 and 5\nrow 3, Navn: the offer has no name" in err
    assert register_frame(cli_db, wid).empty


def test_the_cli_reads_the_sheet_it_is_told(cli_db: Engine, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    wid = create_workshop(cli_db, "Week", "facilitate", "leadership")
    (tmp_path / "tilbud.xlsx").write_bytes(TWO_SHEETS)
    assert main(["import-offers", str(wid), str(tmp_path / "tilbud.xlsx")]) == 1
    assert main(["import-offers", str(wid), str(tmp_path / "tilbud.xlsx"), "--sheet", "Tilbud"]) == 0
    assert "sheet 'Tilbud'" in capsys.readouterr().out
    assert main(["import-offers", str(wid), str(tmp_path / "missing.csv")]) == 2
    assert main(["import-offers", "999", str(tmp_path / "tilbud.xlsx")]) == 2


def test_export_then_import_gives_the_same_register(engine: Engine) -> None:
    source = create_demo(engine)
    target = create_workshop(engine, "Copy", "facilitate", "leadership")
    table = read_source(register_csv(engine, source), "offers.csv")
    import_offers(engine, target, table, guess_mapping(table.header))
    columns = ["name", "description", "owner_team", "target_groups", "status", "reach", "strength", "partners", "tags"]
    before, after = register_frame(engine, source), register_frame(engine, target)
    assert after[[*columns, "primary"]].equals(before[[*columns, "primary"]])


def test_exports_quote_formulas_but_json_stays_raw(sqlite_engine: Engine) -> None:
    wid = create_workshop(sqlite_engine, "Week", "facilitate", "leadership")
    evil = {"name": '=HYPERLINK("http://x")', "description": "@SUM(A1)", "tags": ["-1+2"], "meeting": 2}
    save_register(sqlite_engine, wid, {}, [evil])
    csv_text = register_csv(sqlite_engine, wid).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'@SUM(A1)" in csv_text and "'-1+2" in csv_text
    sheet = load_workbook(io.BytesIO(register_xlsx(sqlite_engine, wid)))["offers"]
    assert [c.value for c in sheet[2]][:2] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    assert json.loads(to_json(sqlite_engine, wid))["offers"][0]["name"] == '=HYPERLINK("http://x")'
    table = read_source(register_csv(sqlite_engine, wid), "offers.csv")  # and the quote goes again on re-import
    other = create_workshop(sqlite_engine, "Other", "facilitate", "leadership")
    import_offers(sqlite_engine, other, table, guess_mapping(table.header))
    assert list(register_frame(sqlite_engine, other)["name"]) == ['=HYPERLINK("http://x")']


def test_the_register_refuses_a_second_offer_with_the_same_name(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate", "leadership")
    save_register(engine, wid, {}, [{"name": "Film club", "meeting": 2}])
    with pytest.raises(InvalidInput, match="Offer 'film club': another offer already has this name"):
        save_register(engine, wid, {}, [{"name": "film club", "meeting": 1}])


def test_a_partner_serves_the_spaces_of_its_offers(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate", "leadership")
    save_register(
        engine, wid, {}, [{"name": "Film club", "meeting": 2, "inspiration": 3}, {"name": "Code club", "learning": 1}]
    )
    ids = list(register_frame(engine, wid)["id"])
    add_partner(engine, wid, {"name": "Cinema", "sector": "private", "stage": "collaboration"}, ids[:1])
    table = partners_by_space(engine, wid)
    assert table.loc["Cinema"].to_dict() == {"inspiration": 1, "learning": 0, "meeting": 1, "performative": 0}
    with pytest.raises(InvalidInput, match="Partner 'cinema' is already in the register"):
        add_partner(engine, wid, {"name": "cinema"})


def test_a_database_from_the_first_release_is_brought_forward_with_its_offers(engine: Engine) -> None:
    wid = create_demo(engine)
    count = len(register_frame(engine, wid))
    with engine.begin() as conn:  # back to schema 1, as main's first release created it
        conn.execute(text("ALTER TABLE offers DROP COLUMN primary_space"))
        conn.execute(text("DROP TABLE target_groups"))
        conn.execute(text("DROP TABLE profile_ratings"))
        conn.execute(text("DROP TABLE data_versions"))
        conn.execute(text("DROP TABLE comments"))
        conn.execute(text("DROP TABLE recap_quotes"))
        conn.execute(text("DROP TABLE projector_links"))
        conn.execute(text("DROP TABLE role_sessions"))  # schema 10
        for table in ("partner_proposals", "asset_proposals", "assets"):  # schema 12
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DROP TABLE partner_stages"))  # schema 13
        conn.execute(text("UPDATE settings SET value = '1' WHERE key = 'schema_version'"))
    assert migrate(engine) == SCHEMA_VERSION
    with engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
    assert len(register_frame(engine, wid)) == count
