"""Every person's own voice on the pages (issue 29.2): the facilitator marks a question "each person answers";
a team's card takes one answer per device session, labelled anonymous to leadership, and "Next person" hands
the device on; leadership's page shows distributions, never names, and a team of two only inside "other"."""

from __future__ import annotations

import json

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, QuestionKind, Role
from workshop.services.loop.votes import open_vote, vote_items, vote_results
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.planning import save_question
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store.tables import person_answers, person_dots, responses, teams

DIGITAL, EVENTS = "WQ9ZD3", "MC6JHS"  # demo teams
SECRET = "a-cookie-secret-for-the-tests-0123456789"


def _own_question(db: Engine) -> int:
    """The open day's first rating question, marked "each person answers" (as the facilitator would)."""
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    q = next(q for q in list_questions(db, wid, day.id) if q.kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH))
    save_question(db, wid, int(day.id or 0), q.text, q.kind, q.options, q.space, q.main_point_id, q.id, True)
    return int(q.id or 0)


def _team_page(code: str, user: dict[str, object] | None = None) -> AppTest:
    at = fresh_app()
    if user is not None:
        at.user = user
        at.secrets["auth"] = {"cookie_secret": SECRET}
    at = sign_in(at, Role.TEAM, code)
    return at.switch_page("pages/answer.py").run()


def _answer(at: AppTest, qid: int, rating: int) -> None:
    at.radio(key=f"own-rating-{qid}").set_value(rating).run()
    at.button(key=f"own-save-{qid}").click().run()
    assert errors_of(at) == []


def _stored(db: Engine, qid: int) -> list[tuple[str, int, str]]:
    query = (
        select(teams.c.name, person_answers.c.rating, person_answers.c.person_key)
        .join(teams, teams.c.id == person_answers.c.team_id)
        .where(person_answers.c.question_id == qid)
    )
    with db.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]  # type: ignore[misc]


def _texts(at: AppTest) -> str:
    """Every text a page shows (markdown, captions, text, alerts, titles)."""
    found = [
        e.value for kind in ("markdown", "caption", "text", "info", "success", "error", "title") for e in at.get(kind)
    ]
    return "\n".join(str(v) for v in found)


