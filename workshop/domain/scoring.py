"""Strengths and weak spots: pure functions over the offers DataFrame, per space and per aim.

Over the workshop's *active* offers, for each space s (contribution 0-3, strength 1-5):
  coverage(s)      = sum of contribution(offer, s) x strength(offer)
  share(s)         = coverage(s) / coverage of all four spaces            (0 when nothing is covered)
  offers(s)        = number of offers with contribution >= 2 to s
  mean_strength(s) = sum of contribution x strength / sum of contribution, over offers contributing >= 1
                     (0 for a space nobody serves: no offer, no strength)
  target_share(s)  = weight(s) / sum of weights (weights 0-5; all weights 0 counts as equal weights)
  gap(s)           = target_share(s) - share(s)                        (positive: under-served)
  weak   when gap >= weak_gap or mean_strength < weak_strength
  strong when gap <= -strong_gap and mean_strength >= strong_strength
For an aim a between spaces s1 and s2: coverage(a) = (coverage(s1) + coverage(s2)) / 2, its weight is
(weight(s1) + weight(s2)) / 2; share, target share and gap follow as for spaces. offers(a) counts the
offers with contribution >= 2 to s1 or s2 (each once), and mean_strength(a) is the contribution-weighted
mean strength over both spaces. Comparisons with the thresholds allow for float rounding (1e-9), so
a gap of exactly 0.05 counts as 0.05.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from workshop.domain.errors import InvalidInput
from workshop.domain.model import AIM_KEYS, SPACE_KEYS, OfferStatus

DEFAULT_WEIGHT = 3
MAX_WEIGHT = 5
SCORE_COLUMNS = ("key", "coverage", "share", "target_share", "gap", "offers", "mean_strength", "weak", "strong")
# Float noise such as 0.25 - 0.2 = 0.04999999999999999 must not flip a verdict.
EPSILON = 1e-9


class Thresholds(BaseModel):
    """When a space or an aim counts as weak or strong; adjustable per workshop."""

    model_config = ConfigDict(extra="forbid")
    weak_gap: float = Field(default=0.05, ge=0, le=1)
    strong_gap: float = Field(default=0.05, ge=0, le=1)
    weak_strength: float = Field(default=2.5, ge=0, le=5)
    strong_strength: float = Field(default=3.5, ge=0, le=5)


def default_weights() -> dict[str, float]:
    """Equal weights: leadership has not prioritised yet."""
    return {key: float(DEFAULT_WEIGHT) for key in SPACE_KEYS}


def whole_weights(weights: dict[str, float]) -> dict[str, float]:
    """Leadership's weights as it sets them: one whole number 0-5 per space (InvalidInput names the space)."""
    for key, value in weights.items():
        if float(value) != int(value):
            raise InvalidInput("error.weight_whole", field=key, value=value)
    return {key: float(int(value)) for key, value in checked_weights(weights).items()}


def checked_weights(weights: dict[str, float]) -> dict[str, float]:
    """One weight 0-5 per space; a missing space gets the default, an unknown one is refused."""
    unknown = sorted(set(weights) - set(SPACE_KEYS))
    if unknown:
        raise InvalidInput("error.unknown_space", field="weights", space=", ".join(unknown))
    full = {key: float(weights.get(key, DEFAULT_WEIGHT)) for key in SPACE_KEYS}
    for key, value in full.items():
        if math.isnan(value) or not 0 <= value <= MAX_WEIGHT:
            raise InvalidInput("error.weight_range", field=key, limit=MAX_WEIGHT, value=value)
    return full


def active_contributions(offers: pd.DataFrame) -> pd.DataFrame:
    """The active offers as strength + one contribution column per space, all numbers (blanks as 0)."""
    if offers.empty:
        return pd.DataFrame({"strength": pd.Series(dtype=float), **{k: pd.Series(dtype=float) for k in SPACE_KEYS}})
    active = offers[offers["status"].astype(str) == OfferStatus.ACTIVE.value]
    frame = active[["strength", *SPACE_KEYS]].apply(pd.to_numeric, errors="coerce").fillna(0).astype(float)
    return frame.reset_index(drop=True)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else 0.0


def _target_shares(weights: dict[str, float], groups: dict[str, tuple[str, ...]]) -> dict[str, float]:
    group_weight = {key: sum(weights[s] for s in members) / len(members) for key, members in groups.items()}
    total = sum(group_weight.values())
    if total <= 0:  # every weight 0: no priority stated, so equal
        return {key: 1 / len(groups) for key in groups}
    return {key: value / total for key, value in group_weight.items()}


def _score(
    offers: pd.DataFrame, weights: dict[str, float], thresholds: Thresholds, groups: dict[str, tuple[str, ...]]
) -> pd.DataFrame:
    frame = active_contributions(offers)
    weights = checked_weights(weights)
    space_cov = {s: float((frame[s] * frame["strength"]).sum()) for s in SPACE_KEYS}
    coverage = {key: sum(space_cov[s] for s in members) / len(members) for key, members in groups.items()}
    total = sum(coverage.values())
    targets = _target_shares(weights, groups)
    rows = []
    for key, members in groups.items():
        contribution = sum(float(frame[s].sum()) for s in members)
        served_strength = sum(space_cov[s] for s in members)
        share = _ratio(coverage[key], total)
        gap = targets[key] - share
        mean_strength = _ratio(served_strength, contribution)
        many = (frame[list(members)] >= 2).any(axis=1)
        rows.append(
            {
                "key": key,
                "coverage": coverage[key],
                "share": share,
                "target_share": targets[key],
                "gap": gap,
                "offers": int(many.sum()),
                "mean_strength": mean_strength,
                "weak": bool(
                    gap >= thresholds.weak_gap - EPSILON or mean_strength < thresholds.weak_strength - EPSILON
                ),
                "strong": bool(
                    gap <= -thresholds.strong_gap + EPSILON and mean_strength >= thresholds.strong_strength - EPSILON
                ),
            }
        )
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def score_spaces(offers: pd.DataFrame, weights: dict[str, float], thresholds: Thresholds) -> pd.DataFrame:
    """One row per space (in SPACE_KEYS order): coverage, share, target share, gap, offers, strength, verdicts."""
    return _score(offers, weights, thresholds, {key: (key,) for key in SPACE_KEYS})


def score_aims(
    offers: pd.DataFrame, weights: dict[str, float], thresholds: Thresholds, aim_spaces: Mapping[str, tuple[str, str]]
) -> pd.DataFrame:
    """One row per aim (in AIM_KEYS order), from the two spaces that sit next to it (`aim_spaces`, from the
    spaces model: workshop.config.spaces)."""
    return _score(offers, weights, thresholds, {aim: aim_spaces[aim] for aim in AIM_KEYS})


def score_records(scores: pd.DataFrame, digits: int = 4) -> list[dict[str, object]]:
    """Scores as plain JSON-ready dicts (Python numbers and booleans, floats rounded, never NaN)."""
    records: list[dict[str, object]] = []
    for row in scores.to_dict(orient="records"):
        record: dict[str, object] = {}
        for column in SCORE_COLUMNS:
            value = row[column]
            if column in ("weak", "strong"):
                record[column] = bool(value)
            elif column == "offers":
                record[column] = int(value)
            elif column == "key":
                record[column] = str(value)
            else:
                record[column] = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0
        records.append(record)
    return records
