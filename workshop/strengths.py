"""What lies behind the scores: offers x spaces, target groups x spaces, the partners and target groups
behind each space, and the staff's own rating beside the mapped strength. Pure functions over DataFrames."""

from __future__ import annotations

import math

import pandas as pd

from workshop.model import SPACE_KEYS, OfferStatus
from workshop.scoring import EPSILON, Thresholds

# "By more than one point": the teams' mean rating (1-5) against the mapped mean strength (1-5).
STAFF_DIFFERENCE = 1.0


def active_offers(offers: pd.DataFrame) -> pd.DataFrame:
    """Only the active offers (the ones the scoring counts)."""
    if offers.empty or "status" not in offers:
        return offers.iloc[0:0]
    return offers[offers["status"].astype(str) == OfferStatus.ACTIVE.value].reset_index(drop=True)


def _items(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return []


def offer_space_matrix(offers: pd.DataFrame) -> pd.DataFrame:
    """Active offers x spaces: each offer's contribution 0-3 (rows named by the offer)."""
    active = active_offers(offers)
    if active.empty:
        return pd.DataFrame(columns=list(SPACE_KEYS), dtype=int)
    matrix = active[list(SPACE_KEYS)].fillna(0).astype(int)
    matrix.index = pd.Index(active["name"].astype(str), name="offer")
    return matrix


def target_group_matrix(offers: pd.DataFrame) -> pd.DataFrame:
    """Target groups x spaces: how many active offers serve the group in the space (contribution >= 1).
    Groups named by any offer (also a paused or planned one) appear, so a 0 shows a group nobody serves."""
    groups: list[str] = []
    for value in offers.get("target_groups", pd.Series(dtype=object)):
        groups += [g for g in _items(value) if g not in groups]
    counts = pd.DataFrame(0, index=pd.Index(groups, name="target_group"), columns=list(SPACE_KEYS))
    for _, offer in active_offers(offers).iterrows():
        for group in dict.fromkeys(_items(offer.get("target_groups"))):
            for space in SPACE_KEYS:
                if (pd.to_numeric(offer.get(space), errors="coerce") or 0) >= 1:
                    counts.loc[group, space] += 1
    return counts


def unserved(matrix: pd.DataFrame) -> list[tuple[str, str]]:
    """(target group, space) pairs that no active offer serves."""
    return [(str(group), space) for group in matrix.index for space in matrix.columns if matrix.loc[group, space] == 0]


def backers(offers: pd.DataFrame) -> pd.DataFrame:
    """Per space, the active offers (contribution >= 1) and the partners and target groups behind them."""
    active = active_offers(offers)
    rows = []
    for space in SPACE_KEYS:
        serving = active[pd.to_numeric(active[space], errors="coerce").fillna(0) >= 1] if not active.empty else active
        partners: list[str] = []
        groups: list[str] = []
        for _, offer in serving.iterrows():
            partners += [p for p in _items(offer.get("partners")) if p not in partners]
            groups += [g for g in _items(offer.get("target_groups")) if g not in groups]
        names = [str(n) for n in serving["name"]] if not serving.empty else []
        rows.append({"space": space, "offers": names, "partners": partners, "target_groups": groups})
    return pd.DataFrame(rows, columns=["space", "offers", "partners", "target_groups"])


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def staff_comparison(space_scores: pd.DataFrame, staff: pd.DataFrame) -> pd.DataFrame:
    """The teams' mean rating beside the mapped mean strength, both 1-5. `differs` when they are more
    than one point apart; a space without ratings or without mapped offers is not compared."""
    mapped = dict(zip(space_scores["key"], space_scores["mean_strength"], strict=True))
    rows = []
    for _, row in staff.iterrows():
        team_mean = _number(row["mean_rating"])
        mapped_mean = _number(mapped.get(row["space"]))
        mapped_mean = mapped_mean if mapped_mean else None  # 0 means nobody serves it: no strength to compare
        difference = team_mean - mapped_mean if team_mean is not None and mapped_mean is not None else None
        rows.append(
            {
                "space": row["space"],
                "team_mean": team_mean,
                "ratings": int(row["ratings"]),
                "mapped_mean": mapped_mean,
                "difference": difference,
                "differs": difference is not None and abs(difference) > STAFF_DIFFERENCE,
            }
        )
    return pd.DataFrame(rows, columns=["space", "team_mean", "ratings", "mapped_mean", "difference", "differs"])


def spots(scores: pd.DataFrame, thresholds: Thresholds) -> list[dict[str, object]]:
    """The weak and strong rows of a score frame, each with the reasons (the rule parts it meets):
    weak: "gap_weak" and/or "strength_weak"; strong: "gap_strong" and "strength_strong"."""
    found: list[dict[str, object]] = []
    for row in scores.to_dict(orient="records"):
        reasons: list[str] = []
        if row["weak"]:
            if row["gap"] >= thresholds.weak_gap - EPSILON:
                reasons.append("gap_weak")
            if row["mean_strength"] < thresholds.weak_strength - EPSILON:
                reasons.append("strength_weak")
        if row["strong"]:
            reasons += ["gap_strong", "strength_strong"]
        if reasons:
            verdict = "weak" if row["weak"] else "strong"
            found.append({**row, "verdict": verdict, "reasons": reasons})
    return found