def test_the_facilitator_marks_a_question_each_person_answers_in_the_week_setup(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    q = next(q for q in list_questions(db, wid, day.id) if q.kind == QuestionKind.RATING)
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    at.button(key=f"edit-question-{q.id}").click().run()
    at.checkbox(key=f"question-{q.id}-each").check()
    save = next(b for b in at.button if b.label == "Save the changes" and b.form_id == f"question-{q.id}")  # type: ignore[attr-defined]
    at = save.click().run()
    assert errors_of(at) == []
    assert next(x for x in list_questions(db, wid, day.id) if x.id == q.id).each_person
    assert "each person answers" in _texts(at)


def test_each_device_session_is_one_person_labelled_anonymous_and_next_person_hands_the_device_on(db: Engine) -> None:
    qid = _own_question(db)
    at = _team_page(DIGITAL)
    shown = _texts(at)
    assert "Your own answer, anonymous to leadership." in shown and "each session counts as one person" in shown
    _answer(at, qid, 4)
    assert next(s.value for s in at.success).startswith("Your answer is saved")
    at.button(key=f"own-save-{qid}").click().run()  # a second click: the same answer, stored once
    assert len(_stored(db, qid)) == 1
    at.button(key="own-next-person").click().run()
    assert at.radio(key=f"own-rating-{qid}").value is None  # the next person starts blank
    _answer(at, qid, 2)
    _answer(_team_page(DIGITAL), qid, 5)  # another device session: a third person
    stored = _stored(db, qid)
    assert sorted((team, rating) for team, rating, _ in stored) == [
        ("Digital services", 2),
        ("Digital services", 4),
        ("Digital services", 5),
    ]
    assert len({key for _, _, key in stored}) == 3
    mine = select(responses.c.id).join(teams, teams.c.id == responses.c.team_id)
    with db.connect() as conn:  # a person's own answer is never the team's answer
        assert (
            conn.execute(mine.where(responses.c.question_id == qid, teams.c.name == "Digital services")).first() is None
        )


def test_a_signed_in_person_answers_once_from_any_device_and_the_team_sees_who_edited(db: Engine) -> None:
    qid = _own_question(db)
    ann = {"is_logged_in": True, "email": "ann.berg@library.example", "name": "Ann Berg"}
    first = _team_page(DIGITAL, ann)
    assert "You are signed in" in _texts(first) and not [b for b in first.button if b.key == "own-next-person"]
    _answer(first, qid, 3)
    _answer(_team_page(DIGITAL, ann), qid, 5)  # another device: the same person, the answer changed
    stored = _stored(db, qid)
    assert [(t, r) for t, r, _ in stored] == [("Digital services", 5)]
    assert "ann" not in stored[0][2] and stored[0][2].startswith("p-")
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    text_q = next(q for q in list_questions(db, wid, day.id) if q.kind == QuestionKind.TEXT)
    at = _team_page(DIGITAL, ann)
    at.text_area(key=f"answer-text-{text_q.id}").input("More makerspace evenings").run()
    at.button(key=f"answer-save-{text_q.id}").click().run()
    again = _team_page(DIGITAL, {"is_logged_in": True, "email": "bo@library.example", "name": "Bo Lund"})
    assert any(c.value.startswith("Last edited by Ann Berg at") for c in again.caption)


def test_leadership_sees_three_people_as_a_distribution_and_a_team_of_two_only_as_other(db: Engine) -> None:
    qid = _own_question(db)
    digital = _team_page(DIGITAL)
    for rating in (4, 4, 2):
        _answer(digital, qid, rating)
        digital.button(key="own-next-person").click().run()
    events = _team_page(EVENTS)
    for rating in (1, 5):
        _answer(events, qid, rating)
        events.button(key="own-next-person").click().run()
    at = sign_in(fresh_app(), Role.LEADERSHIP).switch_page("pages/voices.py").run()
    assert errors_of(at) == []
    shown = _texts(at)
    assert "Digital services — 3 people: 1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 0" in shown
    assert "Events & culture" not in shown and "Events \\& culture" not in shown
    assert "2 answers are not shown" in shown  # "other" would be Events alone: withheld, from the overall too
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    labels = chart["layout"]["yaxis"]["ticktext"]
    assert labels == ["Digital services", "All"]
    keys = [k for _, _, k in _stored(db, qid)]
    assert not any(k in shown or k in json.dumps(chart) for k in keys)


def test_an_own_answer_saved_after_the_day_closed_is_refused_and_shown_among_the_closed_days(db: Engine) -> None:
    qid = _own_question(db)
    at = _team_page(DIGITAL)
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    set_day_status(db, wid, int(day.id or 0), DayStatus.CLOSED)  # the facilitator closes it meanwhile
    at.radio(key=f"own-rating-{qid}").set_value(3)  # on the page as it was drawn, before the day closed
    at.button(key=f"own-save-{qid}").click().run()
    assert any("This day is closed" in e for e in errors_of(at))
    assert not [b for b in at.button if b.key == f"own-save-{qid}"]  # the question moved to the closed days
    assert _stored(db, qid) == []


def test_in_a_vote_each_person_takes_part_in_a_person_spends_their_own_dots(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    vid = open_vote(db, wid, "What first?", "themes", 2, each_person=True)
    at = _team_page(DIGITAL).switch_page("pages/spend_dots.py").run()
    assert errors_of(at) == [] and "Your own answer, anonymous to leadership." in _texts(at)
    item = next(iter(vote_items(db, wid, vid)))
    at.button(key=f"dot_{vid}_{item}_1").click().run()
    at.button(key=f"own-next-person-vote-{vid}").click().run()
    at.button(key=f"dot_{vid}_{item}_1").click().run()  # the next person's own dot
    with db.connect() as conn:
        stored = conn.execute(select(person_dots.c.person_key, person_dots.c.dots)).fetchall()
    assert sorted(d for _, d in stored) == [1, 1] and len({k for k, _ in stored}) == 2
    assert dict((i, d) for i, _, d in vote_results(db, wid, vid))[item] == 0  # two people: not shown yet
