"""Teams' answers: submitting (idempotent, only while the day is open, only the team's own), drafts.
The rules of what may be answered, and when, are workshop.domain.answering; this module reads and writes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Row, bindparam, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.answering import MAX_TEXT, Answer, check_answer, check_text_length, require_day_open
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound
from workshop.domain.model import QuestionKind, Response, Team
from workshop.domain.text_fields import MAX_SHORT_TEXT
from workshop.store import read, write
from workshop.store.answer_statements import (
    DELETE_DRAFT,
    QUESTION_FOR,
    SAVE_CONTEXT,
    save_in_one_statement,
    upsert_answer,
)
from workshop.store.engine import writers_turn
from workshop.store.tables import drafts, responses
from workshop.store.versions import note_writes, random_shard

MAX_EDITOR = MAX_SHORT_TEXT  # the name of who last edited an answer
_CONTROL = re.compile("[\x00-\x1f\x7f]")  # characters no name holds (the model refuses them)
# Per engine, per question: its kind and options as the fast path last read them (see _submit_at_once).
__all__ = ["MAX_TEXT", "Answer", "save_draft", "submit_answer", "team_answers", "team_drafts"]

_RULES: WeakKeyDictionary[Engine, dict[int, tuple[str, list[str]]]] = WeakKeyDictionary()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _question_for(conn: Connection, team: Team, question_id: int) -> dict[str, object]:
    """The question as this team may see it; the team itself must exist in the workshop it claims."""
    row = conn.execute(
        QUESTION_FOR, {"question_id": question_id, "team_id": team.id, "workshop_id": team.workshop_id}
    ).first()
    return _checked_question(row, team, question_id)


def _checked_question(row: Row[*tuple[Any, ...]] | None, team: Team, question_id: int) -> dict[str, object]:
    if row is None:
        raise AccessDenied("error.not_a_team_of_this_workshop")
    # A question of another workshop is as unknown to this team as one that does not exist.
    if row.id is None or row.workshop_id != team.workshop_id:
        raise NotFound("error.missing.question", id=question_id)
    return dict(row._mapping)


def submit_answer(
    engine: Engine, team: Team, answer: Answer, idempotency_key: str | None = None, edited_by: str = ""
) -> Response:
    """Store a team's answer (a new one, or an edit of its earlier one); a retry with the same key
    stores nothing twice. Refused once the day is closed. `edited_by`: the signed-in person's name, shown to
    the team as who last edited it ("" when no one signed in)."""
    edited_by = " ".join(_CONTROL.sub(" ", edited_by).split())[:MAX_EDITOR]  # a name from the sign-in, as text
    for attempt in range(2):
        try:
            return _submit(engine, team, answer, idempotency_key, edited_by)
        except IntegrityError:
            # A save raced another write (its question or team deleted meanwhile, or its key stored by a
            # concurrent save): the second try says what is gone, or finds the stored answer by its key.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _submit(engine: Engine, team: Team, answer: Answer, idempotency_key: str | None, edited_by: str) -> Response:
    if engine.dialect.name == "postgresql":
        saved = _submit_at_once(engine, team, answer, idempotency_key, edited_by)
        if saved is not None:
            return saved
    with write(engine) as conn:
        found = conn.execute(SAVE_CONTEXT, _context(team, answer, idempotency_key)).first()
        if found is not None and found.done_id is not None:
            done = conn.execute(select(responses).where(responses.c.id == found.done_id)).one()
            if done.team_id != team.id:
                raise InvalidInput("error.submission_key_taken", field="idempotency_key")
            return Response.model_validate(dict(done._mapping))
        question = _checked_question(found, team, answer.question_id)
        require_day_open(str(question["status"]))
        values = _stored(team, answer, _clean(question, answer), idempotency_key, edited_by)
        row = conn.execute(upsert_answer(conn.dialect.name), values).one()
        if question["draft_of"] is not None:
            conn.execute(DELETE_DRAFT, {"question_id": answer.question_id, "team_id": team.id})
        return Response.model_validate(dict(row._mapping))


def _submit_at_once(
    engine: Engine, team: Team, answer: Answer, idempotency_key: str | None, edited_by: str
) -> Response | None:
    """PostgreSQL's fast path for the usual save: one statement that checks everything again as it writes,
    the answer checked beforehand against the question's kind and options as last read (read once per
    question and process; the statement refuses to write if they have changed since). None for everything
    unusual (a retry, a closed day, a question or team not found, a question changed): the transaction above
    answers that, with its error."""
    known = _RULES.get(engine)
    if known is None:
        known = _RULES.setdefault(engine, {})
    with writers_turn(engine), engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        rules = known.get(answer.question_id)
        if rules is None:
            found = conn.execute(SAVE_CONTEXT, _context(team, answer, idempotency_key)).first()
            if found is None or found.done_id is not None or found.workshop_id != team.workshop_id:
                return None  # not in the workshop, a retry, or no such question in it
            rules = known[answer.question_id] = (str(found.kind), [str(o) for o in found.options])
        kind, options = rules
        try:
            clean = check_answer(QuestionKind(kind), options, answer)
        except InvalidInput:
            known.pop(answer.question_id, None)  # perhaps the options changed: the transaction reads them
            return None
        stored = _stored(team, answer, clean, idempotency_key, edited_by)
        checked = {**_context(team, answer, idempotency_key), "kind": kind, "options": options}
        saved = conn.execute(save_in_one_statement(), {**stored, **checked, "on_shard": random_shard()}).first()
    if saved is None:
        known.pop(answer.question_id, None)
        return None
    note_writes((responses.name, drafts.name))  # a draft perhaps: reading it again costs little
    return Response.model_validate(dict(saved._mapping))


def _context(team: Team, answer: Answer, idempotency_key: str | None) -> dict[str, object]:
    return {
        "question_id": answer.question_id,
        "team_id": team.id,
        "workshop_id": team.workshop_id,
        "key": idempotency_key or None,
    }


def _clean(question: dict[str, object], answer: Answer) -> Answer:
    options = [str(o) for o in question["options"]]  # type: ignore[attr-defined]
    return check_answer(QuestionKind(str(question["kind"])), options, answer)


def _stored(
    team: Team, answer: Answer, clean: Answer, idempotency_key: str | None, edited_by: str
) -> dict[str, object]:
    now = _now()
    return {
        "workshop_id": team.workshop_id,
        "question_id": answer.question_id,
        "team_id": team.id,
        "created_at": now,
        "text": clean.text,
        "rating": clean.rating,
        "choices": clean.choices,
        "spaces": clean.spaces,
        "updated_at": now,
        "idempotency_key": idempotency_key,
        "edited_by": edited_by,
    }


def team_answers(engine: Engine, team: Team) -> dict[int, Response]:
    """The team's own answers, by question id."""
    with read(engine) as conn:
        rows = conn.execute(select(responses).where(responses.c.team_id == team.id))
        return {r.question_id: Response.model_validate(dict(r._mapping)) for r in rows}


