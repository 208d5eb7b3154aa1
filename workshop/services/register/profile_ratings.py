"""Storing the opposite-pairs profile: leadership and each team rate each pair -2..+2 (a new rating replaces)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, select

from workshop.domain.errors import NotFound
from workshop.domain.profile import LEADERSHIP, check_rating, team_rater
from workshop.services.rows import PROFILE_RATINGS
from workshop.store import read, write
from workshop.store.tables import profile_ratings, teams, workshops


def rate_profile(engine: Engine, workshop_id: int, values: dict[str, int], team_id: int | None = None) -> None:
    """Store leadership's (team_id None) or a team's ratings of the pairs, each a whole number -2..+2."""
    for pair, value in values.items():
        check_rating(pair, value)
    rater = LEADERSHIP if team_id is None else team_rater(team_id)
    now = dt.datetime.now(dt.UTC)
    with write(engine) as conn:
        if conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
            raise NotFound("error.missing.workshop", id=workshop_id)
        if team_id is not None:
            owner = conn.execute(select(teams.c.workshop_id).where(teams.c.id == team_id)).scalar()
            if owner != workshop_id:
                raise NotFound("error.missing.team", id=team_id)
        for pair, value in values.items():
            mine = (
                (PROFILE_RATINGS.of(workshop_id))
                & (profile_ratings.c.rater == rater)
                & (profile_ratings.c.pair == pair)
            )
            conn.execute(profile_ratings.delete().where(mine))
            conn.execute(
                profile_ratings.insert().values(
                    workshop_id=workshop_id, rater=rater, team_id=team_id, pair=pair, value=value, updated_at=now
                )
            )


def profile_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every stored rating: rater, team_id, pair, value."""
    cols = ["rater", "team_id", "pair", "value"]
    with read(engine) as conn:
        rows = conn.execute(
            select(*[profile_ratings.c[c] for c in cols])
            .where(PROFILE_RATINGS.of(workshop_id))
            .order_by(profile_ratings.c.id)
        ).fetchall()
    return pd.DataFrame(rows, columns=cols)


def own_ratings(engine: Engine, workshop_id: int, team_id: int | None = None) -> dict[str, int]:
    """The ratings leadership (team_id None) or a team gave so far, per pair."""
    rater = LEADERSHIP if team_id is None else team_rater(team_id)
    frame = profile_frame(engine, workshop_id)
    mine = frame[frame["rater"] == rater] if not frame.empty else frame
    return {str(r.pair): int(r.value) for r in mine.itertuples()}
