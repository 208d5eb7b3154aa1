"""Issue 14: a new workshop from an earlier one (field by field, only the chosen parts, never teams, answers
or themes), editing a workshop, and the command line's new --from, add-team and teams."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, inspect, select, text

from tests.conftest import run_cli
from tests.unit.week_fixture import build_week
from workshop.domain.carry_over import PARTS
from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import Offer, Partner, Sector
from workshop.services.access.codes import join_team
from workshop.services.loop.themes import create_theme, list_themes
from workshop.services.register.assets import add_asset, list_assets, pending_asset_proposals, propose_asset
from workshop.services.register.offers import add_offers, insert_partners, set_target_groups
from workshop.services.register.strengths import load_thresholds, load_weights, save_thresholds, save_weights
from workshop.services.whole.carry_over import new_from
from workshop.services.workshops.lifecycle import get_workshop, list_teams, update_workshop
from workshop.store import make_engine, migrate, write
from workshop.store.migrations import SCHEMA_VERSION
from workshop.store.tables import assets, main_points, offers, partners, responses, target_groups, teams


def _earlier(engine: Engine) -> int:
    """Last year's week: answers, themes and teams, plus a register, weights and thresholds of its own."""
    week = build_week(engine, "Roskilde 2025")
    wid = week.workshop_id
    add_offers(
        engine,
        wid,
        [
            Offer(
                name="Storytime",
                description="Reading aloud; =SUM(A1)",
                owner_team="Children",
                target_groups=["children", "families"],
                status="active",
                reach=1200,
                strength=4,
                spaces={"inspiration": 3, "learning": 2},
                partners=["School"],
                tags=["reading"],
            ),
            Offer(
                name="Repair café",
                status="paused",
                reach=80,
                strength=2,
                spaces={"meeting": 2, "performative": 2},
                primary_space="performative",
            ),
        ],
    )
    with write(engine) as conn:
        insert_partners(
            conn,
            wid,
            [Partner(name="School", sector=Sector.PUBLIC, description="Primary school", contact="anna@school.dk")],
        )
    set_target_groups(engine, wid, ["children", "families", "makers"])
    save_weights(engine, wid, {"inspiration": 5, "learning": 1, "meeting": 0, "performative": 4})
    save_thresholds(engine, wid, {"weak_gap": 0.1, "strong_gap": 0.2, "weak_strength": 2.0, "strong_strength": 4.0})
    create_theme(engine, wid, "More sofas", list(week.answers.values())[:2])
    for title in ("High public trust", "Long opening hours"):
        add_asset(engine, wid, title, f"{title}, in a sentence")
    propose_asset(engine, week.teams["Alpha"], "Fast wifi")  # a proposal belongs to its week: never carried
    return wid


def _rows(engine: Engine, table: Table, wid: int) -> list[dict[str, object]]:
    """A table's rows of one workshop, every field but the ids, in their order."""
    order = table.c.id if "id" in table.c else table.c.position
    with engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.workshop_id == wid).order_by(order))
        return [{k: v for k, v in r._mapping.items() if k not in ("id", "workshop_id")} for r in rows]


def test_every_part_is_carried_field_by_field_and_no_team_answer_or_theme(engine: Engine) -> None:
    earlier = _earlier(engine)
    new = new_from(engine, earlier, "Roskilde 2026", "facilitate-26", "leadership-26", PARTS)
    for table in (offers, partners, target_groups, main_points, assets):
        carried = _rows(engine, table, new)
        assert carried == _rows(engine, table, earlier) and carried, table.name
    carried_offers = _rows(engine, offers, new)
    assert carried_offers[0]["target_groups"] == ["children", "families"]
    assert carried_offers[0]["partners"] == ["School"] and carried_offers[0]["reach"] == 1200
    assert carried_offers[1]["primary_space"] == "performative" and carried_offers[1]["status"] == "paused"
    assert [(p["title"], p["spaces"]) for p in _rows(engine, main_points, new)] == [
        ("Meeting place", ["meeting"]),
        ("Digital", ["learning"]),
    ]
    assert load_weights(engine, new) == {"inspiration": 5, "learning": 1, "meeting": 0, "performative": 4}
    assert load_thresholds(engine, new) == load_thresholds(engine, earlier)
    assert load_thresholds(engine, new).strong_strength == 4.0
    assert list_teams(engine, new) == [] and list_themes(engine, new) == []
    assert [a.title for a in list_assets(engine, new)] == ["High public trust", "Long opening hours"]
    assert pending_asset_proposals(engine, new) == [] and len(pending_asset_proposals(engine, earlier)) == 1
    with engine.connect() as conn:
        assert conn.execute(select(responses).where(responses.c.workshop_id == new)).first() is None
    # the earlier workshop is untouched, and its team codes do not open the new one
    assert len(_rows(engine, offers, earlier)) == 2 and len(list_teams(engine, earlier)) == 3
    assert get_workshop(engine, new).name == "Roskilde 2026"


