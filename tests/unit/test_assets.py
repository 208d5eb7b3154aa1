"""The library's assets and the teams' proposals (issue 16): the list and its order, a team's proposals and
the facilitator's decision, the duplicate warnings, the leaflet in Danish and English, the CLI, the
migration step. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from tests.conftest import run_cli
from workshop.domain.assets import Clash, Proposed, ReviewStatus, normalised, warnings
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound
from workshop.domain.model import Team
from workshop.services.partnership.partner_proposals import (
    decide_partner_proposal,
    partner_proposals_of,
    propose_partner,
    team_partner_proposals,
)
from workshop.services.partnership.partners import add_partner
from workshop.services.register.assets import (
    add_asset,
    decide_asset_proposal,
    delete_asset,
    leaflet_html,
    list_assets,
    move_asset,
    pending_asset_proposals,
    propose_asset,
    team_asset_proposals,
    update_asset,
)
from workshop.services.register.offers import partners_frame
from workshop.services.whole.demo import create_demo
from workshop.services.whole.export import workshop_document
from workshop.services.workshops.lifecycle import add_team, create_workshop, get_workshop, update_workshop
from workshop.store import make_engine, migrate
from workshop.store.migrations import SCHEMA_VERSION

HOSTILE = '<script>alert(1)</script> & "quoted" <img src=x onerror=alert(1)>'


@pytest.fixture
def week(engine: Engine) -> tuple[int, Team, Team]:
    wid = create_workshop(engine, "Nordby 2027", "facilitate-fx", "lead-fixture")
    return wid, add_team(engine, wid, "Children")[0], add_team(engine, wid, "Digital")[0]


def set_workshop_language(engine: Engine, wid: int, language: str) -> None:
    update_workshop(engine, wid, get_workshop(engine, wid).name, language=language)


def titles(engine: Engine, wid: int) -> list[str]:
    return [a.title for a in list_assets(engine, wid)]


def test_the_facilitator_adds_edits_orders_and_deletes_assets(engine: Engine, week: tuple) -> None:
    wid = week[0]
    ids = [add_asset(engine, wid, f"  {name}  ", "about") for name in ("Trust", "Rooms", "Hours")]
    assert titles(engine, wid) == ["Trust", "Rooms", "Hours"]  # trimmed, in the order added
    move_asset(engine, wid, ids[2], -1)
    move_asset(engine, wid, ids[0], -1)  # the first stays first
    assert titles(engine, wid) == ["Trust", "Hours", "Rooms"]
    move_asset(engine, wid, ids[0], 1)
    assert titles(engine, wid) == ["Hours", "Trust", "Rooms"]
    update_asset(engine, wid, ids[2], "Long opening hours", "8-22 every day")
    assert list_assets(engine, wid)[0].description == "8-22 every day"
    delete_asset(engine, wid, ids[0])
    assert titles(engine, wid) == ["Long opening hours", "Rooms"]


def test_a_bad_asset_names_its_field(engine: Engine, week: tuple) -> None:
    with pytest.raises(InvalidInput, match="title") as empty:
        add_asset(engine, week[0], "   ")
    assert empty.value.params["field"] == "title"
    with pytest.raises(InvalidInput, match="description") as long:
        add_asset(engine, week[0], "Trust", "x" * 5001)
    assert long.value.params["field"] == "description"
    assert list_assets(engine, week[0]) == []


def test_another_workshops_assets_and_proposals_are_out_of_reach(engine: Engine, week: tuple) -> None:
    wid, children, _ = week
    other = create_workshop(engine, "Other", "facilitate-fx", "lead-fixture")
    theirs = add_asset(engine, other, "Their asset")
    for act in (
        lambda: update_asset(engine, wid, theirs, "Mine now"),
        lambda: delete_asset(engine, wid, theirs),
        lambda: move_asset(engine, wid, theirs, 1),
    ):
        with pytest.raises(NotFound):
            act()
    assert titles(engine, other) == ["Their asset"] and titles(engine, wid) == []
    proposal = propose_asset(engine, children, "Makerspace")
    with pytest.raises(NotFound):
        decide_asset_proposal(engine, other, proposal, True)
    forged = Team(id=children.id, workshop_id=other, name="Children")
    with pytest.raises(AccessDenied):
        propose_asset(engine, forged, "Sneaked in")
    with pytest.raises(AccessDenied):
        propose_partner(engine, forged, {"name": "Sneaked in"})


def test_a_teams_asset_reaches_the_list_only_when_accepted(engine: Engine, week: tuple) -> None:
    wid, children, digital = week
    add_asset(engine, wid, "Trust")
    rooms = propose_asset(engine, children, "Rooms for debates", "A hall for 120")
    wifi = propose_asset(engine, children, "Fast wifi")
    propose_asset(engine, digital, "E-books")
    assert titles(engine, wid) == ["Trust"]
    assert [p.title for p in team_asset_proposals(engine, children)] == ["Rooms for debates", "Fast wifi"]
    assert [p.title for p in pending_asset_proposals(engine, wid)] == ["Rooms for debates", "Fast wifi", "E-books"]

    decide_asset_proposal(engine, wid, rooms, accept=True)
    decide_asset_proposal(engine, wid, wifi, accept=False)
    assert titles(engine, wid) == ["Trust", "Rooms for debates"]  # at the end of the list
    assert list_assets(engine, wid)[1].description == "A hall for 120"
    statuses = {p.title: p.status for p in team_asset_proposals(engine, children)}
    assert statuses == {"Rooms for debates": ReviewStatus.ACCEPTED, "Fast wifi": ReviewStatus.DECLINED}
    assert [p.title for p in pending_asset_proposals(engine, wid)] == ["E-books"]
    with pytest.raises(InvalidInput, match="already been decided"):
        decide_asset_proposal(engine, wid, rooms, accept=True)  # a second click, another tab
    assert titles(engine, wid) == ["Trust", "Rooms for debates"]


def test_a_partner_proposal_enters_the_register_only_when_accepted(engine: Engine, week: tuple) -> None:
    wid, children, digital = week
    job = propose_partner(
        engine,
        children,
        {"name": "Job Centre", "sector": "public", "contact": "Lise Holm", "reason": "Job seekers ask us for help"},
    )
    gaming = propose_partner(engine, digital, {"name": "Gaming Club", "sector": "civil"})
    assert partners_frame(engine, wid).empty
    assert [p.name for p in team_partner_proposals(engine, children)] == ["Job Centre"]  # never the other team's

    partner_id = decide_partner_proposal(engine, wid, job.id, accept=True)
    decide_partner_proposal(engine, wid, gaming.id, accept=False)
    register = partners_frame(engine, wid)
    assert list(register["name"]) == ["Job Centre"] and int(register["id"].iloc[0]) == partner_id
    assert register.iloc[0][["sector", "contact", "description"]].tolist() == [
        "public",
        "Lise Holm",
        "Job seekers ask us for help",
    ]
    assert [p.status for p in team_partner_proposals(engine, digital)] == [ReviewStatus.DECLINED]


def test_two_teams_naming_the_same_partner_or_contact_are_warned(engine: Engine, week: tuple) -> None:
    wid, children, digital = week
    add_partner(engine, wid, {"name": "Nordby Makers"})
    first = propose_partner(engine, children, {"name": "Nordby Job Centre", "contact": "Lise Holm"})
    assert first.warnings == []  # no one else named them yet
    second = propose_partner(engine, digital, {"name": "  nordby   JOB centre ", "contact": "lise  holm"})
    assert [(w.clash, w.teams) for w in second.warnings] == [
        (Clash.SAME_PARTNER, ("Children",)),
        (Clash.SAME_CONTACT, ("Children",)),
    ]
    own_again = propose_partner(engine, children, {"name": "Library friends", "contact": "LISE HOLM"})
    assert [(w.clash, w.teams) for w in own_again.warnings] == [(Clash.SAME_CONTACT, ("Digital",))]
    makers = propose_partner(engine, digital, {"name": "nordby makers", "contact": "Jonas"})
    assert [w.clash for w in makers.warnings] == [Clash.IN_REGISTER]

    with pytest.raises(InvalidInput, match="is already in the register") as taken:
        decide_partner_proposal(engine, wid, makers.id, accept=True)
    assert taken.value.params["field"] == "name"
    decide_partner_proposal(engine, wid, second.id, accept=False)  # declined: no longer a clash
    by_id = {p.id: p for p in partner_proposals_of(engine, wid)}
    assert by_id[first.id].warnings == [] == by_id[own_again.id].warnings


def test_the_comparison_ignores_case_and_whitespace_but_not_spelling() -> None:
    assert normalised("  Nordby\tJob   CENTRE ") == "nordby job centre"
    found = warnings(
        [Proposed(1, "A", "Job Centre", ""), Proposed(2, "B", "job centre", ""), Proposed(3, "C", "Jobcentre", "")],
        ["JOBCENTRE"],
    )
    assert [w.clash for w in found[1]] == [Clash.SAME_PARTNER] and found[1][0].teams == ("B",)
    assert [w.clash for w in found[3]] == [Clash.IN_REGISTER]  # an empty contact is no clash either


def test_a_bad_partner_proposal_names_its_field(engine: Engine, week: tuple) -> None:
    for fields, field in (
        ({"name": " "}, "name"),
        ({"name": "X", "sector": "pirate"}, "sector"),
        ({"name": "X", "contact": "c" * 201}, "contact"),
    ):
        with pytest.raises(InvalidInput) as bad:
            propose_partner(engine, week[1], fields)
        assert bad.value.params["field"] == field
    assert partner_proposals_of(engine, week[0]) == []


def test_the_leaflet_is_in_the_workshops_language_with_user_text_escaped(engine: Engine, week: tuple) -> None:
    wid = week[0]
    add_asset(engine, wid, f"Trust {HOSTILE}", f"People trust us\n{HOSTILE}")
    english = leaflet_html(engine, wid)
    assert "<h1>We can – will you?</h1>" in english and 'lang="en"' in english
    assert "What the library brings to a partnership:" in english
    set_workshop_language(engine, wid, "da")
    danish = leaflet_html(engine, wid, "en")  # the reader's English interface does not matter
    assert "<h1>Vi kan – vil du?</h1>" in danish and 'lang="da"' in danish
    assert "Det bringer biblioteket ind i et partnerskab:" in danish and "We can" not in danish
    for page in (english, danish):
        assert "<script>" not in page and "<img" not in page
        assert "Trust &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
        # Offline: no address to fetch from, no script; one A4 page when printed.
        assert "://" not in page and "@import" not in page and not re.search(r"<[^>]+\b(src|href)=", page)
        assert "@page{size:A4" in page and "@media print" in page


def test_the_leaflet_says_so_when_the_list_is_empty_and_shortens_long_descriptions(engine: Engine, week: tuple) -> None:
    wid = week[0]
    assert "The list of what we can offer is being written." in leaflet_html(engine, wid)
    add_asset(engine, wid, "Rooms", "word " * 200)
    page = leaflet_html(engine, wid)
    assert "word word…</p>" in page and page.count("word") < 70


def test_the_command_line_writes_the_leaflet(store_url: str, tmp_path: Path) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    wid = create_demo(engine)
    set_workshop_language(engine, wid, "da")
    engine.dispose()
    out = tmp_path / "vi-kan.html"
    done = run_cli(store_url, "leaflet", str(wid), "--out", str(out))
    assert done.returncode == 0 and done.stdout.strip() == str(out), done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Vi kan – vil du?" in page and page.count("<li>") == 8
    assert page.index("A broad contact surface") < page.index("Staff competences")  # the demo's order
    missing = run_cli(store_url, "leaflet", "404", "--out", str(tmp_path / "x.html"))
    assert missing.returncode == 2 and missing.stderr.strip() == "error: No workshop 404; it may have been deleted."


def test_the_demo_and_its_export_carry_assets_and_proposals(engine: Engine) -> None:
    wid = create_demo(engine)
    doc = json.loads(json.dumps(workshop_document(engine, wid)))
    assert [a["position"] for a in doc["assets"]] == list(range(1, 9))
    assert doc["assets"][0]["title"] == "A broad contact surface"
    assert len(doc["asset_proposals"]) == 1 and doc["asset_proposals"][0]["status"] == "pending"
    proposals = doc["partner_proposals"]
    assert len(proposals) == 3 and {p["status"] for p in proposals} == {"pending"}
    clashes = {p.name: {w.clash for w in p.warnings} for p in partner_proposals_of(engine, wid)}
    assert clashes["Nordby Job Centre"] == {Clash.SAME_PARTNER, Clash.SAME_CONTACT}
    assert clashes["Nordby Makers"] == {Clash.IN_REGISTER}


def test_a_version_11_database_gets_the_new_tables_and_keeps_its_workshops(sqlite_engine: Engine) -> None:
    wid = create_workshop(sqlite_engine, "Old", "facilitate-fx", "lead-fixture")
    with sqlite_engine.begin() as conn:
        for table in ("partner_proposals", "asset_proposals", "assets"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE settings SET value = '11' WHERE key = 'schema_version'"))
    assert migrate(sqlite_engine) == SCHEMA_VERSION
    assert {"assets", "asset_proposals", "partner_proposals"} <= set(inspect(sqlite_engine).get_table_names())
    add_asset(sqlite_engine, wid, "Trust")
    assert titles(sqlite_engine, wid) == ["Trust"]
