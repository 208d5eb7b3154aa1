"""Teams' answers: only their own, only while the day is open, once per submission, drafts kept."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select

from workshop.domain.errors import AccessDenied, DayClosed, InvalidInput, NotFound
from workshop.domain.model import DayStatus, QuestionKind, Team
from workshop.services.week.answers import Answer, save_draft, submit_answer, team_answers, team_drafts
from workshop.services.week.days import day_participation, set_day_status
from workshop.services.week.planning import save_day, save_question
from workshop.services.week.teams import delete_team
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store.answer_statements import save_in_one_statement
from workshop.store.tables import responses
from workshop.store.versions import versions


class Week:
    def __init__(self, engine: Engine) -> None:
        self.wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
        self.day = int(save_day(engine, self.wid, "Monday").id or 0)
        self.text_q = int(save_question(engine, self.wid, self.day, "What works?").id or 0)
        self.rating_q = int(save_question(engine, self.wid, self.day, "Rate", QuestionKind.RATING).id or 0)
        self.multi_q = int(
            save_question(engine, self.wid, self.day, "Which?", QuestionKind.MULTIPLE, ["a", "b"]).id or 0
        )
        self.red = add_team(engine, self.wid, "Red")[0]
        self.blue = add_team(engine, self.wid, "Blue")[0]
        set_day_status(engine, self.wid, self.day, DayStatus.OPEN)


@pytest.fixture
def week(engine: Engine) -> Week:
    return Week(engine)


def _rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(responses)).scalar() or 0)


def test_a_team_answers_and_edits_its_own_answer(engine: Engine, week: Week) -> None:
    first = submit_answer(engine, week.red, Answer(week.text_q, "  The makerspace  ", spaces=["performative"]))
    edited = submit_answer(engine, week.red, Answer(week.text_q, "The makerspace and the stage"))
    assert first.text == "The makerspace" and first.updated_at is not None
    assert edited.id == first.id and team_answers(engine, week.red)[week.text_q].text == "The makerspace and the stage"
    assert _rows(engine) == 1


def test_one_team_never_changes_another_teams_answer(engine: Engine, week: Week) -> None:
    submit_answer(engine, week.red, Answer(week.text_q, "Red's view"))
    submit_answer(engine, week.blue, Answer(week.text_q, "Blue's view"))
    assert team_answers(engine, week.red)[week.text_q].text == "Red's view"
    assert team_answers(engine, week.blue)[week.text_q].text == "Blue's view"
    assert _rows(engine) == 2


def test_a_team_claiming_another_workshop_or_a_made_up_id_is_refused(engine: Engine, week: Week) -> None:
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    outsider, _ = add_team(engine, other, "Outsider")
    with pytest.raises(NotFound):
        submit_answer(engine, outsider, Answer(week.text_q, "Not my workshop"))
    forged = Team(id=outsider.id, workshop_id=week.wid, name="Red")
    with pytest.raises(AccessDenied):
        submit_answer(engine, forged, Answer(week.text_q, "Pretending"))
    with pytest.raises(AccessDenied):
        save_draft(engine, forged, week.text_q, "Pretending")
    assert _rows(engine) == 0


def test_a_retry_with_the_same_key_stores_one_answer(engine: Engine, week: Week) -> None:
    first = submit_answer(engine, week.red, Answer(week.text_q, "Once"), idempotency_key="k-1")
    again = submit_answer(engine, week.red, Answer(week.text_q, "Once"), idempotency_key="k-1")
    assert again.id == first.id and again.updated_at == first.updated_at
    assert _rows(engine) == 1


def test_another_team_cannot_replay_a_teams_key(engine: Engine, week: Week) -> None:
    submit_answer(engine, week.red, Answer(week.text_q, "Red"), idempotency_key="k-red")
    with pytest.raises(InvalidInput):
        submit_answer(engine, week.blue, Answer(week.text_q, "Blue"), idempotency_key="k-red")
    assert week.text_q not in team_answers(engine, week.blue)


@pytest.mark.parametrize("status", [DayStatus.PLANNED, DayStatus.CLOSED])
def test_no_answer_or_draft_is_taken_unless_the_day_is_open(engine: Engine, week: Week, status: DayStatus) -> None:
    submit_answer(engine, week.red, Answer(week.text_q, "Before closing"))
    set_day_status(engine, week.wid, week.day, status)
    with pytest.raises(DayClosed):
        submit_answer(engine, week.red, Answer(week.text_q, "Too late"))
    with pytest.raises(DayClosed):
        save_draft(engine, week.red, week.text_q, "Too late")
    assert team_answers(engine, week.red)[week.text_q].text == "Before closing"


def test_a_reopened_day_takes_edits_again(engine: Engine, week: Week) -> None:
    set_day_status(engine, week.wid, week.day, DayStatus.CLOSED)
    set_day_status(engine, week.wid, week.day, DayStatus.OPEN)
    assert submit_answer(engine, week.red, Answer(week.text_q, "Reopened")).text == "Reopened"


@pytest.mark.parametrize(
    ("question", "answer", "field"),
    [
        ("text_q", Answer(0, "   \n "), "text"),
        ("text_q", Answer(0, "x" * 5001), "text"),
        ("rating_q", Answer(0, "a comment", rating=None), "rating"),
        ("rating_q", Answer(0, rating=6), "rating"),
        ("multi_q", Answer(0, choices=[]), "choices"),
        ("multi_q", Answer(0, choices=["c"]), "choices"),
        ("text_q", Answer(0, "ok", spaces=["garden"]), "spaces"),
    ],
)
def test_empty_or_wrong_answers_are_refused_naming_the_field(
    engine: Engine, week: Week, question: str, answer: Answer, field: str
) -> None:
    answer.question_id = getattr(week, question)
    with pytest.raises(InvalidInput) as refused:
        submit_answer(engine, week.red, answer)
    assert refused.value.params["field"] == field
    assert _rows(engine) == 0


def test_a_rating_comment_is_optional_and_text_of_5000_characters_fits(engine: Engine, week: Week) -> None:
    assert submit_answer(engine, week.red, Answer(week.rating_q, rating=4)).rating == 4
    assert len(submit_answer(engine, week.red, Answer(week.text_q, "é" * 5000)).text) == 5000


def test_a_draft_is_kept_until_the_answer_is_sent(engine: Engine, week: Week) -> None:
    save_draft(engine, week.red, week.text_q, "Half a thought")
    save_draft(engine, week.red, week.text_q, "Half a thought, more")
    assert team_drafts(engine, week.red) == {week.text_q: "Half a thought, more"}
    assert team_drafts(engine, week.blue) == {}
    submit_answer(engine, week.red, Answer(week.text_q, "Whole thought"))
    assert team_drafts(engine, week.red) == {}
    save_draft(engine, week.red, week.text_q, "Whole thought ")  # the same as sent: nothing unsent
    assert team_drafts(engine, week.red) == {}
    save_draft(engine, week.red, week.text_q, "Whole thought, edited")
    assert team_drafts(engine, week.red) == {week.text_q: "Whole thought, edited"}


def test_participation_counts_teams_per_question_and_per_day(engine: Engine, week: Week) -> None:
    add_team(engine, week.wid, "Green")
    submit_answer(engine, week.red, Answer(week.text_q, "Red"))
    submit_answer(engine, week.red, Answer(week.rating_q, rating=3))
    submit_answer(engine, week.blue, Answer(week.text_q, "Blue"))
    seen = day_participation(engine, week.wid, week.day)
    assert (seen.teams, seen.any_question) == (3, 2)
    assert seen.by_question == {week.text_q: 2, week.rating_q: 1}


def test_simultaneous_first_saves_of_one_team_store_one_answer(engine: Engine, week: Week) -> None:
    def save(n: int) -> int:
        return int(submit_answer(engine, week.red, Answer(week.text_q, f"Version {n}"), f"key-{n}").id or 0)

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(save, range(6)))
    assert len(set(ids)) == 1 and _rows(engine) == 1
    assert team_answers(engine, week.red)[week.text_q].text.startswith("Version ")


def test_a_sent_answer_counts_a_new_version_of_answers_and_of_drafts_only_when_one_was_deleted(
    engine: Engine, week: Week
) -> None:
    """The morning view's cache keys on these versions: a save it missed would show stale counts."""
    save_draft(engine, week.red, week.text_q, "Half a thought")
    before = versions(engine, "responses", "drafts")
    submit_answer(engine, week.red, Answer(week.text_q, "Whole thought"))
    after_draft = versions(engine, "responses", "drafts")
    assert (after_draft[0] - before[0], after_draft[1] - before[1]) == (1, 1)
    assert team_drafts(engine, week.red) == {}
    submit_answer(engine, week.red, Answer(week.rating_q, rating=4))  # no draft of this question
    after = versions(engine, "responses", "drafts")
    assert (after[0] - after_draft[0], after[1] - after_draft[1]) == (1, 0)


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)  # the one-statement save is PostgreSQL's
def test_a_day_closed_between_the_check_and_the_save_stores_nothing_on_postgresql(engine: Engine, week: Week) -> None:
    """PostgreSQL's one-statement save checks the day again as it writes: a team that read the day open an
    instant before the facilitator closed it stores nothing, counts no version and keeps its draft."""
    save_draft(engine, week.red, week.text_q, "Half a thought")
    set_day_status(engine, week.wid, week.day, DayStatus.CLOSED)
    before = versions(engine, "responses", "drafts")
    now = dt.datetime.now(dt.UTC)
    stored = dict(workshop_id=week.wid, question_id=week.text_q, team_id=week.red.id, created_at=now, updated_at=now)
    given = {"text": "Too late", "rating": None, "choices": [], "spaces": [], "idempotency_key": "k", "edited_by": ""}
    values = {**stored, **given}
    checked = {"kind": "text", "options": [], "key": "k", "on_shard": 0}  # as the team last read the question
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        assert conn.execute(save_in_one_statement(), {**values, **checked}).first() is None
    assert _rows(engine) == 0 and versions(engine, "responses", "drafts") == before
    assert team_drafts(engine, week.red) == {week.text_q: "Half a thought"}
    with pytest.raises(DayClosed):  # and the service says so
        submit_answer(engine, week.red, Answer(week.text_q, "Too late"))


