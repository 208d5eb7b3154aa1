"""Reads for the consolidated view: the questions, the drafts and the team names beside the answers."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from workshop.store import read
from workshop.store.tables import days, drafts, questions, teams

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
