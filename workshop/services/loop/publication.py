"""Publication: leadership chooses when teams see its themes, decisions and actions ("you said -> we decided")."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.loop import ThemeOutcome, outcomes
from workshop.services.loop.reactions import own_reactions
from workshop.services.loop.themes import list_themes
from workshop.services.rows import ACTIONS, ANSWERS, PUBLICATIONS, THEMES
from workshop.services.workshops.lifecycle import check_member, now
from workshop.store import read, write
from workshop.store.tables import actions, publications, questions, responses, teams, theme_responses, themes

# What a team's view reads: a cached copy keys on these tables' data versions.
OUTCOME_TABLES = (
    "publications",
    "themes",
    "theme_responses",
    "actions",
    "responses",
    "questions",
    "teams",
    "reactions",
)


def is_published(engine: Engine, workshop_id: int) -> bool:
    """Whether leadership has published its decisions to the teams."""
    with read(engine) as conn:
        return _published(conn, workshop_id)


def _published(conn: Connection, workshop_id: int) -> bool:
    found = conn.execute(select(publications.c.published).where(PUBLICATIONS.of(workshop_id))).scalar()
    return bool(found)


def set_published(engine: Engine, workshop_id: int, published: bool) -> None:
    """Publish (or withdraw) the themes, decisions and actions for every team of the workshop."""
    with write(engine) as conn:
        done = conn.execute(
            publications.update().where(PUBLICATIONS.of(workshop_id)).values(published=published, updated_at=now())
        )
        if done.rowcount == 0:
            conn.execute(publications.insert().values(workshop_id=workshop_id, published=published, updated_at=now()))


def team_outcomes(engine: Engine, workshop_id: int, team_id: int) -> list[ThemeOutcome] | None:
    """What the team sees: every theme with its decision, answers (its own marked) and actions, or
    None while leadership has not published."""
    with read(engine) as conn:
        check_member(conn, workshop_id, team_id)
        if not _published(conn, workshop_id):
            return None
        said = conn.execute(
            select(
                responses.c.id.label("response_id"),
                responses.c.team_id,
                teams.c.name.label("team"),
                questions.c.text.label("question"),
                responses.c.rating,
                responses.c.choices,
                responses.c.text,
            )
            .join(teams, teams.c.id == responses.c.team_id)
            .join(questions, questions.c.id == responses.c.question_id)
            .where(
                ANSWERS.of(workshop_id),
                responses.c.id.in_(select(theme_responses.c.response_id).join(themes).where(THEMES.of(workshop_id))),
            )
            .order_by(questions.c.day_id, questions.c.position, teams.c.name)
        )
        answers = pd.DataFrame(said.fetchall(), columns=list(said.keys()))
        done = conn.execute(
            select(actions.c.theme_id, actions.c.title, actions.c.owner, actions.c.due, actions.c.status)
            .where(ACTIONS.of(workshop_id), actions.c.theme_id.is_not(None))
            .order_by(actions.c.id)
        )
        planned = pd.DataFrame(done.fetchall(), columns=list(done.keys()))
    return outcomes(
        list_themes(engine, workshop_id), answers, planned, team_id, own_reactions(engine, workshop_id, team_id)
    )
