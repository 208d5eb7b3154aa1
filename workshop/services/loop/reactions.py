"""Reactions: while leadership keeps a published theme open, each team may agree or raise concerns,
with one short comment per theme, and edit it until the theme is closed for reactions."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.errors import AccessDenied
from workshop.domain.history import Kind
from workshop.domain.loop import Reaction, checked_reaction, require_may_react
from workshop.domain.model import Team, Theme
from workshop.services.history import record_saved
from workshop.services.rows import PUBLICATIONS, REACTIONS, TEAMS, THEMES
from workshop.services.workshops.lifecycle import now
from workshop.store import read, write
from workshop.store.tables import publications, reactions, teams

REACTION_COLUMNS = ["theme_id", "team", "stance", "comment", "updated_at"]


def set_reactions_open(engine: Engine, workshop_id: int, theme_id: int, open_: bool) -> None:
    """Open a theme for the teams' reactions, or close it (the reactions given stay)."""
    with write(engine) as conn:
        before = THEMES.get(conn, workshop_id, theme_id)
        THEMES.update(conn, workshop_id, theme_id, reactions_open=open_)
        record_saved(conn, workshop_id, Kind.THEME, theme_id, before, {"reactions_open": open_}, before.title)


def _theme_for(conn: Connection, team: Team, theme_id: int) -> Theme:
    """The theme as this team may react to it; the team itself must exist in the workshop it claims."""
    member = conn.execute(select(teams.c.id).where(teams.c.id == team.id, TEAMS.of(team.workshop_id)))
    if member.first() is None:
        raise AccessDenied("error.not_a_team_of_this_workshop")
    # A theme of another workshop is as unknown to this team as one that does not exist.
    return Theme.model_validate(dict(THEMES.get(conn, team.workshop_id, theme_id)._mapping))


def react(engine: Engine, team: Team, theme_id: int, stance: str, comment: str = "") -> Reaction:
    """Store the team's reaction to a theme (a new one, or an edit of its earlier one). Refused unless
    leadership has published and keeps the theme open for reactions."""
    reaction = checked_reaction(theme_id, team.id, stance, comment)
    values = {"stance": reaction.stance.value, "comment": reaction.comment, "updated_at": now()}
    with write(engine) as conn:
        theme = _theme_for(conn, team, theme_id)
        published = conn.execute(select(publications.c.published).where(PUBLICATIONS.of(team.workshop_id))).scalar()
        require_may_react(bool(published), theme)
        mine = (reactions.c.theme_id == theme_id) & (reactions.c.team_id == team.id)
        if conn.execute(reactions.update().where(mine).values(**values)).rowcount == 0:
            try:
                with conn.begin_nested():  # two tabs saving at once: the second one edits the first
                    conn.execute(
                        reactions.insert().values(
                            workshop_id=team.workshop_id, theme_id=theme_id, team_id=team.id, **values
                        )
                    )
            except IntegrityError:
                conn.execute(reactions.update().where(mine).values(**values))
    return reaction


def own_reactions(engine: Engine, workshop_id: int, team_id: int) -> dict[int, Reaction]:
    """The team's reactions, by theme id."""
    with read(engine) as conn:
        rows = conn.execute(
            select(reactions.c.theme_id, reactions.c.team_id, reactions.c.stance, reactions.c.comment).where(
                REACTIONS.of(workshop_id), reactions.c.team_id == team_id
            )
        ).fetchall()
    return {r.theme_id: Reaction.model_validate(dict(r._mapping)) for r in rows}


def reactions_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every team's reactions, for leadership to read beside the themes: theme_id, team, stance,
    comment, updated_at; by theme, then team."""
    with read(engine) as conn:
        result = conn.execute(
            select(
                reactions.c.theme_id,
                teams.c.name.label("team"),
                reactions.c.stance,
                reactions.c.comment,
                reactions.c.updated_at,
            )
            .join(teams, teams.c.id == reactions.c.team_id)
            .where(REACTIONS.of(workshop_id))
            .order_by(reactions.c.theme_id, teams.c.name)
        )
        return pd.DataFrame(result.fetchall(), columns=REACTION_COLUMNS)
