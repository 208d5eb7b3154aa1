"""The command line (in-process through main(argv); one test starts `python -m workshop` itself), the JSON
export format, and an exact backup/restore round trip."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.conftest import ROOT, database_url, run_cli
from workshop.domain.errors import DatabaseNotEmpty
from workshop.domain.model import Role
from workshop.services.access.codes import sign_in
from workshop.services.whole.backup import backup, restore, snapshot
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate


def test_python_m_workshop_starts_and_reports_an_error_in_one_line(tmp_path: Path) -> None:
    """The one test that starts the real command; every other runs main(argv) in this process."""
    env = {"WORKSHOP_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "scores", "404"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stderr.splitlines()
    assert (
        result.returncode == 2 and len(lines) == 1 and lines[0] == "error: No workshop 404; it may have been deleted."
    ), lines


def test_new_list_demo_and_export_from_the_command_line(store_url: str, tmp_path: Path) -> None:
    made = run_cli(
        store_url,
        "new",
        "--template",
        "partnership_week",
        "--name",
        "Partners 2027",
        "--facilitator-code",
        "facilitate-me-2027",
        "--leadership-code",
        "lead-the-week-2027",
    )
    assert made.returncode == 0, made.stderr
    new_id = int(made.stdout.strip())
    demo_id = int(run_cli(store_url, "demo").stdout.strip())
    listed = run_cli(store_url, "list").stdout.splitlines()
    assert f"{new_id}\tPartners 2027" in listed and any(line.startswith(f"{demo_id}\tDemo:") for line in listed)

    exported = run_cli(store_url, "export", str(demo_id), "--format", "json")
    doc = json.loads(exported.stdout)
    assert doc["format"] == "four-spaces-workshop" and doc["version"] == 1
    assert {"teams", "offers", "partners", "main_points", "days", "questions", "responses", "themes", "actions"} <= set(
        doc
    )
    offer = doc["offers"][0]
    assert set(offer["spaces"]) == {"inspiration", "learning", "meeting", "performative"} and "strength" in offer
    assert "code_hash" not in json.dumps(doc) and "facilitate-demo" not in json.dumps(doc)

    out = tmp_path / "demo.xlsx"
    assert run_cli(store_url, "export", str(demo_id), "--format", "xlsx", "--out", str(out)).returncode == 0
    book = load_workbook(out)
    assert {"workshop", "offers", "responses"} <= set(book.sheetnames)
    assert book["responses"].max_row == len(doc["responses"]) + 1


def test_new_generates_the_passcodes_it_is_not_given_and_refuses_weak_ones(store_url: str) -> None:
    made = run_cli(store_url, "new", "--name", "Week 2027", "--leadership-code", "lead-the-week-2027")
    assert made.returncode == 0, made.stderr
    new_id = int(made.stdout.strip())
    generated = made.stderr.split("facilitator passcode: ")[1].split()[0]
    assert len(generated) >= 16 and "leadership passcode" not in made.stderr
    engine = make_engine(store_url)
    assert sign_in(engine, new_id, Role.FACILITATOR, generated, session="test") == Role.FACILITATOR
    engine.dispose()
    weak = run_cli(store_url, "new", "--name", "Weak", "--facilitator-code", "facilitate")
    assert weak.returncode == 2 and "at least 12 characters" in weak.stderr and "Traceback" not in weak.stderr


def test_the_cli_reports_an_unknown_template_without_a_traceback(store_url: str) -> None:
    result = run_cli(
        store_url,
        "new",
        "--template",
        "nope",
        "--name",
        "X",
        "--facilitator-code",
        "facilitate-me-2027",
        "--leadership-code",
        "lead-the-week-2027",
    )
    assert result.returncode == 2 and "No template 'nope'" in result.stderr and "Traceback" not in result.stderr


def test_backup_restore_backup_is_identical(engine: Engine, tmp_path: Path) -> None:
    create_demo(engine)
    first = tmp_path / "first.json"
    backup(engine, first)
    target = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(target)
    restore(target, first)
    second = tmp_path / "second.json"
    backup(target, second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_backup_moves_between_sqlite_and_postgresql(tmp_path: Path) -> None:
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    migrate(source)
    create_demo(source)
    target = make_engine(database_url("postgresql", tmp_path, migrated=True))
    migrate(target)
    backup(source, tmp_path / "b.json")
    restore(target, tmp_path / "b.json")
    assert snapshot(target) == snapshot(source)
    create_demo(target)  # ids keep counting after a restore: no clash with the restored rows


def test_restore_refuses_a_database_that_holds_workshops(engine: Engine, tmp_path: Path) -> None:
    create_demo(engine)
    backup(engine, tmp_path / "b.json")
    with pytest.raises(DatabaseNotEmpty):
        restore(engine, tmp_path / "b.json")
    restore(engine, tmp_path / "b.json", replace=True)


def test_restore_from_the_cli_needs_an_empty_database_unless_replace(store_url: str, tmp_path: Path) -> None:
    run_cli(store_url, "demo")
    file = tmp_path / "backup.json"
    assert run_cli(store_url, "backup", str(file)).returncode == 0
    refused = run_cli(store_url, "restore", str(file))
    assert refused.returncode == 2 and "--replace" in refused.stderr
    assert run_cli(store_url, "restore", str(file), "--replace").returncode == 0
    assert len(run_cli(store_url, "list").stdout.splitlines()) == 1


# Momentary state, not workshop data (tests/reliability/test_backup_round_trip.py says why): never backed up.
NOT_BACKED_UP = {"data_versions", "sign_in_attempts", "role_sessions"}


def test_every_table_of_the_schema_is_backed_up_and_has_a_check_for_its_rows() -> None:
    """A table added to the schema fails here until the backup carries it and restore has a rule for its
    rows (workshop.files.backup_rows) — restore drives its checks from the same table list."""
    from workshop.files.backup_rows import ROW_RULES
    from workshop.services.whole.backup import TABLES
    from workshop.store.tables import metadata

    backed_up = {table.name for table in TABLES}
    assert backed_up == set(metadata.tables) - NOT_BACKED_UP
    assert sorted(backed_up - set(ROW_RULES)) == []
    assert sorted(set(ROW_RULES) - backed_up) == []  # no rule for a table that is gone


def test_a_table_without_a_check_is_refused_not_restored_unchecked(tmp_path: Path) -> None:
    from sqlalchemy import Column, Integer, MetaData, Table

    from workshop.domain.errors import InvalidInput
    from workshop.files.backup import backup_document, read_backup, write_backup
    from workshop.services.whole.backup import TABLES
    from workshop.store.migrations import SCHEMA_VERSION

    later = Table("a_later_feature", MetaData(), Column("id", Integer, primary_key=True))
    file = tmp_path / "b.json"
    write_backup(backup_document({"a_later_feature": [{"id": 1}]}, SCHEMA_VERSION), file)
    with pytest.raises(InvalidInput, match="table a_later_feature has no check for its rows"):
        read_backup(file, (*TABLES, later), SCHEMA_VERSION)
