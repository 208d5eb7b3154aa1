"""The teams' mapping of offers: which offers a team maps, isolation, the spread, acceptance."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import AccessDenied, InvalidInput, MappingClosed, NotFound
from workshop.domain.mapping import (
    Contribution,
    MappingScope,
    OfferRef,
    median,
    next_offer,
    offer_spread,
    offers_for_team,
    register_shown,
    starting_point,
    widest_first,
)
from workshop.domain.model import DayStatus, Offer, Team
from workshop.services.register.mapping import propose_offer, save_mapping, set_mapping_phase, team_mapping
from workshop.services.register.mapping_review import (
    accept,
    accept_agreed,
    accept_proposal,
    median_of,
    pending_proposals,
    review,
    staff_beside_register,
)
from workshop.services.register.offers import add_offers, offers_frame
from workshop.services.whole.export import to_json
from workshop.services.workshops.lifecycle import add_team, create_workshop

OFFERS = [OfferRef(1, "Storytime", "Children"), OfferRef(2, "IT courses", "Digital"), OfferRef(3, "Makers", "digital ")]


def mapped(i: int, le: int, m: int, p: int, strength: int = 3, note: str = "") -> Contribution:
    return Contribution({"inspiration": i, "learning": le, "meeting": m, "performative": p}, strength, note=note)


def test_a_team_maps_its_own_offers_by_owner_team_ignoring_case_and_spaces() -> None:
    found = offers_for_team(MappingScope.OWN, OFFERS, [10, 11], 11, "Digital")
    assert [o.name for o in found] == ["IT courses", "Makers"]


def test_a_share_deals_every_offer_to_one_team_in_turn() -> None:
    first = offers_for_team(MappingScope.SHARE, OFFERS, [11, 10], 10, "x")
    second = offers_for_team(MappingScope.SHARE, OFFERS, [11, 10], 11, "y")
    assert [o.id for o in first] == [1, 3] and [o.id for o in second] == [2]


def test_every_offer_goes_to_every_team_when_all_map_all() -> None:
    assert len(offers_for_team(MappingScope.ALL, OFFERS, [10, 11], 10, "x")) == 3


def test_skipped_offers_come_back_after_the_others() -> None:
    assert next_offer([1, 2, 3, 4], mapped=[1], skipped=[2]) == 3
    assert next_offer([1, 2, 3, 4], mapped=[1, 3, 4], skipped=[2]) == 2
    assert next_offer([1, 2], mapped=[1, 2]) is None


def test_the_spread_and_median_match_a_count_by_hand() -> None:
    # Three teams: inspiration 0, 3, 1 -> spread 3, median 1; learning 2, 2, 2 -> 0 and 2;
    # meeting 1, 2, 2 -> 1 and 2; performative 0, 0, 3 -> 3 and 0; strength 2, 4, 5 -> 3 and 4.
    entries = [mapped(0, 2, 1, 0, 2), mapped(3, 2, 2, 0, 4), mapped(1, 2, 2, 3, 5)]
    s = offer_spread(7, entries)
    assert s.by_space == {"inspiration": 3, "learning": 0, "meeting": 1, "performative": 3}
    assert s.medians == {"inspiration": 1, "learning": 2, "meeting": 2, "performative": 0}
    assert (s.strength_spread, s.strength_median, s.widest) == (3, 4, 3)
    # Two teams: the middle of 1 and 2 rounds up; of 1 and 3 it is 2.
    assert median([1, 2]) == 2 and median([1, 3]) == 2 and median([0, 1]) == 1


def test_the_widest_spread_comes_first() -> None:
    calm = offer_spread(1, [mapped(1, 0, 0, 0), mapped(1, 0, 0, 0)])
    torn = offer_spread(2, [mapped(3, 0, 0, 0), mapped(0, 0, 0, 1)])
    bit = offer_spread(3, [mapped(1, 0, 0, 0), mapped(2, 0, 0, 0)])
    assert [s.offer_id for s in widest_first([calm, bit, torn])] == [2, 3, 1]


@pytest.fixture
def library(engine: Engine) -> tuple[int, dict[str, Team], dict[str, int]]:
    wid = create_workshop(engine, "Mapping", "facilitate-fx", "lead-fixture")
    teams = {n: add_team(engine, wid, n)[0] for n in ("Children", "Digital")}
    add_offers(
        engine,
        wid,
        [
            Offer(name="Storytime", owner_team="Children", strength=4, spaces={"inspiration": 3, "learning": 1}),
            Offer(name="IT courses", owner_team="Digital", strength=3, spaces={"learning": 3}),
        ],
    )
    ids = dict(zip(offers_frame(engine, wid)["name"], offers_frame(engine, wid)["id"], strict=True))
    set_mapping_phase(engine, wid, DayStatus.OPEN, MappingScope.ALL)
    return wid, teams, {k: int(v) for k, v in ids.items()}


def test_a_team_sees_only_its_own_mapping(engine: Engine, library: tuple) -> None:
    _, teams, ids = library
    save_mapping(engine, teams["Children"], ids["Storytime"], mapped(2, 2, 0, 0, note="ours"), done=True)
    assert team_mapping(engine, teams["Children"]).entries[ids["Storytime"]].note == "ours"
    theirs = team_mapping(engine, teams["Digital"])
    assert theirs.entries == {} and theirs.progress == (0, 2)
    assert team_mapping(engine, teams["Children"]).progress == (1, 2)


def test_a_forged_team_of_another_workshop_is_refused(engine: Engine, library: tuple) -> None:
    wid, _, ids = library
    other = create_workshop(engine, "Other", "facilitate-fx", "lead-fixture")
    stranger = add_team(engine, other, "Stranger")[0]
    forged = Team(id=stranger.id, workshop_id=wid, name="Children")
    with pytest.raises(AccessDenied):
        save_mapping(engine, forged, ids["Storytime"], mapped(1, 0, 0, 0), done=True)
    with pytest.raises(AccessDenied):
        propose_offer(engine, forged, "Sneaky", "", mapped(1, 0, 0, 0))
    assert review(engine, wid) == []


def test_an_offer_of_another_workshop_or_outside_the_teams_share_is_refused(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    other = create_workshop(engine, "Other", "facilitate-fx", "lead-fixture")
    add_offers(engine, other, [Offer(name="Elsewhere", spaces={"meeting": 2})])
    elsewhere = int(offers_frame(engine, other)["id"].iloc[0])
    with pytest.raises(NotFound):
        save_mapping(engine, teams["Children"], elsewhere, mapped(1, 0, 0, 0), done=True)
    set_mapping_phase(engine, wid, scope=MappingScope.OWN)
    with pytest.raises(NotFound):
        save_mapping(engine, teams["Children"], ids["IT courses"], mapped(1, 0, 0, 0), done=True)


def test_nothing_is_written_while_the_phase_is_closed(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    set_mapping_phase(engine, wid, DayStatus.CLOSED)
    with pytest.raises(MappingClosed):
        save_mapping(engine, teams["Children"], ids["Storytime"], mapped(1, 0, 0, 0), done=False)


def test_a_mapping_that_touches_no_space_cannot_be_done_but_can_be_a_draft(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    with pytest.raises(InvalidInput):
        save_mapping(engine, teams["Children"], ids["Storytime"], mapped(0, 0, 0, 0), done=True)
    save_mapping(engine, teams["Children"], ids["Storytime"], mapped(0, 0, 0, 0), done=False)
    mine = team_mapping(engine, teams["Children"])
    assert ids["Storytime"] in mine.entries and mine.done == set()
    assert review(engine, wid) == []  # a draft is not shown to the facilitator


def test_the_register_changes_only_when_the_facilitator_accepts(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    save_mapping(engine, teams["Children"], ids["Storytime"], mapped(3, 0, 2, 0, 5), done=True)
    save_mapping(engine, teams["Digital"], ids["Storytime"], mapped(1, 2, 2, 0, 2), done=True)
    before = offers_frame(engine, wid).set_index("name").loc["Storytime"]
    assert (before["inspiration"], before["learning"], before["meeting"], before["strength"]) == (3, 1, 0, 4)
    item = review(engine, wid)[0]
    assert item.open and item.spread.by_space == {"inspiration": 2, "learning": 2, "meeting": 0, "performative": 0}
    who = accept(engine, wid, ids["Storytime"], median_of(item))
    assert who == ["Children", "Digital"]
    after = offers_frame(engine, wid).set_index("name").loc["Storytime"]
    # Medians: inspiration (1, 3) -> 2, learning (0, 2) -> 1, meeting 2, strength (2, 5) -> 3.5 -> 4.
    assert (after["inspiration"], after["learning"], after["meeting"], after["strength"]) == (2, 1, 2, 4)
    done = review(engine, wid)[0]
    assert not done.open and done.decided_by == ["Children", "Digital"]
    save_mapping(engine, teams["Digital"], ids["Storytime"], mapped(0, 3, 0, 0), done=True)
    assert review(engine, wid)[0].changed_since


def test_offers_the_teams_agree_on_are_accepted_at_once(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    for team in teams.values():
        save_mapping(engine, team, ids["IT courses"], mapped(0, 3, 1, 0, 3), done=True)
    save_mapping(engine, teams["Children"], ids["Storytime"], mapped(3, 0, 0, 0), done=True)
    save_mapping(engine, teams["Digital"], ids["Storytime"], mapped(2, 0, 0, 0), done=True)
    assert accept_agreed(engine, wid) == 1
    assert offers_frame(engine, wid).set_index("name").at["IT courses", "meeting"] == 1
    assert [i.name for i in review(engine, wid) if i.open] == ["Storytime"]


def test_a_proposed_offer_reaches_the_register_only_when_accepted(engine: Engine, library: tuple) -> None:
    wid, teams, _ = library
    with pytest.raises(InvalidInput):
        propose_offer(engine, teams["Digital"], "it courses", "", mapped(0, 3, 0, 0))
    pid = propose_offer(engine, teams["Digital"], "Repair café", "Fix things together", mapped(0, 1, 3, 3, 2))
    assert "Repair café" not in set(offers_frame(engine, wid)["name"])
    assert [p.name for p in pending_proposals(engine, wid)] == ["Repair café"]
    offer_id = accept_proposal(engine, wid, pid)
    row = offers_frame(engine, wid).set_index("id").loc[offer_id]
    assert (row["name"], row["owner_team"], row["meeting"], row["strength"]) == ("Repair café", "Digital", 3, 2)
    assert pending_proposals(engine, wid) == []
    assert offer_id in team_mapping(engine, teams["Digital"]).done


def test_the_export_holds_one_entry_per_team_and_offer_with_proposals_flagged(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    save_mapping(engine, teams["Children"], ids["Storytime"], mapped(3, 0, 1, 0, 4, "=cmd"), done=True)
    propose_offer(engine, teams["Digital"], "Repair café", "", mapped(0, 0, 3, 0))
    doc = json.loads(to_json(engine, wid))
    entries = {(m["team"], m["offer"]): m for m in doc["mappings"]}
    assert entries["Children", "Storytime"]["spaces"] == {
        "inspiration": 3,
        "learning": 0,
        "meeting": 1,
        "performative": 0,
    }
    assert entries["Children", "Storytime"]["note"] == "=cmd" and not entries["Children", "Storytime"]["proposed"]
    assert entries["Digital", "Repair café"]["proposed"] and entries["Digital", "Repair café"]["offer_id"] is None
    assert (doc["mapping"]["status"], doc["mapping"]["scope"], doc["mapping"]["decisions"]) == ("open", "all", [])
    accept(engine, wid, ids["Storytime"], mapped(3, 0, 1, 0, 4))
    decided = json.loads(to_json(engine, wid))["mapping"]["decisions"]
    assert [(d["offer"], d["mapped_by"], d["spaces"]["meeting"]) for d in decided] == [("Storytime", ["Children"], 1)]


def test_the_staffs_picture_stands_beside_the_registers(engine: Engine, library: tuple) -> None:
    wid, teams, ids = library
    weights = {"inspiration": 3, "learning": 3, "meeting": 3, "performative": 3}
    assert staff_beside_register(engine, wid, weights).empty
    save_mapping(engine, teams["Children"], ids["IT courses"], mapped(0, 0, 3, 0, 3), done=True)
    both = staff_beside_register(engine, wid, weights).set_index("space")
    # Register: storytime 3x4 insp, 1x4 learning; IT 3x3 learning -> 12, 13 of 25.
    assert both.at["inspiration", "register_share"] == pytest.approx(12 / 25)
    # Staff: IT courses mapped to meeting 3 x strength 3 = 9 -> insp 12, learning 4, meeting 9 of 25.
    assert both.at["meeting", "staff_share"] == pytest.approx(9 / 25)
    assert both.at["learning", "staff_share"] == pytest.approx(4 / 25)


def test_a_version_5_database_gets_the_mapping_tables_and_keeps_its_offers(sqlite_engine: Engine) -> None:
    from sqlalchemy import inspect, text

    from workshop.store import migrate
    from workshop.store.migrations import SCHEMA_VERSION

    wid = create_workshop(sqlite_engine, "Old", "facilitate-fx", "lead-fixture")
    add_offers(sqlite_engine, wid, [Offer(name="Storytime", spaces={"inspiration": 3})])
    with sqlite_engine.begin() as conn:
        for table in ("mapping_decisions", "mappings", "mapping_phases"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE settings SET value = '5' WHERE key = 'schema_version'"))
    assert migrate(sqlite_engine) == SCHEMA_VERSION
    assert {"mapping_phases", "mappings", "mapping_decisions"} <= set(inspect(sqlite_engine).get_table_names())
    team = add_team(sqlite_engine, wid, "Children")[0]
    set_mapping_phase(sqlite_engine, wid, DayStatus.OPEN, MappingScope.ALL)
    offer_id = int(offers_frame(sqlite_engine, wid)["id"].iloc[0])
    save_mapping(sqlite_engine, team, offer_id, mapped(2, 0, 0, 0), done=True)
    assert team_mapping(sqlite_engine, team).progress == (1, 1)


# Issue 26.7: Roskilde's staff mapped by their own judgement (workshop.domain.mapping.starting_point).
_REGISTER = Contribution({"inspiration": 2, "learning": 0, "meeting": 1, "performative": 0}, 4)
_OWN = Contribution({"inspiration": 0, "learning": 3, "meeting": 0, "performative": 0}, 2)


@pytest.mark.parametrize(
    ("saved", "prefill", "start"),
    [(None, False, None), (None, True, _REGISTER), (_OWN, False, _OWN), (_OWN, True, _OWN)],
)
def test_a_mapping_starts_blank_unless_the_workshop_prefills(
    saved: Contribution | None, prefill: bool, start: Contribution | None
) -> None:
    assert starting_point(saved, _REGISTER, prefill) == start


@pytest.mark.parametrize(
    ("saved", "prefill", "shown"), [(False, False, False), (True, False, True), (False, True, True), (True, True, True)]
)
def test_the_register_is_shown_once_the_team_has_saved(saved: bool, prefill: bool, shown: bool) -> None:
    assert register_shown(saved, prefill) is shown
