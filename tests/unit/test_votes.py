"""Dot votes: each team spreads its dots over leadership's themes or actions, never more than it has;
results ranked; isolated like answers."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import build_week
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound, TooManyDots
from workshop.domain.model import Action, Team
from workshop.domain.voting import ranking
from workshop.services.loop import themes as svc
from workshop.services.loop.actions import add_action
from workshop.services.loop.votes import list_votes, open_vote, set_vote_open, spend_dot, team_dots, vote_results


def _vote_on_themes(engine: Engine, dots: int = 3):  # type: ignore[no-untyped-def]
    week = build_week(engine)
    ids = [svc.create_theme(engine, week.workshop_id, title) for title in ("Rooms", "Digital", "Staff")]
    return week, ids, open_vote(engine, week.workshop_id, "What first?", "themes", dots)


def test_a_team_spreads_its_dots_and_the_results_are_ranked_most_first(engine: Engine) -> None:
    week, (rooms, digital, staff), vote = _vote_on_themes(engine)
    alpha, beta = week.teams["Alpha"], week.teams["Beta"]
    for item in (digital, digital, staff):
        spend_dot(engine, alpha, vote, item)
    spend_dot(engine, beta, vote, digital)
    spend_dot(engine, beta, vote, rooms)
    assert vote_results(engine, week.workshop_id, vote) == [
        (digital, "Digital", 3),
        (rooms, "Rooms", 1),
        (staff, "Staff", 1),
    ]
    assert team_dots(engine, week.workshop_id, vote, int(alpha.id or 0)) == {digital: 2, staff: 1}


def test_a_team_cannot_spend_more_dots_than_it_has_but_may_move_one(engine: Engine) -> None:
    week, (rooms, digital, _), vote = _vote_on_themes(engine, dots=2)
    alpha = week.teams["Alpha"]
    spend_dot(engine, alpha, vote, rooms)
    spend_dot(engine, alpha, vote, rooms)
    with pytest.raises(TooManyDots):
        spend_dot(engine, alpha, vote, digital)
    spend_dot(engine, alpha, vote, rooms, change=-1)
    assert spend_dot(engine, alpha, vote, digital) == {rooms: 1, digital: 1}
    with pytest.raises(InvalidInput):
        spend_dot(engine, week.teams["Beta"], vote, rooms, change=-1)  # nothing to take back


def test_a_closed_vote_takes_no_more_dots_and_keeps_its_ranking(engine: Engine) -> None:
    week, (rooms, _, _), vote = _vote_on_themes(engine)
    spend_dot(engine, week.teams["Alpha"], vote, rooms)
    set_vote_open(engine, week.workshop_id, vote, False)
    with pytest.raises(InvalidInput):
        spend_dot(engine, week.teams["Beta"], vote, rooms)
    assert vote_results(engine, week.workshop_id, vote)[0] == (rooms, "Rooms", 1)
    assert not list_votes(engine, week.workshop_id)[0].is_open


def test_a_vote_on_actions_counts_actions_and_refuses_a_theme(engine: Engine) -> None:
    week, (rooms, _, _), _ = _vote_on_themes(engine)
    action = add_action(engine, week.workshop_id, Action(title="Buy sofas"))
    vote = open_vote(engine, week.workshop_id, "Which action?", "actions", 1)
    spend_dot(engine, week.teams["Alpha"], vote, action)
    assert vote_results(engine, week.workshop_id, vote) == [(action, "Buy sofas", 1)]
    if rooms != action:
        with pytest.raises(NotFound):
            spend_dot(engine, week.teams["Beta"], vote, rooms)


def test_a_forged_team_or_another_workshops_vote_is_refused(engine: Engine) -> None:
    week, (rooms, _, _), vote = _vote_on_themes(engine)
    other = build_week(engine, "Other week")
    stranger = other.teams["Alpha"]
    with pytest.raises(AccessDenied):
        spend_dot(engine, Team(id=stranger.id, workshop_id=week.workshop_id, name="Alpha"), vote, rooms)
    with pytest.raises(NotFound):
        spend_dot(engine, stranger, vote, rooms)
    assert vote_results(engine, week.workshop_id, vote)[0][2] == 0


@pytest.mark.parametrize(
    ("title", "target", "dots", "field"),
    [
        ("", "themes", 3, "title"),
        ("Vote", "offers", 3, "target"),
        ("Vote", "themes", 0, "dots"),
        ("Vote", "themes", 21, "dots"),
    ],
)
def test_a_vote_with_a_bad_field_is_refused_naming_it(
    engine: Engine, title: str, target: str, dots: int, field: str
) -> None:
    week = build_week(engine)
    with pytest.raises(InvalidInput) as caught:
        open_vote(engine, week.workshop_id, title, target, dots)
    assert caught.value.params["field"] == field


def test_the_ranking_keeps_the_items_order_on_a_tie_and_lists_items_without_dots() -> None:
    assert ranking({5: "a", 3: "b", 9: "c"}, {3: 2, 9: 2}) == [(3, "b", 2), (9, "c", 2), (5, "a", 0)]
