"""Teams' answers: submitting (idempotent, only while the day is open, only the team's own), drafts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.errors import AccessDenied, DayClosed, InvalidInput, NotFound
from workshop.domain.model import SPACE_KEYS, DayStatus, QuestionKind, Response, Team
from workshop.store import read, write
from workshop.store.engine import upsert
from workshop.store.tables import days, drafts, questions, responses, teams

MAX_TEXT = 5000


@dataclass
class Answer:
    """What a team sends for one question."""

    question_id: int
    text: str = ""
    rating: int | None = None
    choices: list[str] = field(default_factory=list)
    spaces: list[str] = field(default_factory=list)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The team's row, joined to the question and its day when there is one: membership and question in one
# statement, built once (a statement built per call costs more Python than the query itself).
_QUESTION_FOR = (
    select(questions.c.id, questions.c.workshop_id, questions.c.kind, questions.c.options, days.c.status)
    .select_from(
        teams.outerjoin(
            questions.join(days, days.c.id == questions.c.day_id), questions.c.id == bindparam("question_id")
        )
    )
    .where(teams.c.id == bindparam("team_id"), teams.c.workshop_id == bindparam("workshop_id"))
)


def _question_for(conn: Connection, team: Team, question_id: int) -> dict[str, object]:
    """The question as this team may see it; the team itself must exist in the workshop it claims."""
    row = conn.execute(
        _QUESTION_FOR, {"question_id": question_id, "team_id": team.id, "workshop_id": team.workshop_id}
    ).first()
    if row is None:
        raise AccessDenied("this team is not part of the workshop")
    # A question of another workshop is as unknown to this team as one that does not exist.
    if row.id is None or row.workshop_id != team.workshop_id:
        raise NotFound(f"no question {question_id}")
    return dict(row._mapping)


def check_answer(kind: QuestionKind, options: list[str], answer: Answer) -> Answer:
    """The answer cleaned, or InvalidInput naming the field that is wrong."""
    text = answer.text.strip()
    if len(answer.text) > MAX_TEXT:
        raise InvalidInput(f"the text is longer than {MAX_TEXT} characters", field="text")
    spaces = list(dict.fromkeys(answer.spaces))
    if bad := [s for s in spaces if s not in SPACE_KEYS]:
        raise InvalidInput(f"unknown space {bad[0]}", field="spaces")
    choices = list(dict.fromkeys(answer.choices))
    if kind == QuestionKind.TEXT and not text:
        raise InvalidInput("the answer is empty", field="text")
    rated = kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
    if rated and (answer.rating is None or not 1 <= answer.rating <= 5):
        raise InvalidInput("choose a rating from 1 to 5", field="rating")
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if not choices:
            raise InvalidInput("choose at least one option", field="choices")
        if bad := [c for c in choices if c not in options]:
            raise InvalidInput(f"{bad[0]!r} is not one of the options", field="choices")
        if kind == QuestionKind.SINGLE and len(choices) != 1:
            raise InvalidInput("choose exactly one option", field="choices")
    rating = answer.rating if kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH) else None
    keep = choices if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) else []
    return Answer(answer.question_id, text, rating, keep, spaces)


def submit_answer(engine: Engine, team: Team, answer: Answer, idempotency_key: str | None = None) -> Response:
    """Store a team's answer (a new one, or an edit of its earlier one); a retry with the same key
    stores nothing twice. Refused once the day is closed."""
    for attempt in range(2):
        try:
            return _submit(engine, team, answer, idempotency_key)
        except IntegrityError:
            # A save raced another write (its question or team deleted meanwhile, or its key stored by a
            # concurrent save): the second try says what is gone, or finds the stored answer by its key.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _submit(engine: Engine, team: Team, answer: Answer, idempotency_key: str | None) -> Response:
    with write(engine) as conn:
        if idempotency_key:
            done = conn.execute(select(responses).where(responses.c.idempotency_key == idempotency_key)).first()
            if done is not None:
                if done.team_id != team.id:
                    raise InvalidInput("this submission key belongs to another team", field="idempotency_key")
                return Response.model_validate(dict(done._mapping))
        question = _question_for(conn, team, answer.question_id)
        if question["status"] != DayStatus.OPEN.value:
            raise DayClosed("the day is not open for answers")
        options = [str(o) for o in question["options"]]  # type: ignore[attr-defined]
        clean = check_answer(QuestionKind(str(question["kind"])), options, answer)
        values = {
            "text": clean.text,
            "rating": clean.rating,
            "choices": clean.choices,
            "spaces": clean.spaces,
            "updated_at": _now(),
            "idempotency_key": idempotency_key,
        }
        # One statement for a first answer and an edit alike: the unique (question, team) row, returned.
        row = conn.execute(
            upsert(conn, responses)
            .values(
                workshop_id=team.workshop_id,
                question_id=answer.question_id,
                team_id=team.id,
                created_at=values["updated_at"],
                **values,
            )
            .on_conflict_do_update(index_elements=[responses.c.question_id, responses.c.team_id], set_=values)
            .returning(*responses.c)
        ).one()
        conn.execute(drafts.delete().where(drafts.c.question_id == answer.question_id, drafts.c.team_id == team.id))
        return Response.model_validate(dict(row._mapping))


def team_answers(engine: Engine, team: Team) -> dict[int, Response]:
    """The team's own answers, by question id."""
    with read(engine) as conn:
        rows = conn.execute(select(responses).where(responses.c.team_id == team.id))
        return {r.question_id: Response.model_validate(dict(r._mapping)) for r in rows}


def save_draft(engine: Engine, team: Team, question_id: int, text: str) -> None:
    """Keep unsent text in the database, so a reload or another PC loses nothing."""
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"the text is longer than {MAX_TEXT} characters", field="text")
    with write(engine) as conn:
        if _question_for(conn, team, question_id)["status"] != DayStatus.OPEN.value:
            raise DayClosed("the day is not open for answers")
        mine = (drafts.c.question_id == question_id) & (drafts.c.team_id == team.id)
        conn.execute(drafts.delete().where(mine))
        sent = conn.execute(
            select(responses.c.text).where(responses.c.question_id == question_id, responses.c.team_id == team.id)
        ).scalar()
        # Text the same as the saved answer is not unsent: keep no draft, so the saved answer shows.
        if sent is None or sent != text.strip():
            conn.execute(drafts.insert().values(question_id=question_id, team_id=team.id, text=text, updated_at=_now()))


def team_drafts(engine: Engine, team: Team) -> dict[int, str]:
    """The team's unsent texts, by question id."""
    with read(engine) as conn:
        rows = conn.execute(select(drafts.c.question_id, drafts.c.text).where(drafts.c.team_id == team.id))
        return {r.question_id: r.text for r in rows}
