"""The record of who changed what (issue 29.3) as the store keeps it: in the backup and back after a restore,
gone with its workshop and only with it, the command line named as the command line, the authors and the
before -> after as a reader sees them, and the exports formula-safe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import Engine, select

from tests.conftest import run_cli
from workshop.domain.history import SET, Actor, ByRole, Change, Kind, differences, summary
from workshop.files.history_export import history_csv, history_json, what, who
from workshop.services import history
from workshop.services.history import acting
from workshop.services.week.planning import save_day, save_main_point
from workshop.services.whole.backup import backup, restore
from workshop.services.workshops.lifecycle import add_team, create_workshop, delete_workshop
from workshop.store import make_engine, migrate
from workshop.store.tables import history as history_table

ADA = Actor(ByRole.LEADERSHIP, "Ada Lovelace", "ada@library.example")


def _rows(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        found = conn.execute(select(history_table).order_by(history_table.c.id))
        return [(r.workshop_id, r.kind, r.item_id, r.change, r.subject, r.details, r.by_role, r.by_name) for r in found]


def test_the_record_is_in_the_backup_and_back_after_a_restore(engine: Engine, tmp_path: Path) -> None:
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    with acting(ADA):
        save_main_point(engine, wid, "Reach new readers")
    kept = _rows(engine)
    assert kept[-1][6:] == ("leadership", "Ada Lovelace")
    file = tmp_path / "backup.json"
    backup(engine, file)
    target = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(target)
    restore(target, file)
    assert _rows(target) == kept  # the record as it was: nothing lost, nothing added by the restore itself


def test_deleting_a_workshop_takes_its_record_and_leaves_the_others(engine: Engine) -> None:
    gone = create_workshop(engine, "Last year", "facilitate-me", "lead-me-now")
    stays = create_workshop(engine, "This year", "facilitate-me", "lead-me-now")
    with acting(ADA):
        save_day(engine, gone, "Monday")
        save_day(engine, stays, "Monday")
    delete_workshop(engine, gone)
    assert {r[0] for r in _rows(engine)} == {stays}
    assert history.count(engine, stays) == 2  # its creation (the passcodes) and its day


def test_the_command_line_is_named_as_the_command_line_whoever_else_acts(engine: Engine, store_url: str) -> None:
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    with acting(ADA):
        assert run_cli(store_url, "add-team", str(wid), "Blue").returncode == 0
    newest = history.entries(engine, wid, limit=1)[0]
    assert (newest.kind, newest.change, newest.subject) == ("role", "added", "Blue")
    assert newest.by == Actor(ByRole.COMMAND_LINE)
    assert newest.details == [["team_code", "", SET]]  # that a code was set, never the code


def test_the_record_is_read_newest_first_by_kind_and_in_pages(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    with acting(ADA):
        days = [save_day(engine, wid, f"Day {n}") for n in range(1, 6)]
        add_team(engine, wid, "Blue")
    assert history.count(engine, wid) == 7 and history.count(engine, wid, ["day"]) == 5
    page = history.entries(engine, wid, ["day"], start=1, limit=2)
    assert [e.subject for e in page] == ["Day 4", "Day 3"]
    assert [e.item_id for e in page] == [days[3].id, days[2].id]
    assert history.entries(engine, None) == []  # nothing outside a workshop yet


def test_a_change_reads_as_its_before_and_after_in_the_readers_language() -> None:
    details = differences(
        {"title": "Reach", "status": "open"}, {"title": "Reach new readers", "status": "open"}, ["title", "status"]
    )
    assert details == [["title", "Reach", "Reach new readers"]]
    entry = _entry(Kind.MAIN_POINT, Change.CHANGED, details, ADA)
    assert what(entry, "en") == "Main point #3 changed: title: Reach → Reach new readers"
    assert what(entry, "da") == "Hovedpunkt nr. 3 ændret: titel: Reach → Reach new readers"
    assert summary([["description", "Old text", ""]]) == "description: Old text → –"
    opened = _entry(Kind.DAY, Change.CHANGED, [["status", "planned", "open"]], ADA, subject="Monday")
    assert what(opened, "da") == "Dag nr. 3 ændret: status: planlagt → åben"  # stored words in the reader's
    decided = _entry(Kind.DECISION, Change.CHANGED, [["status", "open", "adopt"], ["reactions_open", "", "True"]], ADA)
    assert what(decided, "en") == "Decision #3 changed: status: not decided yet → adopted; open for reactions: yes"
    assert who(ADA, "en") == "Ada Lovelace <ada@library.example>"
    assert who(Actor(ByRole.TEAM, "Blue"), "nb") == "Team Blue"
    assert who(Actor(ByRole.FACILITATOR), "nl") == "Facilitator"
    assert who(Actor(ByRole.COMMAND_LINE), "da") == "Kommandolinje"


def test_the_exports_keep_a_formula_as_text_and_every_author() -> None:
    hostile = '=HYPERLINK("http://evil.example","click")'
    entry = _entry(Kind.THEME, Change.ADDED, [["title", "", hostile]], Actor(ByRole.TEAM, "+Blue"), subject=hostile)
    rows = list(csv.reader(io.StringIO(history_csv([entry], "en").decode("utf-8-sig"))))
    assert rows[1][4] == "'" + hostile and rows[1][6] == "Team +Blue" and rows[1][7] == "Team"
    assert rows[1][5] == "title: " + hostile  # the summary starts with the field's name: no formula
    document = json.loads(history_json([entry], "Week"))
    assert document["changes"][0]["subject"] == hostile
    assert document["changes"][0]["by"] == {"role": "team", "name": "+Blue", "email": ""}
    assert document["changes"][0]["details"] == [{"field": "title", "before": "", "after": hostile}]


def _entry(
    kind: Kind, change: Change, details: list[list[str]], by: Actor, subject: str = "Reach new readers"
) -> history.Entry:
    import datetime as dt

    at = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)
    return history.Entry(1, 1, at, kind.value, 3, change.value, subject, details, by)
