"""A team answers the open day's questions: saved with a confirmation, drafts kept, one row per answer."""

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.planning import save_question
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store.tables import responses, teams

DIGITAL = "WQ9ZD3"  # a demo team that has not answered the open day 3 yet


def answering(code: str = DIGITAL) -> AppTest:
    at = sign_in(fresh_app(), Role.TEAM, code)
    return at.switch_page("pages/answer.py").run()


def first_text_question(db: Engine) -> int:
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    return int(next(q for q in list_questions(db, wid, day.id) if q.kind.value == "text").id or 0)


def stored(db: Engine, qid: int, team: str = "Digital services") -> list[str]:
    """The texts a team has stored for a question."""
    query = (
        select(responses.c.text)
        .join(teams, teams.c.id == responses.c.team_id)
        .where(responses.c.question_id == qid, teams.c.name == team)
    )
    with db.connect() as conn:
        return [r.text for r in conn.execute(query)]


def test_a_saved_answer_shows_the_time_and_is_there_after_a_reload(db: Engine) -> None:
    at = answering()
    qid = first_text_question(db)
    at.text_area(key=f"answer-text-{qid}").input("Gaming evenings bring teenagers in").run()
    at.button(key=f"answer-save-{qid}").click().run()
    assert errors_of(at) == []
    assert next(s.value for s in at.success).startswith("Saved at ")
    again = answering()
    assert again.text_area(key=f"answer-text-{qid}").value == "Gaming evenings bring teenagers in"
    assert any(c.value.startswith("Last saved at") for c in again.caption)


def test_an_empty_answer_is_refused_with_a_message(db: Engine) -> None:
    at = answering()
    qid = first_text_question(db)
    at.text_area(key=f"answer-text-{qid}").input("   ").run()
    at.button(key=f"answer-save-{qid}").click().run()
    assert any("The answer is empty." in e.value for e in at.error)
    assert stored(db, qid) == [] and not at.success


def test_a_double_click_and_a_retry_store_one_answer(db: Engine) -> None:
    at = answering()
    qid = first_text_question(db)
    at.text_area(key=f"answer-text-{qid}").input("Once only").run()
    key = at.session_state[f"answer-idem-{qid}"]
    at.button(key=f"answer-save-{qid}").click().run()
    at.button(key=f"answer-save-{qid}").click().run()
    # A retry of the first submission (its success never reached the browser) carries the same key.
    at.session_state[f"answer-idem-{qid}"] = key
    at.button(key=f"answer-save-{qid}").click().run()
    assert errors_of(at) == []
    assert stored(db, qid) == ["Once only"]


def test_unsent_text_comes_back_in_a_new_session_of_the_same_team(db: Engine) -> None:
    at = answering()
    qid = first_text_question(db)
    at.text_area(key=f"answer-text-{qid}").input("Half written, not sent").run()
    assert any(c.value == "22 / 5,000 characters" for c in at.caption)
    reloaded = answering()
    assert reloaded.text_area(key=f"answer-text-{qid}").value == "Half written, not sent"
    other_team = answering("KX7P2M")
    assert other_team.text_area(key=f"answer-text-{qid}").value != "Half written, not sent"
    assert stored(db, qid) == []


def test_a_save_after_the_day_closed_is_refused_with_a_clear_message(db: Engine) -> None:
    at = answering()
    qid = first_text_question(db)
    at.text_area(key=f"answer-text-{qid}").input("Too late").run()
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    set_day_status(db, wid, int(day.id or 0), DayStatus.CLOSED)
    at.button(key=f"answer-save-{qid}").click().run()
    assert any(e.value.startswith("This day is closed") for e in at.error)
    assert any(w.value.startswith("This day is closed") for w in at.warning)
    assert "Too late" not in stored(db, qid)


def test_a_choice_the_facilitator_removed_since_does_not_break_the_page(db: Engine) -> None:
    at = answering("KX7P2M")  # this team chose "Rooms, furniture and noise" on the open day
    wid = int(current_workshop_id(db) or 0)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    single = next(q for q in list_questions(db, wid, day.id) if q.kind.value == "single")
    assert at.radio(key=f"answer-choices-{single.id}").value == "Rooms, furniture and noise"
    save_question(db, wid, int(day.id or 0), single.text, single.kind, ["Staff", "Money"], question_id=single.id)
    at.run()
    assert errors_of(at) == []
    assert at.radio(key=f"answer-choices-{single.id}").value is None


def test_a_wrong_code_in_the_address_is_tried_once_and_dropped(db: Engine) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["code"] = "WRONG2"
    at.run()
    assert [e.value for e in at.error] == ["That code did not work. Check it and try again."]
    assert "code" not in at.query_params
    at.run()
    assert not at.error


def test_with_two_days_open_a_save_on_one_keeps_what_is_typed_on_the_other(db: Engine) -> None:
    """Each open day's cards are redrawn together when one saves (one fragment per day, issue 25): with two days
    open, both days show their questions, a save on day 4 is confirmed and stored, and the text typed but not
    saved on day 3 is still in its box, and kept as a draft."""
    wid = int(current_workshop_id(db) or 0)
    day3, day4 = list_days(db, wid)[2:4]
    set_day_status(db, wid, int(day4.id or 0), DayStatus.OPEN)
    on_3 = first_text_question(db)
    on_4 = next(q for q in list_questions(db, wid, day4.id) if q.kind.value == "text").id
    at = answering()
    assert [h.value for h in at.header] == [f"Day {day3.position}", f"Day {day4.position}"]
    at.text_area(key=f"answer-text-{on_3}").input("Half a thought about the stage").run()
    at.text_area(key=f"answer-text-{on_4}").input("Open the makerspace on Sundays")
    at = at.button(key=f"answer-save-{on_4}").click().run()
    assert errors_of(at) == [] and [s.value[:8] for s in at.success] == ["Saved at"]
    assert stored(db, int(on_4)) == ["Open the makerspace on Sundays"] and stored(db, on_3) == []
    assert at.text_area(key=f"answer-text-{on_3}").value == "Half a thought about the stage"
    assert answering().text_area(key=f"answer-text-{on_3}").value == "Half a thought about the stage"  # a draft
