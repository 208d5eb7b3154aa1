"""Storage on a real SQLite file and a real PostgreSQL server: schema, versions, the demo."""

import datetime

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from workshop.config.templates import demo
from workshop.services.register.offers import offers_frame
from workshop.services.week.days import answers_frame, list_days, list_questions
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, list_teams, list_workshops
from workshop.store import engine as store_engine
from workshop.store import make_engine, migrate
from workshop.store.migrations import SCHEMA_VERSION, current_version
from workshop.store.tables import responses, workshops


def test_a_new_database_gets_the_current_schema_version(engine: Engine) -> None:
    with engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert {"workshops", "offers", "responses", "themes", "actions"} <= set(inspect(conn).get_table_names())


def test_migrating_twice_keeps_the_data(engine: Engine) -> None:
    workshop_id = create_demo(engine)
    assert migrate(engine) == SCHEMA_VERSION
    assert [w.id for w in list_workshops(engine)] == [workshop_id]


def test_the_demo_has_a_populated_week(engine: Engine) -> None:
    workshop_id = create_demo(engine)
    assert current_workshop_id(engine) == workshop_id
    assert len(offers_frame(engine, workshop_id)) >= 40
    assert len(list_teams(engine, workshop_id)) == 6
    assert [d.status.value for d in list_days(engine, workshop_id)][:3] == ["closed", "closed", "open"]
    answers = answers_frame(engine, workshop_id)
    assert answers["team"].nunique() >= 4 and len(answers) > 20
    assert len(list_questions(engine, workshop_id)) >= 10


def test_recreating_the_demo_replaces_it_and_nothing_else(engine: Engine) -> None:
    own = create_workshop(engine, "This year's week", "facilitate-me", "lead-me-now", "four_spaces_week")
    create_demo(engine)
    create_demo(engine)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(workshops)).scalar() == 2
        stored = conn.execute(select(func.count()).select_from(responses)).scalar()
    assert stored == len(demo().answers)
    assert [w.name for w in list_workshops(engine) if w.id == own] == ["This year's week"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_a_database_url_from_the_environment_is_used(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "elsewhere.sqlite3"
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", f"sqlite:///{target}")
    engine = make_engine()
    migrate(engine)
    assert target.exists()


def test_a_version_1_database_is_brought_forward_without_losing_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.store.migrations import SCHEMA_VERSION
    from workshop.store.tables import data_versions, metadata, settings
    from workshop.store.versions import versions

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with engine.begin() as conn:  # the schema as release 1 made it
        metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t is not data_versions])
        conn.execute(settings.insert().values(key="schema_version", value="1"))
        conn.execute(
            workshops.insert().values(
                id=7,
                name="Last year's week",
                facilitator_code_hash="x",
                leadership_code_hash="x",
                team_code_salt="00",
                created_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
            )
        )
    assert migrate(engine) == SCHEMA_VERSION
    assert [(w.id, w.name) for w in list_workshops(engine)] == [(7, "Last year's week")]
    assert versions(engine, "offers") == (0,)


def test_a_version_4_database_gets_reactions_and_keeps_its_themes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from workshop.services.loop.publication import is_published
    from workshop.services.loop.themes import list_themes
    from workshop.store.tables import metadata, publications, reactions, settings, vote_dots, votes

    engine = make_engine(f"sqlite:///{tmp_path / 'v4.sqlite3'}")
    with engine.begin() as conn:  # the schema as release 4 made it: no reactions, themes without the switch
        metadata.create_all(
            conn, tables=[t for t in metadata.sorted_tables if t not in (publications, reactions, votes, vote_dots)]
        )
        conn.execute(text("ALTER TABLE themes DROP COLUMN reactions_open"))
        conn.execute(settings.insert().values(key="schema_version", value="4"))
    workshop_id = create_workshop(engine, "Last year's week", "facilitate-me", "lead-me-now")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO themes (workshop_id, title, status, decision) VALUES (:w, 'Rooms', 'adopt', '')"),
            {"w": workshop_id},
        )
    assert migrate(engine) == SCHEMA_VERSION
    assert [(t.title, t.reactions_open) for t in list_themes(engine, workshop_id)] == [("Rooms", False)]
    assert not is_published(engine, workshop_id)