def test_parts_left_out_are_not_carried(engine: Engine) -> None:
    earlier = _earlier(engine)
    new = new_from(engine, earlier, "Aarhus 2026", "facilitate-26", "leadership-26", ["main_points", "thresholds"])
    assert _rows(engine, offers, new) == [] and _rows(engine, partners, new) == []
    assert _rows(engine, target_groups, new) == [] and _rows(engine, assets, new) == []
    assert len(_rows(engine, main_points, new)) == 2
    assert load_weights(engine, new) == {"inspiration": 3, "learning": 3, "meeting": 3, "performative": 3}
    assert load_thresholds(engine, new).weak_gap == 0.1


def test_a_bad_part_or_a_missing_workshop_is_refused_and_nothing_is_made(engine: Engine) -> None:
    earlier = _earlier(engine)
    with pytest.raises(InvalidInput, match="'answers' cannot be carried over"):
        new_from(engine, earlier, "X", "facilitate-26", "leadership-26", ["offers", "answers"])
    with pytest.raises(NotFound):
        new_from(engine, 404, "X", "facilitate-26", "leadership-26")
    with pytest.raises(InvalidInput, match="name"):
        new_from(engine, earlier, " ", "facilitate-26", "leadership-26")
    assert _names(engine) == ["Roskilde 2025"]


def _names(engine: Engine) -> list[str]:
    from workshop.services.workshops.lifecycle import list_workshops

    return [w.name for w in list_workshops(engine)]


def test_a_workshop_is_renamed_described_dated_and_given_a_language(engine: Engine) -> None:
    wid = _earlier(engine)
    changed = update_workshop(
        engine, wid, "  Roskilde week  ", "Our second year", "da", dt.date(2026, 3, 2), dt.date(2026, 3, 6)
    )
    assert (changed.name, changed.description, changed.language) == ("Roskilde week", "Our second year", "da")
    assert (changed.start_date, changed.end_date) == (dt.date(2026, 3, 2), dt.date(2026, 3, 6))
    assert get_workshop(engine, wid) == changed


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "needs a name"),
        ({"name": "x" * 201}, "The name is 201 characters long; at most 200"),
        ({"description": "a\x00b"}, "The description holds a control character"),
        ({"language": "sv"}, "The language must be one of en, da, nb, nl"),
        ({"start_date": dt.date(2026, 3, 6), "end_date": dt.date(2026, 3, 2)}, "before the start date"),
    ],
)
def test_a_bad_edit_is_refused_naming_the_field(sqlite_engine: Engine, fields: dict, message: str) -> None:  # type: ignore[type-arg]
    wid = _earlier(sqlite_engine)
    values = {"name": "Fine", "description": "", "language": "en"} | fields
    with pytest.raises(InvalidInput, match=message):
        update_workshop(sqlite_engine, wid, **values)
    assert get_workshop(sqlite_engine, wid).name == "Roskilde 2025"


