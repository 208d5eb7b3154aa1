"""The answer page, which the whole staff opens at 9:00 (issue 25): a run asks the database once which
tables changed, whatever number of cached reads the run makes (the team's menu and the week's plan each
asked before), and a change made elsewhere meanwhile still shows on the team's next run."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from tests.app.test_morning_meeting import statements_of
from workshop.domain.model import Role
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import write
from workshop.store.tables import questions


def answer_page() -> AppTest:
    at = sign_in(fresh_app(), Role.TEAM).switch_page("pages/answer.py").run()
    assert errors_of(at) == [] and at.title[0].value == "Our answers"
    return at


def questions_shown(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def by_link(wid: int, code: str) -> AppTest:
    """A team member's device opening the team's printed link (/answer?w=ID&code=CODE)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["w"], at.query_params["code"] = str(wid), code
    return at.switch_page("pages/answer.py")


def test_a_device_opening_its_link_asks_once_which_tables_changed(db: Engine) -> None:
    wid = current_workshop_id(db)
    code = next(iter(demo_codes_hint()["teams"].values()))
    by_link(wid, code).run()  # the team's first device: the code's first (slow) check
    second = by_link(wid, code)
    sent = statements_of(second.run)
    assert errors_of(second) == [] and second.title[0].value == "Our answers" and second.text_area
    assert len([s for s in sent if "FROM data_versions" in s]) == 1  # was 2: the menu's phases, the plan
    assert not [s for s in sent if "FROM questions" in s or "FROM days" in s]  # the plan came from the cache


def test_a_question_reworded_elsewhere_shows_on_the_next_run(db: Engine) -> None:
    at = answer_page()
    first = next(t for t in questions_shown(at) if t.endswith("?"))
    with write(db) as conn:  # the facilitator changes the question while the team has the page open
        conn.execute(questions.update().where(questions.c.text == first).values(text="Reworded, elsewhere?"))
    at.run()
    assert "Reworded, elsewhere?" in questions_shown(at) and first not in questions_shown(at)
