"""The week's log read whole (workshop.services.week.week_log.log), on SQLite and PostgreSQL: the days the log
shows now, their questions and main points, one question's answers by team with their comments; never an
answer of a day the log does not show, nor a hidden comment to a team."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.unit.week_fixture import CAFE_TEXT, FORMULA_TEXT, SCRIPT_TEXT, Week, build_week
from workshop.domain.model import DayStatus
from workshop.services.week.comments import add_comment, set_hidden
from workshop.services.week.days import list_days, set_day_status
from workshop.services.week.planning import set_publish_log_immediately
from workshop.services.week.week_log import LogAnswer, WeekLog, log


def close(engine: Engine, week: Week, title: str) -> None:
    day = next(d for d in list_days(engine, week.workshop_id) if d.title == title)
    set_day_status(engine, week.workshop_id, int(day.id or 0), DayStatus.CLOSED)


def cards(shown: WeekLog) -> list[tuple[str, int | None, tuple[str, ...], str, tuple[str, ...]]]:
    """What each answer's card shows: team, rating, choices, text, spaces."""
    return [(a.team, a.rating, a.choices, a.text, a.spaces) for a in shown.answers]


def conversation(shown: WeekLog, answer: LogAnswer) -> list[tuple[str, str, bool]]:
    return [(c.team, c.text, c.hidden) for c in shown.comments.get(answer.response_id, ())]


def test_nothing_is_shown_while_every_day_is_open(engine: Engine) -> None:
    week = build_week(engine)
    shown = log(engine, week.workshop_id)
    assert not shown.publish_immediately
    assert shown.days == () and shown.day_id is None and shown.questions == () and shown.question_id is None
    assert shown.answers == () and shown.comments == {}


def test_a_closed_day_opens_on_its_first_question_with_every_teams_answer(engine: Engine) -> None:
    week = build_week(engine)
    close(engine, week, "Monday")
    shown = log(engine, week.workshop_id)
    assert [d.title for d in shown.days] == ["Monday"] and shown.day_id == shown.days[0].id
    assert [q.text for q in shown.questions] == ["How strong is the meeting space?", "What should change?"]
    assert shown.question_id == week.questions["q1"]
    assert cards(shown) == [("Alpha", 4, (), "", ()), ("Beta", 2, (), "", ()), ("Gamma", 4, (), "", ())]
    first = shown.questions[0]
    assert shown.main_points[int(first.main_point_id or 0)].title == "Meeting place"
    asked = log(engine, week.workshop_id, shown.day_id, week.questions["q2"])
    assert asked.question_id == week.questions["q2"]
    # Gamma's draft is not an answer: only what the teams sent, as typed.
    assert cards(asked) == [
        ("Alpha", None, (), FORMULA_TEXT, ("meeting",)),
        ("Beta", None, (), CAFE_TEXT, ("meeting", "inspiration")),
    ]


def test_a_day_or_question_the_log_does_not_show_is_never_read(engine: Engine) -> None:
    week, other = build_week(engine), build_week(engine, "Other week")
    close(engine, week, "Monday")
    close(engine, other, "Monday")
    monday = log(engine, week.workshop_id).day_id
    tuesday = next(d.id for d in list_days(engine, week.workshop_id) if d.title == "Tuesday")  # still open
    other_monday = log(engine, other.workshop_id).day_id
    for day, question in [
        (monday, week.questions["q3"]),  # a question of the open day, asked under Monday
        (tuesday, week.questions["q3"]),
        (other_monday, other.questions["q2"]),  # another workshop's
        (monday, other.questions["q2"]),
        (10**9, 10**9),
    ]:
        shown = log(engine, week.workshop_id, day, question)
        assert shown.day_id == monday and shown.question_id == week.questions["q1"]  # the log's own first instead
        assert [q.day_id for q in shown.questions] == [monday, monday]
        assert [a.team for a in shown.answers] == ["Alpha", "Beta", "Gamma"]
        assert CAFE_TEXT not in [a.text for a in shown.answers]


def test_published_at_once_the_newest_open_day_comes_first(engine: Engine) -> None:
    week = build_week(engine)
    set_publish_log_immediately(engine, week.workshop_id, True)
    shown = log(engine, week.workshop_id)
    assert shown.publish_immediately
    assert [d.title for d in shown.days] == ["Monday", "Tuesday"]
    assert shown.day_id == shown.days[1].id and [q.text for q in shown.questions] == [
        "What holds us back?",
        "Anything else?",
    ]
    assert shown.question_id == week.questions["q3"]  # Tuesday's first
    assert cards(shown) == [("Alpha", None, ("money", "time"), "", ()), ("Beta", None, ("money",), "", ())]
    assert shown.main_points[week.points["mp2"]].title == "Digital"
    anything = log(engine, week.workshop_id, shown.day_id, week.questions["q4"])
    assert cards(anything) == [("Gamma", None, (), SCRIPT_TEXT, ())]
    monday = log(engine, week.workshop_id, shown.days[0].id)  # the older day, on its first question
    assert monday.question_id == week.questions["q1"] and [a.rating for a in monday.answers] == [4, 2, 4]


def test_comments_come_under_their_answer_oldest_first_and_hidden_ones_to_moderators_only(engine: Engine) -> None:
    week = build_week(engine)
    close(engine, week, "Monday")
    alpha, beta, gamma = (week.teams[n] for n in ("Alpha", "Beta", "Gamma"))
    on_beta = week.answers[("Beta", "q2")]
    add_comment(engine, alpha, on_beta, "Cafés, yes!")
    rude = add_comment(engine, gamma, on_beta, "Not this again")
    add_comment(engine, beta, week.answers[("Alpha", "q2")], "And a sofa")
    add_comment(engine, beta, week.answers[("Alpha", "q1")], "Why a 4?")  # another question: not on this view
    set_hidden(engine, week.workshop_id, rude, True)
    monday = log(engine, week.workshop_id).day_id
    team_view = log(engine, week.workshop_id, monday, week.questions["q2"])
    alpha_answer, beta_answer = team_view.answers
    assert conversation(team_view, beta_answer) == [("Alpha", "Cafés, yes!", False)]
    assert conversation(team_view, alpha_answer) == [("Beta", "And a sofa", False)]
    assert "Not this again" not in [c.text for these in team_view.comments.values() for c in these]
    moderated = log(engine, week.workshop_id, monday, week.questions["q2"], with_hidden=True)
    assert conversation(moderated, moderated.answers[1]) == [
        ("Alpha", "Cafés, yes!", False),
        ("Gamma", "Not this again", True),
    ]
    assert {c.team_id for c in moderated.comments[beta_answer.response_id]} == {alpha.id, gamma.id}
