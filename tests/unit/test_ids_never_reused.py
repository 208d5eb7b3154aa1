"""Issue 24: an id is never given to a second row (SQLite gave a deleted last row's id to the next one), and
every workshop has an identity of its own; a schema-14 database is brought forward with every row kept."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from hashlib import sha256
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, inspect, select, text

from tests.conftest import database_url
from workshop.services.access.sessions import resume_session
from workshop.services.week.days import list_days
from workshop.services.week.planning import delete_question, save_question
from workshop.services.week.teams import delete_team
from workshop.services.whole.backup import backup, restore
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import add_team, create_workshop, delete_workshop, get_workshop, list_teams
from workshop.store import make_engine, migrate
from workshop.store.migrations import SCHEMA_VERSION, current_version
from workshop.store.tables import metadata, teams, workshops

SCHEMA_14 = Path(__file__).with_name("schema_v14_sqlite.sql")  # the schema as release 14 made it, unchanged


def numbered_tables() -> list[Table]:
    """Every table whose rows have an integer id of their own."""
    return [t for t in metadata.sorted_tables if [c.name for c in t.primary_key.columns] == ["id"]]


def test_a_deleted_last_workshops_id_is_not_given_to_the_next_one(engine: Engine) -> None:
    first = create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    last = create_workshop(engine, "Aarhus", "facilitate-me", "lead-me-now")
    delete_workshop(engine, last)
    newcomer = create_workshop(engine, "Odense", "facilitate-me", "lead-me-now")
    assert newcomer > last > first


def test_a_deleted_last_team_or_question_keeps_its_number_to_itself(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now", "four_spaces_week")
    add_team(engine, wid, "Alpha")
    gone = add_team(engine, wid, "Beta")[0]
    delete_team(engine, wid, int(gone.id or 0))
    assert int(add_team(engine, wid, "Gamma")[0].id or 0) > int(gone.id or 0)
    day = int(list_days(engine, wid)[0].id or 0)
    question = int(save_question(engine, wid, day, "What did we learn?").id or 0)
    delete_question(engine, wid, question)
    assert int(save_question(engine, wid, day, "What will we try?").id or 0) > question


def test_every_numbered_table_counts_with_autoincrement_on_sqlite(sqlite_engine: Engine) -> None:
    numbered = {t.name for t in numbered_tables()}
    assert {"workshops", "teams", "questions", "days", "offers", "themes", "actions", "responses"} <= numbered
    with sqlite_engine.connect() as conn:
        declared = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
    assert sorted(n for n in numbered if "AUTOINCREMENT" not in declared[n]) == []


def test_every_workshop_has_an_identity_of_its_own(engine: Engine) -> None:
    first = create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    delete_workshop(engine, first)
    second = create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    uid = get_workshop(engine, second).uid
    assert re.fullmatch(r"[0-9a-f]{32}", uid)
    assert uid != get_workshop(engine, create_workshop(engine, "Aarhus", "facilitate-me", "lead-me-now")).uid


def test_a_restore_numbers_new_rows_past_every_id_used_before_it(engine: Engine, tmp_path: Path) -> None:
    create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    saved = tmp_path / "backup.json"
    backup(engine, saved)
    create_workshop(engine, "Aarhus", "facilitate-me", "lead-me-now")
    last = create_workshop(engine, "Odense", "facilitate-me", "lead-me-now")
    restore(engine, saved, replace=True)  # the database holds only the first workshop again
    assert create_workshop(engine, "Vejle", "facilitate-me", "lead-me-now") > last


def test_a_backup_from_before_identities_restores_with_one_minted_per_workshop(engine: Engine, tmp_path: Path) -> None:
    create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    create_workshop(engine, "Aarhus", "facilitate-me", "lead-me-now")
    saved = tmp_path / "backup.json"
    backup(engine, saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["schema_version"] = 14  # as release 14 wrote it: its workshops have no uid
    for row in data["tables"]["workshops"]:
        del row["uid"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    restore(engine, saved, replace=True)
    uids = [get_workshop(engine, w).uid for w in _ids(engine)]
    assert len(uids) == 2 and len(set(uids)) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", u) for u in uids)


# ---- the migration from schema 14 ----------------------------------------------------------------


# The workshops' identity, the kept sign-ins' binding to it, and (schema 16) a workshop's words left out of key terms.
NEW_COLUMNS = {"uid", "workshop_uid", "leave_out"}
# Release 17 (issue 26.7): main points' status, the library's name and contact, the mapping's pre-fill setting.
# Release 18 (issue 30): each workshop's retention period for personal data. Release 19 (issue 29.1): the
# single sign-on tables, new and empty.
NEW_IN_17 = {("main_points", "status")} | {
    ("workshops", c) for c in ("library_name", "library_contact", "mapping_prefill", "retention_months")
}
NEW_IN_18 = {("questions", "each_person"), ("responses", "edited_by"), ("votes", "each_person")}  # issue 29.2
KEPT_TOKEN = "a-facilitator-sign-in-kept-across-the-upgrade"
KEPT_SESSION = (
    "INSERT INTO role_sessions (token_hash, workshop_id, role, expires_at) "
    "VALUES (:hash, (SELECT min(id) FROM workshops), 'facilitator', '2999-01-01 00:00:00')"
)


def _rows(engine: Engine) -> dict[str, list[str]]:
    """Every row of every table as it stands (sorted), the workshops without their new uid; not the schema's
    version nor the data versions, which a migration moves on (and the caches with them)."""
    with engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if n not in ("sqlite_sequence", "data_versions")]
        found = {}
        for name in names:
            rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {name}"))]
            rows = [r for r in rows if r.get("key") != "schema_version"]
            found[name] = sorted(
                repr(
                    sorted(
                        (k, v) for k, v in r.items() if k not in NEW_COLUMNS and (name, k) not in NEW_IN_17 | NEW_IN_18
                    )
                )
                for r in rows
            )
    return found


def _schema_14_with_the_demo(kind: str, tmp_path: Path) -> Engine:
    """A database at schema 14 holding the demo workshop and a second workshop, on SQLite as release 14
    declared its tables, on PostgreSQL as its migrations left them (no uid)."""
    if kind == "sqlite":
        made = make_engine(f"sqlite:///{tmp_path / 'made.sqlite3'}")
        migrate(made)
        create_demo(made)
        create_workshop(made, "Last year's week", "facilitate-me", "lead-me-now", "four_spaces_week")
        made.dispose()
        path = tmp_path / "old.sqlite3"
        with sqlite3.connect(path) as old:
            old.executescript(SCHEMA_14.read_text(encoding="utf-8"))
            old.execute("ATTACH DATABASE ? AS made", (str(tmp_path / "made.sqlite3"),))
            for (name,) in old.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'").fetchall():
                columns = ", ".join(f'"{r[1]}"' for r in old.execute(f"PRAGMA main.table_info({name})"))
                old.execute(f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM made.{name}")
            old.execute("UPDATE main.settings SET value = '14' WHERE key = 'schema_version'")
            old.execute(KEPT_SESSION.replace(":hash", "?"), (sha256(KEPT_TOKEN.encode()).hexdigest(),))
        return make_engine(f"sqlite:///{path}")
    engine = make_engine(database_url(kind, tmp_path))
    migrate(engine)
    create_demo(engine)
    create_workshop(engine, "Last year's week", "facilitate-me", "lead-me-now", "four_spaces_week")
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE workshops DROP COLUMN uid")
        conn.exec_driver_sql("ALTER TABLE workshops DROP COLUMN leave_out")
        conn.exec_driver_sql("ALTER TABLE role_sessions DROP COLUMN workshop_uid")
        conn.exec_driver_sql("UPDATE settings SET value = '14' WHERE key = 'schema_version'")
        conn.execute(text(KEPT_SESSION), {"hash": sha256(KEPT_TOKEN.encode()).hexdigest()})
    return engine


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_schema_14_database_keeps_every_row_and_never_gives_an_id_again(kind: str, tmp_path: Path) -> None:
    engine = _schema_14_with_the_demo(kind, tmp_path)
    before = _rows(engine)
    assert sum(map(len, before.values())) > 500  # the demo's week: a test on empty tables would prove little
    assert migrate(engine) == SCHEMA_VERSION == 21
    after = _rows(engine)
    assert {name: after[name] for name in before} == before
    assert all(rows == [] for name, rows in after.items() if name not in before)  # new tables start empty
    with engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        # the main points made before leadership could propose stay the week's approved points
        assert set(conn.execute(text("SELECT status FROM main_points")).scalars()) == {"approved"}
        assert set(conn.execute(text("SELECT library_name FROM workshops")).scalars()) == {""}
        # a question made before issue 29.2 stays a team question; a team answer has no editor's name
        assert set(conn.execute(text("SELECT each_person FROM questions")).scalars()) == {False}
        assert set(conn.execute(text("SELECT edited_by FROM responses")).scalars()) == {""}
        uids = conn.execute(select(workshops.c.uid)).scalars().all()
        if kind == "sqlite":
            declared = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
            assert [t.name for t in numbered_tables() if "AUTOINCREMENT" not in declared[t.name]] == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            indexes = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert {i.name for t in metadata.tables.values() for i in t.indexes} <= indexes
    assert len(uids) == 2 and len(set(uids)) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", u) for u in uids)
    kept = resume_session(engine, KEPT_TOKEN)  # a facilitator's kept sign-in still works after the upgrade
    assert kept is not None and kept.workshop_id == min(_ids(engine))
    assert kept.workshop_uid == get_workshop(engine, kept.workshop_id).uid

    highest = max(_ids(engine))
    delete_workshop(engine, highest)  # the foreign keys still cascade: its teams, days and questions go too
    with engine.connect() as conn:
        assert conn.execute(select(teams.c.id).where(teams.c.workshop_id == highest)).first() is None
    newcomer = create_workshop(engine, "Next year's week", "facilitate-me", "lead-me-now")
    assert newcomer > highest
    demo = min(_ids(engine))
    before_teams = [t.id for t in list_teams(engine, demo)]
    delete_team(engine, demo, int(before_teams[-1] or 0))
    assert int(add_team(engine, demo, "Newcomers")[0].id or 0) > int(before_teams[-1] or 0)
    engine.dispose()


def _ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [int(i) for i in conn.execute(select(workshops.c.id)).scalars()]


def test_a_migration_that_would_lose_a_column_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "odd.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_14.read_text(encoding="utf-8"))
        old.execute("INSERT INTO settings VALUES ('schema_version', '14')")
        old.execute("ALTER TABLE offers ADD COLUMN kept_by_hand TEXT")  # someone's own column
    engine = make_engine(f"sqlite:///{path}")
    with pytest.raises(RuntimeError, match="kept_by_hand"):
        migrate(engine)
    with engine.connect() as conn:
        assert current_version(conn) == 14
        assert "uid" not in {c["name"] for c in inspect(conn).get_columns("workshops")}
        assert "kept_by_hand" in {c["name"] for c in inspect(conn).get_columns("offers")}
    engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_servers_starting_together_migrate_one_after_the_other(kind: str, tmp_path: Path) -> None:
    first = _schema_14_with_the_demo(kind, tmp_path)
    second = make_engine(str(first.url.render_as_string(hide_password=False)))
    start = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def server(name: str, engine: Engine) -> None:
        start.wait()
        try:
            outcome[name] = migrate(engine)
        except Exception as exc:  # what a server would die of
            outcome[name] = exc

    threads = [threading.Thread(target=server, args=(n, e)) for n, e in (("one", first), ("two", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcome == {"one": SCHEMA_VERSION, "two": SCHEMA_VERSION}
    assert len(set(_uids(first))) == 2
    first.dispose()
    second.dispose()


def _uids(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [str(u) for u in conn.execute(select(workshops.c.uid)).scalars()]
