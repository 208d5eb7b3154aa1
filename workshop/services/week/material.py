"""Reads for the consolidated view: the questions, the drafts and the team names beside the answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, Text, select, type_coerce

from workshop.domain.model import MainPoint
from workshop.services.rows import ANSWERS, DAYS, QUESTIONS, TEAMS, THEMES
from workshop.services.week.days import list_main_points
from workshop.store import read
from workshop.store.tables import days, drafts, questions, responses, teams, theme_responses, themes

QUESTION_COLUMNS = ["id", "day", "position", "text", "kind", "options", "main_point_id", "space", "day_status"]


def questions_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every question of the workshop with its day position and day status, in the order of the week."""
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
            days.c.status.label("day_status"),
        )
        .join(days, days.c.id == questions.c.day_id)
        .where(QUESTIONS.of(workshop_id))
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
        .where(QUESTIONS.of(workshop_id))
    )
    with read(engine) as conn:
        return pd.DataFrame(conn.execute(query).fetchall(), columns=["team", "question_id", "text", "updated_at"])


def team_names(engine: Engine, workshop_id: int) -> list[str]:
    with read(engine) as conn:
        rows = conn.execute(select(teams.c.name).where(TEAMS.of(workshop_id)).order_by(teams.c.name))
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


def week_material(engine: Engine, workshop_id: int, days_at: Sequence[int] = ()) -> WeekMaterial:
    """With `days_at`, the answers are only those of the days at these positions (the rest is whole)."""
    with read(engine) as conn:
        linked = conn.execute(select(theme_responses.c.response_id).join(themes).where(THEMES.of(workshop_id)))
        themed = frozenset(int(r.response_id) for r in linked)
    return WeekMaterial(
        answers=consolidation_answers(engine, workshop_id, days_at=days_at),
        questions=questions_frame(engine, workshop_id),
        drafts=drafts_frame(engine, workshop_id),
        teams=team_names(engine, workshop_id),
        points=list_main_points(engine, workshop_id),
        themed_ids=themed,
    )


CONSOLIDATION_COLUMNS = [
    "id",
    "team",
    "day",
    "question_position",
    "question_id",
    "question",
    "kind",
    "main_point_id",
    "text",
    "rating",
    "choices",
    "spaces",
]


def _json_column(values: tuple[object, ...]) -> list[object]:
    # SQLite hands JSON over as text: "[]" (nothing ticked) is common and skipped, the rest parsed in one go.
    found: list[object] = [v if not isinstance(v, str) else [] for v in values]
    texts = [(i, v) for i, v in enumerate(values) if isinstance(v, str) and v != "[]"]
    if texts:
        parsed = json.loads("[" + ",".join(v for _, v in texts) + "]")
        for (i, _), value in zip(texts, parsed, strict=True):
            found[i] = value
    return found


def consolidation_answers(
    engine: Engine,
    workshop_id: int,
    question_id: int | None = None,
    ids: Sequence[int] = (),
    days_at: Sequence[int] = (),
) -> pd.DataFrame:
    """The answers with what consolidation needs (answers_frame's columns but day_title and updated_at),
    in the week's order (day, question, team). Team names and question details are joined in pandas
    from the small tables rather than repeated by the database on every row. With `question_id` and/or
    `ids`: only the answers to that question and those with these ids. With `days_at`: only the answers
    to the questions of the days at these positions."""
    narrowed = ANSWERS.of(workshop_id)
    if question_id is not None or ids:
        narrowed &= (responses.c.question_id == question_id) | responses.c.id.in_(list(ids))
    if days_at:
        of_days = select(questions.c.id).join(days, days.c.id == questions.c.day_id)
        of_days = of_days.where(DAYS.of(workshop_id), days.c.position.in_(list(days_at)))
        narrowed &= responses.c.question_id.in_(of_days)
    raw_json = (type_coerce(responses.c.choices, Text), type_coerce(responses.c.spaces, Text))
    with read(engine) as conn:
        rows = conn.execute(
            select(
                responses.c.id,
                responses.c.team_id,
                responses.c.question_id,
                responses.c.text,
                responses.c.rating,
                *raw_json,
            ).where(narrowed)
        ).fetchall()
        names = dict(conn.execute(select(teams.c.id, teams.c.name).where(TEAMS.of(workshop_id))).all())
    asked = questions_frame(engine, workshop_id).set_index("id")
    if not rows:
        return pd.DataFrame(columns=CONSOLIDATION_COLUMNS)
    ids, team_ids, question_ids, texts, ratings, choices, spaces_ = zip(*rows, strict=True)
    frame = pd.DataFrame({"id": ids, "team_id": team_ids, "question_id": question_ids})
    at = asked.index.get_indexer(frame["question_id"])
    frame["team"] = frame["team_id"].map(names)
    frame["day"] = asked["day"].to_numpy()[at]
    frame["question_position"] = asked["position"].to_numpy()[at]
    frame["question"] = asked["text"].to_numpy()[at]
    frame["kind"] = asked["kind"].to_numpy()[at]
    frame["main_point_id"] = asked["main_point_id"].astype("float64").to_numpy()[at]
    frame["text"] = list(texts)
    frame["rating"] = pd.array(ratings, dtype="float64")
    frame["choices"] = pd.Series(_json_column(choices), dtype=object)
    frame["spaces"] = pd.Series(_json_column(spaces_), dtype=object)
    frame = frame.sort_values(["day", "question_position", "team"], kind="stable", ignore_index=True)
    return frame[CONSOLIDATION_COLUMNS]
