"""The whole week on the app: a day opens, two teams answer, one edits, the day closes, a late edit is
refused, and the log shows both teams' answers — exactly as typed."""

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, QuestionKind, Role
from workshop.services.week.days import list_days, list_questions
from workshop.services.week.planning import save_question
from workshop.services.workshops.lifecycle import current_workshop_id

CHILDREN, DIGITAL = "KX7P2M", "WQ9ZD3"
INJECTION = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"


def team_on(page: str, code: str) -> AppTest:
    return sign_in(fresh_app(), Role.TEAM, code).switch_page(f"pages/{page}").run()


def answer(at: AppTest, qid: int, text: str) -> AppTest:
    at.text_area(key=f"answer-text-{qid}").input(text)  # typed and sent in one go, as a click after typing
    return at.button(key=f"answer-save-{qid}").click().run()


def markdown_shows(at: AppTest, fragment: str) -> bool:
    return any(fragment in m.value for m in at.markdown) or any(fragment in c.value for c in at.caption)


def test_a_day_from_opening_to_the_log(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    day4 = list_days(db, wid)[3]
    assert day4.status == DayStatus.PLANNED
    qid = int(next(q for q in list_questions(db, wid, day4.id) if q.kind == QuestionKind.TEXT).id or 0)

    facilitator = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    facilitator.button(key=f"status-{day4.id}").click().run()

    children = answer(team_on("answer.py", CHILDREN), qid, "More stages for young bands")
    digital = answer(team_on("answer.py", DIGITAL), qid, "A podcast studio")
    assert all(s.value.startswith("Saved at") for s in [*children.success, *digital.success])
    digital = answer(digital, qid, "A podcast studio, open evenings")
    assert errors_of(digital) == [] and digital.success

    facilitator.switch_page("pages/week_setup.py").run()
    facilitator.button(key=f"status-{day4.id}").click().run()
    assert list_days(db, wid)[3].status == DayStatus.CLOSED

    late = answer(children, qid, "One more thought")
    assert any(e.value.startswith("This day is closed") for e in late.error)

    log = team_on("week_log.py", CHILDREN)
    # The log shows the answers to a question as cards of plain text (the newest day first).
    texts = [x.value for x in log.text]
    assert "More stages for young bands" in texts and "A podcast studio, open evenings" in texts
    assert "A podcast studio" not in texts and "One more thought" not in texts


def test_injected_markup_in_answers_and_questions_comes_out_literally(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    open_day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    save_question(db, wid, int(open_day.id or 0), INJECTION)
    qid = int(list_questions(db, wid, open_day.id)[0].id or 0)
    facilitator = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    facilitator.toggle(key="publish_log").set_value(True).run()

    team = answer(team_on("answer.py", DIGITAL), qid, INJECTION)
    assert errors_of(team) == []
    assert INJECTION in [x.value for x in team.text]  # the question as set up
    for page in (team_on("week_log.py", DIGITAL), facilitator.switch_page("pages/morning.py").run()):
        assert INJECTION in [x.value for x in page.text]
        assert not markdown_shows(page, "alert(1)") and not markdown_shows(page, "bold")
        assert errors_of(page) == []
    assert not markdown_shows(facilitator.switch_page("pages/week_setup.py").run(), "alert(1)")
