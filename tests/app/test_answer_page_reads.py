"""The answer page, which the whole staff opens at 9:00 (issue 25): a run asks the database once which
tables changed, whatever number of cached reads the run makes (the team's menu and the week's plan each
asked before), and a change made elsewhere meanwhile still shows on the team's next run."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from tests.app.test_morning_meeting import statements_of
from workshop.domain.answering import Answer
from workshop.domain.model import Role
from workshop.services.week.answers import submit_answer, team_drafts
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import current_workshop_id, list_teams


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
    # Two statements in all, the versions' sum and the join, and no transaction around either (issue 25: each
    # sqlite3 call hands the GIL over, and the crowd's threads wait for it): 8 before.
    assert len(sent) == 2 and "sum(data_versions.version)" in sent[0] and "FROM teams" in sent[1]
    assert not [s for s in sent if "FROM questions" in s or "FROM days" in s]  # the plan came from the cache
    assert not [s for s in sent if "FROM responses" in s or "FROM drafts" in s]  # so did the team's own


def test_an_answer_saved_on_one_device_shows_on_the_teams_other_device(db: Engine) -> None:
    wid = current_workshop_id(db)
    name, code = next(iter(demo_codes_hint()["teams"].items()))
    team = next(t for t in list_teams(db, wid) if t.name == name)
    tablet = by_link(wid, code).run()  # the team's answers are now in the cache
    area = tablet.text_area[0]
    qid = int(area.key.rsplit("-", 1)[1])
    assert not team_drafts(db, team)  # nothing unsent: the save below changes the answers only
    submit_answer(db, team, Answer(qid, "Written on the laptop", None, [], []))  # the laptop saves
    reloaded = by_link(wid, code).run()  # the tablet's page, reloaded
    assert reloaded.text_area(key=area.key).value == "Written on the laptop"
