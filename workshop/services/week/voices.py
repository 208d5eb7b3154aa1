"""Every person's own voice (issue 29.2): a person's answer to a question each person answers (idempotent, only
while the day is open, only the team's own workshop's question), and the distributions leadership sees, made
by the small-group rule of workshop.domain.voices and nowhere else."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.answering import require_day_open
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound
from workshop.domain.model import Question, QuestionKind, Team
from workshop.domain.voices import (
    PersonAnswer,
    Voices,
    answer_values,
    check_person_key,
    distribution,
    require_answered_alone,
    voice_of,
    voice_rows,
)
from workshop.services.week.answers import Answer, check_answer
from workshop.store import read, write
from workshop.store.engine import upsert
from workshop.store.tables import days, person_answers, questions, teams

WRITTEN = ("team_id", "rating", "choices", "updated_at", "idempotency_key")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _question(conn: Connection, team: Team, question_id: int) -> Question:
    """The question as this team may answer it alone: of the team's workshop, marked each person, day open."""
    member = conn.execute(
        select(teams.c.id).where(teams.c.id == team.id, teams.c.workshop_id == team.workshop_id)
    ).first()
    if member is None:
        raise AccessDenied("error.not_a_team_of_this_workshop")
    row = conn.execute(
        select(questions, days.c.status.label("day_status"))
        .join(days, days.c.id == questions.c.day_id)
        .where(questions.c.id == question_id, questions.c.workshop_id == team.workshop_id)
    ).first()
    if row is None:  # another workshop's question is as unknown to this team as one that does not exist
        raise NotFound("error.missing.question", id=question_id)
    data = dict(row._mapping)
    status = data.pop("day_status")
    question = Question.model_validate(data)
    require_answered_alone(question.kind, question.each_person)
    require_day_open(status)
    return question


def submit_own_answer(
    engine: Engine, team: Team, person_key: str, answer: Answer, idempotency_key: str | None = None
) -> PersonAnswer:
    """Store one person's own answer (a first one, or an edit of theirs); a retry with the same key stores
    nothing twice. Refused once the day is closed, for a question not marked "each person answers", and for
    anything but an opaque person key."""
    check_person_key(person_key)
    for attempt in range(2):
        try:
            return _submit(engine, team, person_key, answer, idempotency_key)
        except IntegrityError:
            if attempt:  # a concurrent save of the same submission: the second try finds it by its key
                raise
    raise AssertionError("unreachable")


def _submit(engine: Engine, team: Team, person_key: str, answer: Answer, idempotency_key: str | None) -> PersonAnswer:
    with write(engine) as conn:
        if idempotency_key:
            done = conn.execute(
                select(person_answers).where(person_answers.c.idempotency_key == idempotency_key)
            ).first()
            if done is not None:
                if done.person_key != person_key or done.team_id != team.id:
                    raise InvalidInput("error.submission_key_taken", field="idempotency_key")
                return PersonAnswer.model_validate(dict(done._mapping))
        question = _question(conn, team, answer.question_id)
        own = Answer(answer.question_id, "", answer.rating, list(answer.choices), [])  # no words: they name people
        clean = check_answer(QuestionKind(question.kind), list(question.options), own)
        now = _now()
        values = {
            "workshop_id": team.workshop_id,
            "question_id": answer.question_id,
            "person_key": person_key,
            "team_id": team.id,
            "rating": clean.rating,
            "choices": clean.choices,
            "created_at": now,
            "updated_at": now,
            "idempotency_key": idempotency_key or None,
        }
        insert = upsert(conn, person_answers).values(values)
        statement = insert.on_conflict_do_update(
            index_elements=[person_answers.c.question_id, person_answers.c.person_key],
            set_={name: insert.excluded[name] for name in WRITTEN},
        ).returning(*person_answers.c)
        row = conn.execute(statement).one()
        return PersonAnswer.model_validate(dict(row._mapping))


def own_answers(engine: Engine, team: Team, person_key: str) -> dict[int, PersonAnswer]:
    """This person's own answers in the team's workshop, by question id."""
    with read(engine) as conn:
        rows = conn.execute(
            select(person_answers).where(
                person_answers.c.person_key == person_key, person_answers.c.workshop_id == team.workshop_id
            )
        )
        return {r.question_id: PersonAnswer.model_validate(dict(r._mapping)) for r in rows}


def own_answer_count(conn: Connection, workshop_id: int, day_id: int | None, question_id: int | None) -> int:
    """How many people's own answers a deletion would take with it: of one question, one day, or the workshop."""
    query = (
        select(func.count())
        .select_from(person_answers.join(questions, questions.c.id == person_answers.c.question_id))
        .where(person_answers.c.workshop_id == workshop_id)
    )
    if day_id is not None:
        query = query.where(questions.c.day_id == day_id)
    if question_id is not None:
        query = query.where(questions.c.id == question_id)
    return int(conn.execute(query).scalar() or 0)


def workshop_voices(engine: Engine, workshop_id: int) -> list[tuple[Question, Voices]]:
    """Every question each person answers (or once did) with its distribution under the small-group rule, in
    the week's order. Names and person keys never leave this function."""
    with read(engine) as conn:
        answered = select(person_answers.c.question_id).where(person_answers.c.workshop_id == workshop_id)
        asked = conn.execute(
            select(questions)
            .join(days, days.c.id == questions.c.day_id)
            .where(
                questions.c.workshop_id == workshop_id,
                questions.c.each_person.is_(True) | questions.c.id.in_(answered),
            )
            .order_by(days.c.position, questions.c.position, questions.c.id)
        ).fetchall()
        given = conn.execute(
            select(
                person_answers.c.question_id,
                teams.c.name,
                person_answers.c.person_key,
                person_answers.c.rating,
                person_answers.c.choices,
            )
            .join(teams, teams.c.id == person_answers.c.team_id)
            .where(person_answers.c.workshop_id == workshop_id)
        ).fetchall()
    found = []
    for row in asked:
        question = Question.model_validate(dict(row._mapping))
        voices = [voice_of(g.name, g.person_key, g.rating, g.choices or []) for g in given if g.question_id == row.id]
        values = answer_values(question.kind, question.options)
        found.append((question, distribution(int(row.id), values, voices)))
    return found


def voices_for_export(engine: Engine, workshop_id: int) -> list[dict[str, object]]:
    """The distributions as rows for the workshop's export files (workshop.domain.voices.voice_rows)."""
    return voice_rows((q.text, v) for q, v in workshop_voices(engine, workshop_id))
