"""Setting up the week: main points, days and questions are added, edited, reordered and deleted."""

import datetime as dt

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import DayStatus, QuestionKind
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_main_points, list_questions, log_days, set_day_status
from workshop.services.week.planning import (
    answer_count,
    delete_day,
    delete_main_point,
    delete_question,
    move_day,
    move_main_point,
    move_question,
    save_day,
    save_main_point,
    save_question,
    set_publish_log_immediately,
)
from workshop.services.workshops.lifecycle import add_team, create_workshop, get_workshop


def test_main_points_are_added_in_order_edited_and_reordered(engine: Engine, wid: int) -> None:
    first = save_main_point(engine, wid, "Digital library", "Skills", ["learning"])
    second = save_main_point(engine, wid, "Meeting place", spaces=["meeting", "meeting"])
    assert [(p.position, p.title) for p in list_main_points(engine, wid)] == [
        (1, "Digital library"),
        (2, "Meeting place"),
    ]
    assert second.spaces == ["meeting"]
    save_main_point(engine, wid, "The digital library", "Skills for all", ["learning", "inspiration"], first.id)
    move_main_point(engine, wid, int(second.id or 0), -1)
    points = list_main_points(engine, wid)
    assert [p.title for p in points] == ["Meeting place", "The digital library"]
    assert points[1].description == "Skills for all" and points[1].spaces == ["learning", "inspiration"]


def test_a_main_point_needs_a_title_and_known_spaces(engine: Engine, wid: int) -> None:
    with pytest.raises(InvalidInput, match="title"):
        save_main_point(engine, wid, "   ")
    with pytest.raises(InvalidInput, match="spaces"):
        save_main_point(engine, wid, "Point", spaces=["garden"])
    assert list_main_points(engine, wid) == []


def test_deleting_a_main_point_keeps_its_questions_untied(engine: Engine, wid: int) -> None:
    point = save_main_point(engine, wid, "Point")
    day = save_day(engine, wid, "Monday")
    question = save_question(engine, wid, int(day.id or 0), "Why?", main_point_id=point.id)
    assert question.main_point_id == point.id
    delete_main_point(engine, wid, int(point.id or 0))
    assert list_main_points(engine, wid) == []
    assert [q.main_point_id for q in list_questions(engine, wid)] == [None]


def test_days_get_dates_titles_and_a_new_order(engine: Engine, wid: int) -> None:
    monday = save_day(engine, wid, "Mapping", dt.date(2026, 3, 2))
    tuesday = save_day(engine, wid, "Learning")
    save_day(engine, wid, "Learning day", dt.date(2026, 3, 3), day_id=tuesday.id)
    move_day(engine, wid, int(monday.id or 0), +1)
    assert [(d.position, d.title, d.date) for d in list_days(engine, wid)] == [
        (1, "Learning day", dt.date(2026, 3, 3)),
        (2, "Mapping", dt.date(2026, 3, 2)),
    ]
    assert all(d.status == DayStatus.PLANNED for d in list_days(engine, wid))


def test_questions_of_every_kind_keep_what_their_kind_needs(engine: Engine, wid: int) -> None:
    day_id = int(save_day(engine, wid, "Monday").id or 0)
    text = save_question(engine, wid, day_id, "What works?", QuestionKind.TEXT, options=["ignored", "too"])
    single = save_question(engine, wid, day_id, "Pick", QuestionKind.SINGLE, [" yes ", "no", "", "yes"])
    strong = save_question(engine, wid, day_id, "How strong?", QuestionKind.SPACE_STRENGTH, space="meeting")
    rating = save_question(engine, wid, day_id, "Rate", QuestionKind.RATING, space="meeting")
    assert text.options == [] and single.options == ["yes", "no"]
    assert strong.space == "meeting" and rating.space is None
    assert [q.position for q in list_questions(engine, wid, day_id)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("kind", "options", "space", "field"),
    [
        (QuestionKind.SINGLE, ["only one"], None, "options"),
        (QuestionKind.MULTIPLE, [], None, "options"),
        (QuestionKind.SPACE_STRENGTH, [], None, "space"),
        (QuestionKind.SPACE_STRENGTH, [], "garden", "space"),
    ],
)
def test_a_question_missing_what_its_kind_needs_is_refused(
    engine: Engine, wid: int, kind: QuestionKind, options: list[str], space: str | None, field: str
) -> None:
    day_id = int(save_day(engine, wid, "Monday").id or 0)
    with pytest.raises(InvalidInput) as refused:
        save_question(engine, wid, day_id, "Question?", kind, options, space)
    assert refused.value.params["field"] == field
    assert list_questions(engine, wid) == []


