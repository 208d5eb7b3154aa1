"""Leadership's priorities (weights per space, thresholds) and the figures of the strengths view."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, func, select

from workshop.config.spaces import spaces
from workshop.domain.errors import NotFound
from workshop.domain.model import SPACE_KEYS, QuestionKind
from workshop.domain.scoring import (
    Thresholds,
    checked_weights,
    default_weights,
    score_aims,
    score_spaces,
    whole_weights,
)
from workshop.domain.space_detail import backers, offer_space_matrix, target_group_matrix
from workshop.domain.validation import validated
from workshop.services.register.offers import offers_frame
from workshop.services.rows import ANSWERS, SPACE_WEIGHTS, change_workshop_row
from workshop.services.week.voices import workshop_voices
from workshop.store import read, write
from workshop.store.tables import questions, responses, space_weights, workshops

THRESHOLD_FIELDS = ("weak_gap", "strong_gap", "weak_strength", "strong_strength")


def _exists(conn: object, workshop_id: int) -> None:
    found = conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).scalar()  # type: ignore[attr-defined]
    if found is None:
        raise NotFound("error.missing.workshop", id=workshop_id)


def load_weights(engine: Engine, workshop_id: int) -> dict[str, float]:
    """Leadership's weight (0-5) per space; a space without a stored weight has the default."""
    with read(engine) as conn:
        _exists(conn, workshop_id)
        rows = conn.execute(select(space_weights.c.space, space_weights.c.weight).where(SPACE_WEIGHTS.of(workshop_id)))
        stored = {r.space: float(r.weight) for r in rows if r.space in SPACE_KEYS}
    return default_weights() | stored


def save_weights(engine: Engine, workshop_id: int, weights: dict[str, float]) -> dict[str, float]:
    """Store one whole-number weight 0-5 per space (InvalidInput names the space); returns them."""
    full = whole_weights(weights)
    with write(engine) as conn:
        _exists(conn, workshop_id)
        conn.execute(space_weights.delete().where(SPACE_WEIGHTS.of(workshop_id)))
        conn.execute(
            space_weights.insert(),
            [{"workshop_id": workshop_id, "space": key, "weight": int(value)} for key, value in full.items()],
        )
    return full


def load_thresholds(engine: Engine, workshop_id: int) -> Thresholds:
    """The workshop's thresholds for weak and strong."""
    with read(engine) as conn:
        row = conn.execute(
            select(*[workshops.c[f] for f in THRESHOLD_FIELDS]).where(workshops.c.id == workshop_id)
        ).first()
    if row is None:
        raise NotFound("error.missing.workshop", id=workshop_id)
    return Thresholds(**{f: float(row._mapping[f]) for f in THRESHOLD_FIELDS})


def save_thresholds(engine: Engine, workshop_id: int, values: dict[str, float] | Thresholds) -> Thresholds:
    """Store the thresholds (InvalidInput names the field that is out of range)."""
    checked = values if isinstance(values, Thresholds) else validated(Thresholds, values)
    with write(engine) as conn:
        change_workshop_row(conn, workshop_id, **checked.model_dump())
    return checked


@dataclass(frozen=True)
class Scores:
    """The scores of one workshop: per space and per aim, with the weights and thresholds used."""

    spaces: pd.DataFrame
    aims: pd.DataFrame
    weights: dict[str, float]
    thresholds: Thresholds


def workshop_scores(engine: Engine, workshop_id: int, weights: dict[str, float] | None = None) -> Scores:
    """Score the workshop's active offers against its stored weights, or against what-if weights."""
    chosen = weights if weights is not None else load_weights(engine, workshop_id)
    return scores_of(offers_frame(engine, workshop_id), chosen, load_thresholds(engine, workshop_id))


def scores_of(offers: pd.DataFrame, weights: dict[str, float], thresholds: Thresholds) -> Scores:
    """The scores of these offers (offers_frame) against the weights (InvalidInput names a bad one)."""
    chosen = checked_weights(weights)
    aims = score_aims(offers, chosen, thresholds, spaces().aim_spaces())
    return Scores(score_spaces(offers, chosen, thresholds), aims, chosen, thresholds)


@dataclass(frozen=True)
class OfferDetails:
    """What lies behind the scores, computed once per version of the offers."""

    active: int  # how many offers are active (the ones scored)
    matrix: pd.DataFrame  # active offers x spaces (workshop.domain.space_detail.offer_space_matrix)
    target_groups: pd.DataFrame  # target groups x spaces (target_group_matrix)
    backers: pd.DataFrame  # per space: the offers, partners and target groups behind it


def offer_details(engine: Engine, workshop_id: int) -> OfferDetails:
    """The offers x spaces, target groups x spaces and backers of the workshop's offers."""
    offers = offers_frame(engine, workshop_id)
    matrix = offer_space_matrix(offers)
    return OfferDetails(len(matrix), matrix, target_group_matrix(offers), backers(offers))


def staff_ratings(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The answers to "how strong are we in this space" (1-5): space, mean_rating, ratings. A team's answer
    counts once; where each person answers, each person counts once, as far as the small-group rule shows
    them (the "all" group of workshop.domain.voices: no answer leadership may not see)."""
    with read(engine) as conn:
        rows = conn.execute(
            select(questions.c.space, func.sum(responses.c.rating), func.count(responses.c.rating))
            .join(questions, questions.c.id == responses.c.question_id)
            .where(
                ANSWERS.of(workshop_id),
                questions.c.kind == QuestionKind.SPACE_STRENGTH.value,
                questions.c.space.is_not(None),
                responses.c.rating.is_not(None),
            )
            .group_by(questions.c.space)
        ).fetchall()
    totals = {r[0]: [float(r[1]), int(r[2])] for r in rows if r[0] in SPACE_KEYS}
    for question, voices in workshop_voices(engine, workshop_id):
        everyone = next((g for g in voices.groups if g.kind == "all"), None)
        if question.kind != QuestionKind.SPACE_STRENGTH or question.space not in SPACE_KEYS or everyone is None:
            continue
        total = totals.setdefault(str(question.space), [0.0, 0])
        total[0] += sum(int(value) * count for value, count in everyone.counts)
        total[1] += everyone.people
    found = {k: (total / n, n) for k, (total, n) in totals.items() if n}
    return pd.DataFrame(
        [
            {"space": k, "mean_rating": found[k][0] if k in found else None, "ratings": found.get(k, (0, 0))[1]}
            for k in SPACE_KEYS
        ],
        columns=["space", "mean_rating", "ratings"],
    )
