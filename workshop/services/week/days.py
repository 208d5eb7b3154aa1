"""The strategy week as stored: main points, days and their questions, and the teams' answers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, Subquery, func, select, union_all

from workshop.domain.answering import log_is_public
from workshop.domain.history import Kind
from workshop.domain.model import Day, DayStatus, MainPoint, Question, Workshop
from workshop.services.history import record_saved
from workshop.services.rows import ANSWERS, DAYS, MAIN_POINTS, QUESTIONS, TEAMS
from workshop.store import read, write
from workshop.store.tables import days, main_points, person_answers, questions, responses, teams


def list_main_points(engine: Engine, workshop_id: int) -> list[MainPoint]:
    with read(engine) as conn:
        rows = conn.execute(MAIN_POINTS.select(workshop_id).order_by(main_points.c.position))
        return [MainPoint.model_validate(dict(r._mapping)) for r in rows]


def list_days(engine: Engine, workshop_id: int) -> list[Day]:
    with read(engine) as conn:
        rows = conn.execute(DAYS.select(workshop_id).order_by(days.c.position))
        return [Day.model_validate(dict(r._mapping)) for r in rows]


def list_questions(engine: Engine, workshop_id: int, day_id: int | None = None) -> list[Question]:
    query = QUESTIONS.select(workshop_id)
    if day_id is not None:
        query = query.where(questions.c.day_id == day_id)
    with read(engine) as conn:
        rows = conn.execute(query.order_by(questions.c.day_id, questions.c.position))
        return [Question.model_validate(dict(r._mapping)) for r in rows]


@dataclass(frozen=True)
class WeekPlan:
    """A workshop's days, main points and questions, as one read saw them (the answers page's cards)."""

    days: list[Day]
    main_points: list[MainPoint]
    questions: list[Question]


def week_plan(engine: Engine, workshop_id: int) -> WeekPlan:
    """Days, main points and questions in one read transaction: one snapshot, one connection."""
    with read(engine) as conn:
        found = [
            conn.execute(select(table).where(table.c.workshop_id == workshop_id).order_by(*order)).all()
            for table, order in (
                (days, [days.c.position]),
                (main_points, [main_points.c.position]),
                (questions, [questions.c.day_id, questions.c.position]),
            )
        ]
    return WeekPlan(
        [Day.model_validate(dict(r._mapping)) for r in found[0]],
        [MainPoint.model_validate(dict(r._mapping)) for r in found[1]],
        [Question.model_validate(dict(r._mapping)) for r in found[2]],
    )


def set_day_status(engine: Engine, workshop_id: int, day_id: int, status: DayStatus) -> None:
    """Open, close or reopen a day."""
    with write(engine) as conn:
        before = DAYS.get(conn, workshop_id, day_id)
        DAYS.update(conn, workshop_id, day_id, status=status.value)
        record_saved(conn, workshop_id, Kind.DAY, day_id, before, {"status": DayStatus(status).value}, before.title)


def next_status(status: DayStatus) -> DayStatus:
    """What the facilitator's one button does: a planned day opens, an open one closes, a closed one reopens."""
    return DayStatus.CLOSED if status == DayStatus.OPEN else DayStatus.OPEN


def answers_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every answer with its team, question, day and main point: the raw material of consolidation."""
    query = (
        select(
            responses.c.id,
            teams.c.name.label("team"),
            days.c.position.label("day"),
            days.c.title.label("day_title"),
            questions.c.position.label("question_position"),
            questions.c.id.label("question_id"),
            questions.c.text.label("question"),
            questions.c.kind,
            questions.c.main_point_id,
            responses.c.text,
            responses.c.rating,
            responses.c.choices,
            responses.c.spaces,
            responses.c.updated_at,
        )
        .join(teams, teams.c.id == responses.c.team_id)
        .join(questions, questions.c.id == responses.c.question_id)
        .join(days, days.c.id == questions.c.day_id)
        .where(ANSWERS.of(workshop_id))
        .order_by(days.c.position, questions.c.position, teams.c.name)
    )
    with read(engine) as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


@dataclass(frozen=True)
class Participation:
    """How many of the workshop's teams have answered a day's questions."""

    teams: int
    by_question: dict[int, int]
    any_question: int


def answered_by_teams(workshop_id: int) -> Subquery:
    """(question_id, team_id) of every answer: a team's own, and its people's own answers to the questions each
    person answers (a team has answered such a question once one of its people has)."""
    return union_all(
        select(responses.c.question_id, responses.c.team_id).where(responses.c.workshop_id == workshop_id),
        select(person_answers.c.question_id, person_answers.c.team_id).where(
            person_answers.c.workshop_id == workshop_id
        ),
    ).subquery()


def day_participation(engine: Engine, workshop_id: int, day_id: int) -> Participation:
    """Teams that answered each question of the day, and the day as a whole (at least one answer)."""
    answered = answered_by_teams(workshop_id)
    joined = answered.join(questions, questions.c.id == answered.c.question_id)
    of_day = questions.c.day_id == day_id
    with read(engine) as conn:
        total = conn.execute(select(func.count()).where(TEAMS.of(workshop_id))).scalar()
        rows = conn.execute(
            select(answered.c.question_id, func.count(func.distinct(answered.c.team_id)))
            .select_from(joined)
            .where(of_day)
            .group_by(answered.c.question_id)
        )
        by_question = {int(q): int(n) for q, n in rows}
        anyone = conn.execute(select(func.count(func.distinct(answered.c.team_id))).select_from(joined).where(of_day))
        return Participation(int(total or 0), by_question, int(anyone.scalar() or 0))


def log_days(engine: Engine, workshop: Workshop) -> list[Day]:
    """The days whose answers every team may read now, in order."""
    return [d for d in list_days(engine, workshop.id) if log_is_public(d, workshop)]


def log_answers(engine: Engine, workshop_id: int, question_ids: tuple[int, ...]) -> pd.DataFrame:
    """The answers to these questions only (the log shows a page of questions at a time), by team name:
    question_id, team, rating, choices, text, spaces, response_id."""
    query = (
        select(
            responses.c.question_id,
            teams.c.name.label("team"),
            responses.c.rating,
            responses.c.choices,
            responses.c.text,
            responses.c.spaces,
            responses.c.id.label("response_id"),
        )
        .join(teams, teams.c.id == responses.c.team_id)
        .where(ANSWERS.of(workshop_id), responses.c.question_id.in_(question_ids))
        .order_by(responses.c.question_id, teams.c.name)
    )
    with read(engine) as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
