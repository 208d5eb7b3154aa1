"""Closing the loop: teams see leadership's decisions only once published, and react only to their own
workshop's open themes, one reaction per team and theme, length-capped, editable until closed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import CAFE_TEXT, FORMULA_TEXT, build_week
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound, ReactionsClosed
from workshop.domain.loop import REACTION_MAX, Stance
from workshop.domain.model import Action, ActionStatus, Team, ThemeStatus
from workshop.services.loop import themes as svc
from workshop.services.loop.actions import add_action
from workshop.services.loop.publication import is_published, set_published, team_outcomes
from workshop.services.loop.reactions import own_reactions, react, reactions_frame, set_reactions_open


def decided_week(engine: Engine, name: str = "Fixture week"):  # type: ignore[no-untyped-def]
    """The fixture week with two themes: 'Rooms' adopted with an action, 'Later' still open."""
    week = build_week(engine, name)
    wid, a = week.workshop_id, week.answers
    rooms = svc.create_theme(engine, wid, "Rooms", [a[("Alpha", "q2")], a[("Beta", "q2")]])
    svc.update_theme(engine, wid, rooms, "Rooms to meet", ThemeStatus.ADOPT, "Rebuild the ground floor")
    later = svc.create_theme(engine, wid, "Later", [a[("Gamma", "q4")]])
    add_action(
        engine,
        wid,
        Action(title="Draw the new floor", owner="Facilities", theme_id=rooms, due=dt.date(2030, 3, 1)),
    )
    add_action(engine, wid, Action(title="Ask the users", theme_id=rooms, status=ActionStatus.DONE))
    return week, rooms, later


def test_teams_see_nothing_until_leadership_publishes(engine: Engine) -> None:
    week, _, _ = decided_week(engine)
    beta = week.teams["Beta"]
    assert not is_published(engine, week.workshop_id)
    assert team_outcomes(engine, week.workshop_id, int(beta.id or 0)) is None
    set_published(engine, week.workshop_id, True)
    assert len(team_outcomes(engine, week.workshop_id, int(beta.id or 0)) or []) == 2
    set_published(engine, week.workshop_id, False)  # withdrawn: hidden again
    assert team_outcomes(engine, week.workshop_id, int(beta.id or 0)) is None


def test_a_team_sees_each_decision_its_note_the_answers_behind_it_with_its_own_marked_and_the_actions(
    engine: Engine,
) -> None:
    week, rooms, later = decided_week(engine)
    set_published(engine, week.workshop_id, True)
    found = team_outcomes(engine, week.workshop_id, int(week.teams["Beta"].id or 0))
    assert found is not None
    first, second = found
    assert (first.theme_id, first.title, first.status, first.decision) == (
        rooms,
        "Rooms to meet",
        ThemeStatus.ADOPT,
        "Rebuild the ground floor",
    )
    assert [(s.team, s.answer, s.own) for s in first.answers] == [
        ("Beta", CAFE_TEXT, True),
        ("Alpha", FORMULA_TEXT, False),
    ]
    assert [(x.title, x.owner, x.due, x.status) for x in first.actions] == [
        ("Draw the new floor", "Facilities", dt.date(2030, 3, 1), ActionStatus.PLANNED),
        ("Ask the users", "", None, ActionStatus.DONE),
    ]
    assert (second.theme_id, second.decided, second.actions) == (later, False, ())


def test_a_forged_team_of_another_workshop_can_neither_read_nor_react(engine: Engine) -> None:
    week, rooms, _ = decided_week(engine)
    other = build_week(engine, "Other week")
    set_published(engine, week.workshop_id, True)
    set_reactions_open(engine, week.workshop_id, rooms, True)
    stranger = other.teams["Alpha"]
    with pytest.raises(AccessDenied):
        team_outcomes(engine, week.workshop_id, int(stranger.id or 0))
    forged = Team(id=stranger.id, workshop_id=week.workshop_id, name="Alpha")
    with pytest.raises(AccessDenied):
        react(engine, forged, rooms, "agree", "let me in")
    # A real team of the other workshop reaching for this workshop's theme finds nothing.
    with pytest.raises(NotFound):
        react(engine, stranger, rooms, "agree", "let me in")
    assert reactions_frame(engine, week.workshop_id).empty


def test_a_team_reacts_only_while_the_theme_is_published_and_open(engine: Engine) -> None:
    week, rooms, _ = decided_week(engine)
    beta = week.teams["Beta"]
    set_reactions_open(engine, week.workshop_id, rooms, True)
    with pytest.raises(ReactionsClosed):  # open, but not published
        react(engine, beta, rooms, "agree")
    set_published(engine, week.workshop_id, True)
    set_reactions_open(engine, week.workshop_id, rooms, False)
    with pytest.raises(ReactionsClosed):  # published, but closed
        react(engine, beta, rooms, "agree")
    set_reactions_open(engine, week.workshop_id, rooms, True)
    react(engine, beta, rooms, "concerns", "  Too expensive?  ")
    assert own_reactions(engine, week.workshop_id, int(beta.id or 0))[rooms].comment == "Too expensive?"


def test_one_reaction_per_team_and_theme_is_edited_until_closed_and_kept_after(engine: Engine) -> None:
    week, rooms, _ = decided_week(engine)
    wid = week.workshop_id
    set_published(engine, wid, True)
    set_reactions_open(engine, wid, rooms, True)
    react(engine, week.teams["Beta"], rooms, "concerns", "Too expensive?")
    react(engine, week.teams["Beta"], rooms, "agree", "Fine after the budget talk")
    react(engine, week.teams["Alpha"], rooms, "agree")
    seen = reactions_frame(engine, wid)
    assert seen[["team", "stance", "comment"]].values.tolist() == [
        ["Alpha", "agree", ""],
        ["Beta", "agree", "Fine after the budget talk"],
    ]
    set_reactions_open(engine, wid, rooms, False)
    with pytest.raises(ReactionsClosed):
        react(engine, week.teams["Beta"], rooms, "concerns", "changed my mind")
    assert len(reactions_frame(engine, wid)) == 2
    mine = (team_outcomes(engine, wid, int(week.teams["Beta"].id or 0)) or [])[0].own_reaction
    assert mine is not None and (mine.stance, mine.comment) == (Stance.AGREE, "Fine after the budget talk")


@pytest.mark.parametrize(
    ("stance", "comment", "field"),
    [
        ("agree", "x" * (REACTION_MAX + 1), "comment"),
        ("maybe", "", "stance"),
    ],
)
def test_a_reaction_too_long_or_with_an_unknown_stance_is_refused_naming_the_field(
    engine: Engine, stance: str, comment: str, field: str
) -> None:
    week, rooms, _ = decided_week(engine)
    set_published(engine, week.workshop_id, True)
    set_reactions_open(engine, week.workshop_id, rooms, True)
    with pytest.raises(InvalidInput) as caught:
        react(engine, week.teams["Beta"], rooms, stance, comment)
    assert caught.value.params["field"] == field
    assert reactions_frame(engine, week.workshop_id).empty


def test_opening_a_theme_of_another_workshop_for_reactions_is_refused(engine: Engine) -> None:
    week, rooms, _ = decided_week(engine)
    other = build_week(engine, "Other week")
    with pytest.raises(NotFound):
        set_reactions_open(engine, other.workshop_id, rooms, True)
    assert not svc.list_themes(engine, week.workshop_id)[0].reactions_open


def test_deleting_a_theme_removes_its_reactions(engine: Engine) -> None:
    week, rooms, _ = decided_week(engine)
    set_published(engine, week.workshop_id, True)
    set_reactions_open(engine, week.workshop_id, rooms, True)
    react(engine, week.teams["Beta"], rooms, "agree")
    svc.delete_theme(engine, week.workshop_id, rooms)
    assert reactions_frame(engine, week.workshop_id).empty
