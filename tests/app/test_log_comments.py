"""The week's log as a conversation on the demo: a team comments on another team's answer, edits it, and
leadership hides it; the team no longer reads it, leadership still does, marked hidden."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.week.days import list_days, list_questions, log_answers
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import make_engine

TEAM = "Children & families"  # the demo's first team: sign_in joins with its code
COMMENT = "Could the **homework café** run on Saturdays too? =1+1"


def _log(role: Role) -> AppTest:
    at = sign_in(fresh_app(), role)
    at.switch_page("pages/week_log.py").run()
    assert errors_of(at) == []
    return at


def _other_teams_answer() -> tuple[int, str]:
    """An answer of another team to the first question of the newest closed day (the log opens on it)."""
    engine = make_engine()
    wid = int(current_workshop_id(engine) or 0)
    day = [d for d in list_days(engine, wid) if d.status == DayStatus.CLOSED][-1]
    question = list_questions(engine, wid, day.id)[0]
    given = log_answers(engine, wid, (int(question.id or 0),))
    row = given[given["team"] != TEAM].iloc[0]
    return int(row["response_id"]), str(row["team"])


def _texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_a_team_comments_on_another_teams_answer_and_leadership_hides_it(app_db: str) -> None:
    at = _log(Role.TEAM)  # the app's first run creates the demo
    response_id, other = _other_teams_answer()
    assert other in _texts(at)  # the other team's answer is a card on the page
    # An answer's comment form is drawn only when the team opens its comment action (a page holds many).
    assert not any(a.key and a.key.startswith("comment_text_") for a in at.text_area)
    at.session_state[f"comments_open_{response_id}"] = True  # the team opens that answer's conversation
    at.run()
    at.text_area(key=f"comment_text_{response_id}").input(COMMENT)
    next(b for b in at.button if b.label == "Post comment" and f"comment_{response_id}" in b.form_id).click().run()
    assert errors_of(at) == []
    assert f"{TEAM}: {COMMENT}" in _texts(at)  # plain text: the stars and the formula as typed
    # The team edits its own comment (another team's would have no edit form).
    edit = next(a for a in at.text_area if a.key and a.key.startswith("edit_comment_text_"))
    assert edit.value == COMMENT
    edit.input(COMMENT + " Edited.")
    next(b for b in at.button if b.label == "Save comment").click().run()
    assert errors_of(at) == [] and f"{TEAM}: {COMMENT} Edited." in _texts(at)
    shown = f"{TEAM}: {COMMENT} Edited."

    lead = _log(Role.LEADERSHIP)
    assert shown in _texts(lead)
    assert not any(a.key and a.key.startswith("comment_text_") for a in lead.text_area)  # no form for leadership
    next(b for b in lead.button if b.label == "Hide from teams").click().run()
    assert errors_of(lead) == []
    assert shown in _texts(lead)  # leadership still reads it, marked hidden
    assert any("Hidden — teams do not see this comment" in m.value for m in lead.markdown)
    assert [b.label for b in lead.button if b.key and b.key.startswith("hide_comment_")] == ["Show to teams again"]

    at.run()
    assert not any(COMMENT in text for text in _texts(at))  # the team no longer reads it