def test_a_write_bumps_the_version_of_the_tables_it_changed_only(engine: Engine) -> None:
    from workshop.domain.model import Offer
    from workshop.services.register.offers import add_offers
    from workshop.store.versions import versions

    workshop_id = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    before = versions(engine, "offers", "responses")
    add_offers(engine, workshop_id, [Offer(name="Makerspace", spaces={"performative": 3})])
    after = versions(engine, "offers", "responses")
    assert after[0] == before[0] + 1 and after[1] == before[1]


def test_the_demo_home_shows_only_team_codes_that_still_work(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from workshop.services.week.teams import regenerate_code
    from workshop.services.whole.demo import working_demo_team_codes

    workshop_id = create_demo(engine)
    shown = working_demo_team_codes(engine, workshop_id)
    assert shown == {t.name: t.code for t in demo().teams}
    # The home page asks on every run: the demo's codes are hashed once, not six scrypts a run.
    hashed: list[bytes] = []
    scrypt = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda code, **kw: hashed.append(code) or scrypt(code, **kw))
    assert working_demo_team_codes(engine, workshop_id) == shown and hashed == []
    first = list_teams(engine, workshop_id)[0]
    regenerate_code(engine, workshop_id, int(first.id or 0))
    assert first.name not in working_demo_team_codes(engine, workshop_id)
    assert len(working_demo_team_codes(engine, workshop_id)) == len(shown) - 1


def test_a_version_13_database_keeps_its_data_versions_in_the_sharded_counters(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from workshop.store.migrations import SCHEMA_VERSION
    from workshop.store.tables import data_versions, metadata, settings
    from workshop.store.versions import versions

    engine = make_engine(f"sqlite:///{tmp_path / 'v13.sqlite3'}")
    with engine.begin() as conn:  # release 13: one counter row per table
        metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t is not data_versions])
        conn.execute(text("CREATE TABLE data_versions (table_name VARCHAR(100) PRIMARY KEY, version INTEGER)"))
        conn.execute(text("INSERT INTO data_versions VALUES ('offers', 41), ('responses', 7)"))
        conn.execute(settings.insert().values(key="schema_version", value="13"))
    assert migrate(engine) == SCHEMA_VERSION
    assert versions(engine, "offers", "responses", "teams") == (41, 7, 0)  # never back to a version seen
    workshop_id = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    from workshop.domain.model import Offer
    from workshop.services.register.offers import add_offers

    add_offers(engine, workshop_id, [Offer(name="Makerspace", spaces={"performative": 3})])
    assert versions(engine, "offers")[0] == 42


def test_a_write_with_returning_bumps_its_tables_version(engine: Engine) -> None:
    """Adding a team inserts with RETURNING, for which SQLite reports no row changed until they are fetched:
    the team list a facilitator sees (a cached read keyed on this version) must still show the new team."""
    from workshop.services.workshops.lifecycle import add_team
    from workshop.store.versions import versions

    workshop_id = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    before = versions(engine, "teams")[0]
    add_team(engine, workshop_id, "Makerspace crew")
    assert versions(engine, "teams")[0] == before + 1


def test_a_statement_that_changes_no_row_bumps_no_version(engine: Engine) -> None:
    from workshop.domain.model import Offer
    from workshop.services.register.offers import add_offers
    from workshop.store import write
    from workshop.store.tables import offers
    from workshop.store.versions import versions

    workshop_id = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    add_offers(engine, workshop_id, [Offer(name="Makerspace", spaces={"performative": 3})])
    before = versions(engine, "offers")
    with write(engine) as conn:
        conn.execute(offers.delete().where(offers.c.name == "No such offer"))
    assert versions(engine, "offers") == before
    with write(engine) as conn:
        conn.execute(offers.delete().where(offers.c.name == "Makerspace"))
    assert versions(engine, "offers")[0] == before[0] + 1