def test_an_empty_question_text_is_refused(engine: Engine, wid: int) -> None:
    day_id = int(save_day(engine, wid, "Monday").id or 0)
    with pytest.raises(InvalidInput, match="text"):
        save_question(engine, wid, day_id, "  ")


def test_questions_are_reordered_within_their_day_and_can_move_to_another(engine: Engine, wid: int) -> None:
    monday = int(save_day(engine, wid, "Monday").id or 0)
    tuesday = int(save_day(engine, wid, "Tuesday").id or 0)
    a = save_question(engine, wid, monday, "A?")
    b = save_question(engine, wid, monday, "B?")
    save_question(engine, wid, tuesday, "C?")
    move_question(engine, wid, int(b.id or 0), -1)
    move_question(engine, wid, int(b.id or 0), -1)  # already first: stays
    assert [q.text for q in list_questions(engine, wid, monday)] == ["B?", "A?"]
    save_question(engine, wid, tuesday, "A, on Tuesday?", question_id=a.id)
    assert [(q.position, q.text) for q in list_questions(engine, wid, tuesday)] == [(1, "C?"), (2, "A, on Tuesday?")]
    delete_question(engine, wid, int(b.id or 0))
    assert list_questions(engine, wid, monday) == []


def test_deleting_a_day_takes_its_questions_and_answers_and_renumbers(engine: Engine, wid: int) -> None:
    team, _ = add_team(engine, wid, "Front desk")
    monday = int(save_day(engine, wid, "Monday").id or 0)
    save_day(engine, wid, "Tuesday")
    question = save_question(engine, wid, monday, "What works?")
    set_day_status(engine, wid, monday, DayStatus.OPEN)
    submit_answer(engine, team, Answer(int(question.id or 0), "The makerspace"))
    assert answer_count(engine, wid, day_id=monday) == 1
    delete_day(engine, wid, monday)
    assert [(d.position, d.title) for d in list_days(engine, wid)] == [(1, "Tuesday")]
    assert list_questions(engine, wid) == [] and answer_count(engine, wid) == 0


def test_nothing_of_another_workshop_can_be_changed(engine: Engine, wid: int) -> None:
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    point = save_main_point(engine, other, "Theirs")
    day = save_day(engine, other, "Their day")
    with pytest.raises(NotFound):
        save_main_point(engine, wid, "Mine now", point_id=point.id)
    with pytest.raises(NotFound):
        delete_day(engine, wid, int(day.id or 0))
    with pytest.raises(NotFound):
        save_question(engine, wid, int(day.id or 0), "Sneaky?")
    own_day = int(save_day(engine, wid, "Mine").id or 0)
    with pytest.raises(NotFound):
        save_question(engine, wid, own_day, "Tied to theirs?", main_point_id=point.id)
    assert [p.title for p in list_main_points(engine, other)] == ["Theirs"]


def test_a_template_workshop_is_fully_editable(engine: Engine) -> None:
    wid = create_workshop(engine, "From template", "facilitate-me", "lead-me-now", "four_spaces_week")
    points = list_main_points(engine, wid)
    first_day = list_days(engine, wid)[0]
    question = list_questions(engine, wid, first_day.id)[0]
    save_main_point(engine, wid, "Our own point", point_id=points[0].id)
    save_day(engine, wid, "Our mapping day", day_id=first_day.id)
    save_question(engine, wid, int(first_day.id or 0), "Rewritten?", QuestionKind.TEXT, question_id=question.id)
    delete_main_point(engine, wid, int(points[-1].id or 0))
    assert list_main_points(engine, wid)[0].title == "Our own point"
    assert len(list_main_points(engine, wid)) == len(points) - 1
    assert list_days(engine, wid)[0].title == "Our mapping day"
    changed = list_questions(engine, wid, first_day.id)[0]
    assert (changed.text, changed.kind, changed.space) == ("Rewritten?", QuestionKind.TEXT, None)


def test_the_log_shows_closed_days_or_open_ones_when_published_at_once(engine: Engine, wid: int) -> None:
    monday = int(save_day(engine, wid, "Monday").id or 0)
    tuesday = int(save_day(engine, wid, "Tuesday").id or 0)
    save_day(engine, wid, "Wednesday")
    set_day_status(engine, wid, monday, DayStatus.CLOSED)
    set_day_status(engine, wid, tuesday, DayStatus.OPEN)
    assert [d.title for d in log_days(engine, get_workshop(engine, wid))] == ["Monday"]
    set_publish_log_immediately(engine, wid, True)
    assert [d.title for d in log_days(engine, get_workshop(engine, wid))] == ["Monday", "Tuesday"]