def test_a_version_7_database_gets_workshop_dates_and_keeps_its_workshops(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'v7.sqlite3'}")
    migrate(engine)
    wid = _earlier(engine)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE workshops DROP COLUMN start_date"))
        conn.execute(text("ALTER TABLE workshops DROP COLUMN end_date"))
        conn.execute(text("DROP TABLE recap_quotes"))  # schema 9's tables (the morning meeting)
        conn.execute(text("DROP TABLE projector_links"))
        conn.execute(text("DROP TABLE role_sessions"))  # schema 10
        for table in ("partner_proposals", "asset_proposals", "assets"):  # schema 12
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DROP TABLE partner_stages"))  # schema 13
        conn.execute(text("UPDATE settings SET value = '7' WHERE key = 'schema_version'"))
    assert migrate(engine) == SCHEMA_VERSION
    assert {"projector_links", "recap_quotes", "role_sessions"} <= set(inspect(engine).get_table_names())
    assert {"start_date", "end_date"} <= {c["name"] for c in inspect(engine).get_columns("workshops")}
    assert get_workshop(engine, wid).name == "Roskilde 2025" and get_workshop(engine, wid).start_date is None


def test_the_command_line_carries_an_earlier_workshop_without_the_parts_left_out(store_url: str) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    earlier = _earlier(engine)
    made = run_cli(
        store_url,
        "new",
        "--from",
        str(earlier),
        "--name",
        "Roskilde 2026",
        "--without",
        "offers,partners",
        "--facilitator-code",
        "facilitate-2026-x",
        "--leadership-code",
        "leadership-2026-x",
    )
    assert made.returncode == 0, made.stderr
    new = int(made.stdout.strip())
    assert _rows(engine, offers, new) == [] and _rows(engine, partners, new) == []
    assert _rows(engine, main_points, new) == _rows(engine, main_points, earlier)
    assert _rows(engine, target_groups, new) == _rows(engine, target_groups, earlier)
    assert load_weights(engine, new)["inspiration"] == 5
    bad = run_cli(store_url, "new", "--from", str(earlier), "--name", "Y", "--without", "answers")
    assert bad.returncode == 2 and bad.stderr.strip().startswith("error: 'answers' cannot be carried over"), bad.stderr


def test_add_team_prints_a_code_and_a_link_that_join_that_workshop(store_url: str) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    first, second = _earlier(engine), new_from(engine, 1, "Other", "facilitate-26", "leadership-26", [])
    added = run_cli(store_url, "add-team", str(second), "Makers", "--app-url", "https://lib.example/workshop/")
    assert added.returncode == 0, added.stderr
    code, link = added.stdout.rstrip("\n").split("\t")
    assert link == f"https://lib.example/workshop/answer?w={second}&code={code}&lang=en"  # the workshop's language
    assert join_team(engine, second, code, session="test").name == "Makers"
    default = run_cli(store_url, "add-team", str(second), "Readers").stdout.rstrip("\n").split("\t")
    assert default[1].startswith(f"http://localhost:8501/answer?w={second}&code=")
    listed = run_cli(store_url, "teams", str(second))
    assert (
        listed.returncode == 0
        and listed.stdout.splitlines() == [f"{t.id}\t{t.name}" for t in list_teams(engine, second)]
        and [line.split("\t")[1] for line in listed.stdout.splitlines()] == ["Makers", "Readers"]
    )
    assert code not in listed.stdout and default[0] not in listed.stdout
    assert len(list_teams(engine, first)) == 3
    missing = run_cli(store_url, "teams", "404")
    assert missing.returncode == 2 and missing.stderr.strip() == "error: No workshop 404; it may have been deleted."
    with engine.connect() as conn:
        assert conn.execute(select(teams).where(teams.c.name == "Makers")).one().code_hash != code


def test_next_years_workshop_keeps_the_librarys_name_contact_and_mapping_setting(engine: Engine) -> None:
    """Issue 26.7: the leaflet of next year's week is headed with the same library, with the same contact."""
    from workshop.services.register.mapping import set_mapping_prefill

    earlier = _earlier(engine)
    update_workshop(
        engine,
        earlier,
        "Roskilde 2025",
        library_name="Roskilde Libraries",
        library_contact="Dronning Margrethes Vej 14",
    )
    set_mapping_prefill(engine, earlier, True)
    new = get_workshop(engine, new_from(engine, earlier, "Roskilde 2026", "facilitate-26", "leadership-26", ["offers"]))
    assert (new.library, new.library_contact, new.mapping_prefill) == (
        "Roskilde Libraries",
        "Dronning Margrethes Vej 14",
        True,
    )