def test_an_answer_is_checked_against_the_options_as_they_are_now_not_as_a_team_last_saw_them(
    engine: Engine, week: Week
) -> None:
    """The facilitator changes a question's options after teams have answered it: the next answer is
    checked against the new options (PostgreSQL's fast path remembers a question's options and must notice)."""
    submit_answer(engine, week.red, Answer(week.multi_q, choices=["a", "b"]))
    save_question(engine, week.wid, week.day, "Which?", QuestionKind.MULTIPLE, ["a", "c"], question_id=week.multi_q)
    with pytest.raises(InvalidInput, match="'b' is not one of the options"):  # fits the old options only
        submit_answer(engine, week.blue, Answer(week.multi_q, choices=["b"]))
    assert submit_answer(engine, week.red, Answer(week.multi_q, choices=["c"])).choices == ["c"]
    save_question(engine, week.wid, week.day, "Which?", QuestionKind.SINGLE, ["a", "c"], question_id=week.multi_q)
    with pytest.raises(InvalidInput, match="exactly one"):  # now a single choice
        submit_answer(engine, week.red, Answer(week.multi_q, choices=["a", "c"]))
    assert team_answers(engine, week.red)[week.multi_q].choices == ["c"]


def test_a_team_removed_while_signed_in_cannot_answer_any_more(engine: Engine, week: Week) -> None:
    """The facilitator removes a team whose members still have the answer page open: their next save is
    refused and stores nothing (on PostgreSQL after the fast path has answered for this question before)."""
    submit_answer(engine, week.blue, Answer(week.text_q, "Blue was here"))
    delete_team(engine, week.wid, int(week.red.id or 0))
    with pytest.raises(AccessDenied):
        submit_answer(engine, week.red, Answer(week.text_q, "Still here?"))
    assert _rows(engine) == 1
