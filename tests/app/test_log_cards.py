"""The week's log on a phone: every answer is a card with its team, the question and the whole text as plain
text (a grid drawn on a canvas cut it off: "Sundhedsplej…"), a page of cards at a time; leadership may switch
to a table to sort."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions
from workshop.services.week.planning import set_publish_log_immediately
from workshop.services.workshops.lifecycle import current_workshop_id

LONG = (
    "Sundhedsplejerskerne kunne holde deres åbne rådgivning i børnebiblioteket hver tirsdag formiddag, "
    "så forældre til de mindste møder bøgerne, rimene og hinanden i samme besøg. **Not bold**, "
    "[not a link](x) and =1+1 stay as typed; the last words of a long answer: ENDE PÅ SVARET."
)
TEAM_CODE = "WQ9ZD3"  # the demo's "Digital" team, which has not answered the open day yet


def test_the_log_shows_each_answer_as_a_card_with_team_question_and_whole_text(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    question = list_questions(db, wid, day.id)[0]
    writer = join_team(db, wid, TEAM_CODE, session="test")
    submit_answer(db, writer, Answer(int(question.id or 0), LONG))
    set_publish_log_immediately(db, wid, True)  # the open day is the newest readable one: the log opens on it

    at = sign_in(fresh_app(), Role.TEAM).switch_page("pages/week_log.py").run()
    assert errors_of(at) == []
    texts = [x.value for x in at.text]
    assert LONG in texts  # the whole answer, as typed: no Markdown, not cut off
    assert writer.name in texts  # the team that wrote it, on its card
    assert question.text in texts
    assert f"Answer to question {question.position}" in [c.value for c in at.caption]
    assert not at.dataframe  # a team reads cards, not a grid
    # At most one text area per answer, and only once the team opens an answer's comment action.
    assert not at.text_area
    assert "Comment" in [e.label for e in at.expander]


def test_leadership_may_switch_the_cards_to_a_table_to_sort(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP).switch_page("pages/week_log.py").run()
    cards = [x.value for x in at.text]
    assert not at.dataframe
    at.toggle(key="log-table-view").set_value(True).run()
    assert errors_of(at) == []
    shown = list(at.dataframe[0].value["Answer"])
    assert shown and all(text in cards for text in shown if text)
