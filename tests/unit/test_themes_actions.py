"""Themes and actions persist, link back to their answers, and refuse what does not belong."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import build_week
from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import Action, ActionStatus, ThemeStatus
from workshop.services.loop import themes as svc
from workshop.services.loop.actions import actions_frame, add_action, board, set_action_status, with_overdue


def test_an_answer_can_sit_in_several_themes_and_each_decision_links_back(engine: Engine) -> None:
    week = build_week(engine)
    wid, a = week.workshop_id, week.answers
    sofas = svc.create_theme(engine, wid, "Furniture", [a[("Alpha", "q2")]])
    rooms = svc.create_theme(engine, wid, "Rooms", [a[("Alpha", "q2")], a[("Beta", "q2")]])
    svc.update_theme(engine, wid, rooms, "Rooms to meet", ThemeStatus.ADOPT, "Rebuild the ground floor")
    found = {t.id: t for t in svc.list_themes(engine, wid)}
    assert found[sofas].response_ids == [a[("Alpha", "q2")]]
    assert found[rooms].response_ids == sorted([a[("Alpha", "q2")], a[("Beta", "q2")]])
    assert (found[rooms].title, found[rooms].status, found[rooms].decision) == (
        "Rooms to meet",
        ThemeStatus.ADOPT,
        "Rebuild the ground floor",
    )


def test_editing_a_themes_answers_replaces_them_and_deleting_keeps_the_answers(engine: Engine) -> None:
    week = build_week(engine)
    wid, a = week.workshop_id, week.answers
    theme = svc.create_theme(engine, wid, "Rooms", [a[("Alpha", "q2")]])
    svc.update_theme(engine, wid, theme, "Rooms", ThemeStatus.PARK, "", [a[("Beta", "q2")], a[("Gamma", "q4")]])
    assert svc.list_themes(engine, wid)[0].response_ids == sorted([a[("Beta", "q2")], a[("Gamma", "q4")]])
    svc.add_to_theme(engine, wid, theme, [a[("Beta", "q2")], a[("Alpha", "q1")]])
    assert len(svc.list_themes(engine, wid)[0].response_ids) == 3
    svc.delete_theme(engine, wid, theme)
    assert svc.list_themes(engine, wid) == []
    from workshop.services.week.days import answers_frame

    assert len(answers_frame(engine, wid)) == 8


def test_a_theme_refuses_an_empty_title_and_answers_of_another_workshop(engine: Engine) -> None:
    week = build_week(engine)
    other = build_week(engine, "Other week")
    with pytest.raises(InvalidInput, match="title"):
        svc.create_theme(engine, week.workshop_id, "   ")
    with pytest.raises(InvalidInput, match=f"No answer {other.answers[('Alpha', 'q1')]}"):
        svc.create_theme(engine, week.workshop_id, "Mixed", [other.answers[("Alpha", "q1")]])
    theme = svc.create_theme(engine, week.workshop_id, "Mine")
    with pytest.raises(NotFound):
        svc.update_theme(engine, other.workshop_id, theme, "Stolen", ThemeStatus.OPEN, "")


def test_actions_show_on_a_board_by_status_with_overdue_ones_marked(engine: Engine) -> None:
    week = build_week(engine)
    wid = week.workshop_id
    theme = svc.create_theme(engine, wid, "Rooms")
    today = dt.date(2026, 3, 10)
    late = add_action(engine, wid, Action(title="Buy sofas", owner="Ann", due=dt.date(2026, 3, 1), theme_id=theme))
    add_action(engine, wid, Action(title="Plan debates", space="meeting", due=dt.date(2026, 4, 1)))
    done = add_action(engine, wid, Action(title="Ask users", due=dt.date(2026, 2, 1), status=ActionStatus.DONE))
    add_action(engine, wid, Action(title="Someday", main_point_id=week.points["mp1"]))
    set_action_status(engine, wid, late, ActionStatus.IN_PROGRESS)
    frame = actions_frame(engine, wid)
    marked = with_overdue(frame, today)
    assert marked[["title", "overdue"]].values.tolist() == [
        ["Ask users", False],
        ["Buy sofas", True],
        ["Plan debates", False],
        ["Someday", False],
    ]
    columns = {s: cards["title"].tolist() for s, cards in board(frame, today).items()}
    assert columns == {
        ActionStatus.PLANNED: ["Plan debates", "Someday"],
        ActionStatus.IN_PROGRESS: ["Buy sofas"],
        ActionStatus.DONE: ["Ask users"],
    }
    assert int(frame.loc[frame["id"] == done, "theme_id"].isna().all())


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (Action.model_construct(title="", status=ActionStatus.PLANNED), "title"),
        (Action(title="Go", space="kitchen"), "space"),
        (Action(title="Go", theme_id=99_999), "theme"),
        (Action(title="Go", main_point_id=99_999), "main_point"),
    ],
)
def test_an_action_with_a_bad_field_is_refused_naming_it(engine: Engine, action: Action, field: str) -> None:
    week = build_week(engine)
    with pytest.raises(InvalidInput) as caught:
        add_action(engine, week.workshop_id, action)
    assert caught.value.params["field"].startswith(field)
    assert actions_frame(engine, week.workshop_id).empty
