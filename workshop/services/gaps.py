"""Reads that put a workshop's offers through the scoring: its weights, thresholds and scores."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from workshop.errors import NotFound
from workshop.scoring import Thresholds, default_weights, score_aims, score_spaces
from workshop.services.offers import offers_frame
from workshop.store import read
from workshop.store.tables import space_weights, workshops


def weights_and_thresholds(engine: Engine, workshop_id: int) -> tuple[dict[str, float], Thresholds]:
    """The workshop's space weights (equal when unset) and its weak/strong thresholds."""
    with read(engine) as conn:
        head = conn.execute(
            select(
                workshops.c.weak_gap, workshops.c.strong_gap, workshops.c.weak_strength, workshops.c.strong_strength
            ).where(workshops.c.id == workshop_id)
        ).first()
        if head is None:
            raise NotFound(f"no workshop {workshop_id}")
        rows = conn.execute(select(space_weights).where(space_weights.c.workshop_id == workshop_id)).fetchall()
    weights = default_weights() | {r.space: float(r.weight) for r in rows}
    return weights, Thresholds.model_validate(dict(head._mapping))


def workshop_scores(engine: Engine, workshop_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The workshop's scores per space and per aim."""
    weights, thresholds = weights_and_thresholds(engine, workshop_id)
    offers = offers_frame(engine, workshop_id)
    return score_spaces(offers, weights, thresholds), score_aims(offers, weights, thresholds)