def save_draft(engine: Engine, team: Team, question_id: int, text: str) -> None:
    """Keep unsent text in the database, so a reload or another PC loses nothing."""
    check_text_length(text)
    with write(engine) as conn:
        require_day_open(str(_question_for(conn, team, question_id)["status"]))
        mine = (drafts.c.question_id == question_id) & (drafts.c.team_id == team.id)
        conn.execute(drafts.delete().where(mine))
        sent = conn.execute(
            select(responses.c.text).where(responses.c.question_id == question_id, responses.c.team_id == team.id)
        ).scalar()
        # Text the same as the saved answer is not unsent: keep no draft, so the saved answer shows.
        if sent is None or sent != text.strip():
            conn.execute(drafts.insert().values(question_id=question_id, team_id=team.id, text=text, updated_at=_now()))


# The answer page's two reads, built once: every team's every run makes them (building a statement and
# finding its compiled form cost as much as running it).
_TEAM_ANSWERS = select(responses).where(
    responses.c.workshop_id == bindparam("workshop"), responses.c.team_id == bindparam("team")
)
_TEAM_DRAFTS = select(drafts.c.question_id, drafts.c.text).where(drafts.c.team_id == bindparam("team"))
SHEET_TABLES = ("responses", "drafts")  # what team_sheet reads (ui.data caches it by their versions)


def team_sheet(engine: Engine, workshop_id: int, team_id: int) -> tuple[dict[int, Response], dict[int, str]]:
    """A team's own answers and unsent texts, by question id, in one read (the answers page)."""
    with read(engine) as conn:
        mine = {
            r.question_id: Response.model_validate(dict(r._mapping))
            for r in conn.execute(_TEAM_ANSWERS, {"workshop": workshop_id, "team": team_id})
        }
        unsent = conn.execute(_TEAM_DRAFTS, {"team": team_id})  # a team's id is never another workshop's
        return mine, {r.question_id: r.text for r in unsent}


def team_drafts(engine: Engine, team: Team) -> dict[int, str]:
    """The team's unsent texts, by question id."""
    with read(engine) as conn:
        rows = conn.execute(select(drafts.c.question_id, drafts.c.text).where(drafts.c.team_id == team.id))
        return {r.question_id: r.text for r in rows}