def test_a_team_joining_bumps_no_version_and_no_cached_read_may_name_the_sign_in_counters(engine: Engine) -> None:
    import pytest

    from ui.cache import cached
    from workshop.services.access.codes import join_team
    from workshop.services.workshops.lifecycle import add_team
    from workshop.store.versions import versions

    workshop_id = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    _team, code = add_team(engine, workshop_id, "Makers", code="KX7P2MQ4")
    tables = ("sign_in_attempts", "teams", "workshops")
    before = versions(engine, *tables)
    assert join_team(engine, workshop_id, code, session="test").name == "Makers"
    assert versions(engine, *tables) == before  # the guard's counters were written, no cache was touched
    assert [t.name for t in list_teams(engine, workshop_id)] == ["Makers"]
    with pytest.raises(ValueError, match="sign_in_attempts"):
        cached(list_teams, "teams", "sign_in_attempts")


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_connection_the_server_dropped_while_idle_is_replaced_before_a_save_meets_it(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL restarted, or closed an idle connection, between two saves: the pooled connection is checked
    after lying idle and a new one taken: the next page loads, not an error."""
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now", "partnership_week")
    with engine.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    with make_engine(str(engine.url.render_as_string(hide_password=False))).connect() as other:
        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    monkeypatch.setattr(store_engine, "IDLE_BEFORE_PING", 0.0)  # as if it had lain idle long enough
    assert current_workshop_id(engine) == wid
    with engine.connect() as conn:
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar() != pid


def test_every_tables_version_is_one_row_until_a_write_from_anywhere_changes_one(engine: Engine) -> None:
    """Every run of every session reads the versions (ui.cache): with nothing written since, one row, the sum of
    the counters, and on SQLite no BEGIN or ROLLBACK either (the 9:00 crowd, issue 25). A write by another
    server (another engine on the same database) shows at once, whichever table it changed."""
    from tests.app.test_morning_meeting import statements_of
    from workshop.services.workshops.lifecycle import add_team
    from workshop.store.versions import all_versions, forget_versions

    forget_versions()
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    first = all_versions(engine)
    sent = statements_of(lambda: all_versions(engine))
    assert len(sent) == 1 and "sum(data_versions.version)" in sent[0] and "GROUP BY" not in sent[0]
    assert all_versions(engine) == first
    other_server = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        add_team(other_server, wid, "Makers")
    finally:
        other_server.dispose()
    sent = statements_of(lambda: all_versions(engine))
    assert not [s for s in sent if s.split()[0] in {"BEGIN", "ROLLBACK", "COMMIT"}]
    after = all_versions(engine)
    assert after["teams"] == first.get("teams", 0) + 1 and after["offers"] == first.get("offers", 0)


def test_a_one_statement_read_holds_no_transaction_open(engine: Engine) -> None:
    """The crowd's reads (the versions' sum, a known code's team) run without BEGIN and ROLLBACK: on SQLite no
    transaction is open after the SELECT, on PostgreSQL the connection is in autocommit (no round trips for
    BEGIN and ROLLBACK); an ordinary read is still a transaction, and the pool's next user is not in autocommit."""
    from workshop.store import read
    from workshop.store.one_statement import one_statement

    def open_transaction(conn: object) -> bool:
        raw = conn.connection.driver_connection  # type: ignore[attr-defined]
        if engine.dialect.name == "sqlite":
            return bool(raw.in_transaction)
        return raw.info.transaction_status != raw.info.transaction_status.IDLE

    with one_statement(engine) as conn:
        assert conn.execute(select(func.count()).select_from(workshops)).scalar() == 0
        assert not open_transaction(conn)
    with read(engine) as conn:
        conn.execute(select(func.count()).select_from(workshops)).scalar()
        assert open_transaction(conn)
