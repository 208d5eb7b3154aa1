"""Reads for the consolidated view: the questions, the drafts and the team names beside the answers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select

from workshop.model import MainPoint
from workshop.services.week import answers_frame, list_main_points
from workshop.store import read
from workshop.store.tables import days, drafts, questions, teams, theme_responses, themes

QUESTION_COLUMNS = ["id", "day", "position", "text", "kind", "options", "main_point_id", "space"]


def questions_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every question of the workshop with its day position, in the order of the week."""
    query = (
        select(
            questions.c.id,
            days.c.position.label("day"),
            questions.c.position,
            questions.c.text,
            questions.c.kind,
            questions.c.options,
            questions.c.main_point_id,
            questions.c.space,
        )
        .join(days, days.c.id == questions.c.day_id)
        .where(questions.c.workshop_id == workshop_id)
        .order_by(days.c.position, questions.c.position)
    )
    with read(engine) as conn:
        return pd.DataFrame(conn.execute(query).fetchall(), columns=QUESTION_COLUMNS)


def drafts_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Text teams typed but did not send: team, question_id, text, updated_at."""
    query = (
        select(teams.c.name.label("team"), drafts.c.question_id, drafts.c.text, drafts.c.updated_at)
        .join(teams, teams.c.id == drafts.c.team_id)
        .join(questions, questions.c.id == drafts.c.question_id)
        .where(questions.c.workshop_id == workshop_id)
    )
    with read(engine) as conn:
        return pd.DataFrame(conn.execute(query).fetchall(), columns=["team", "question_id", "text", "updated_at"])


def team_names(engine: Engine, workshop_id: int) -> list[str]:
    with read(engine) as conn:
        rows = conn.execute(select(teams.c.name).where(teams.c.workshop_id == workshop_id).order_by(teams.c.name))
        return [r.name for r in rows]


def question_options(frame: pd.DataFrame) -> dict[int, list[str]]:
    """Question id -> its options, from questions_frame."""
    return {int(q.id): list(q.options or []) for q in frame.itertuples()}


@dataclass(frozen=True)
class WeekMaterial:
    """Everything the consolidated view reads, in one go (the glue may cache it by data version)."""

    answers: pd.DataFrame
    questions: pd.DataFrame
    drafts: pd.DataFrame
    teams: list[str]
    points: list[MainPoint]
    themed_ids: frozenset[int]


def week_material(engine: Engine, workshop_id: int) -> WeekMaterial:
    with read(engine) as conn:
        linked = conn.execute(
            select(theme_responses.c.response_id).join(themes).where(themes.c.workshop_id == workshop_id)
        )
        themed = frozenset(int(r.response_id) for r in linked)
    return WeekMaterial(
        answers=answers_frame(engine, workshop_id),
        questions=questions_frame(engine, workshop_id),
        drafts=drafts_frame(engine, workshop_id),
        teams=team_names(engine, workshop_id),
        points=list_main_points(engine, workshop_id),
        themed_ids=themed,
    )
