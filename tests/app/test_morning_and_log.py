"""The morning view counts teams as they answer; the week's log shows what the publishing rule allows."""

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, QuestionKind, Role
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.planning import set_publish_log_immediately


def open_day_questions(db: Engine, wid: int) -> list[int]:
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    return [int(q.id or 0) for q in list_questions(db, wid, day.id)]


def test_the_morning_view_counts_a_new_team_answer(db: Engine, wid: int) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()
    assert [m.value for m in at.metric] == ["3 of 6 teams answered"]
    first = open_day_questions(db, wid)[0]
    submit_answer(db, join_team(db, wid, "WQ9ZD3", session="test"), Answer(first, "Homework café"))
    at.run()
    assert [m.value for m in at.metric] == ["4 of 6 teams answered"]
    assert "Question 1 · 4 of 6 teams answered" in [c.value for c in at.caption]  # the question's own count
    assert errors_of(at) == []


def log_answers_shown(at: AppTest) -> list[str]:
    """The plain texts on the log's page: the cards of the question it shows (the day's first)."""
    return [x.value for x in at.text]


def test_the_log_hides_an_open_day_unless_published_at_once(db: Engine, wid: int) -> None:
    at = sign_in(fresh_app(), Role.TEAM).switch_page("pages/week_log.py").run()
    open_answer = "Parents meet at baby rhyme time"
    assert not any(x.startswith(open_answer) for x in log_answers_shown(at))
    assert any(h.value.startswith("Day 2") for h in at.header)
    set_publish_log_immediately(db, wid, True)
    at.run()
    assert any(x.startswith(open_answer) for x in log_answers_shown(at))
    assert at.header[0].value.startswith("Day 3")


def test_a_rating_with_comment_and_a_single_choice_are_saved(db: Engine, wid: int) -> None:
    at = sign_in(fresh_app(), Role.TEAM, "WQ9ZD3").switch_page("pages/answer.py").run()
    questions = {q.kind: int(q.id or 0) for q in list_questions(db, wid) if q.id in open_day_questions(db, wid)}
    rating, single = questions[QuestionKind.RATING], questions[QuestionKind.SINGLE]
    at.radio(key=f"answer-rating-{rating}").set_value(4)
    at.button(key=f"answer-save-{rating}").click().run()
    option = at.radio(key=f"answer-choices-{single}").options[1]
    at.radio(key=f"answer-choices-{single}").set_value(option)
    at.multiselect(key=f"answer-spaces-{single}").set_value(["meeting"])
    at.button(key=f"answer-save-{single}").click().run()
    assert errors_of(at) == [] and len(at.success) == 2
    again = sign_in(fresh_app(), Role.TEAM, "WQ9ZD3").switch_page("pages/answer.py").run()
    assert again.radio(key=f"answer-rating-{rating}").value == 4
    assert again.radio(key=f"answer-choices-{single}").value == option
    assert again.multiselect(key=f"answer-spaces-{single}").value == ["meeting"]


def test_the_morning_view_follows_a_day_being_opened(db: Engine, wid: int) -> None:
    for day in list_days(db, wid):
        if day.status == DayStatus.OPEN:
            set_day_status(db, wid, int(day.id or 0), DayStatus.CLOSED)
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()
    assert [i.value for i in at.info] == ["No day is open. Open a day in the week setup."]
    set_day_status(db, wid, int(list_days(db, wid)[3].id or 0), DayStatus.OPEN)
    at.run()
    assert at.title[0].value == "Day 4" and not at.info
    assert [m.value for m in at.metric] == ["0 of 6 teams answered"]
