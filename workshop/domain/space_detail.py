"""What lies behind the scores: offers x spaces, target groups x spaces, the partners and target groups
behind each space, and the staff's own rating beside the mapped strength. Pure functions over DataFrames."""

from __future__ import annotations

import math
from typing import TypedDict

import pandas as pd

from workshop.domain.model import SPACE_KEYS, OfferStatus
from workshop.domain.scoring import EPSILON, Thresholds

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


def _contributes(offers: pd.DataFrame) -> pd.DataFrame:
    """Per offer and space: whether it contributes (>= 1; a missing or unreadable value does not)."""
    return pd.DataFrame({k: pd.to_numeric(offers[k], errors="coerce").fillna(0) >= 1 for k in SPACE_KEYS})


def target_group_matrix(offers: pd.DataFrame) -> pd.DataFrame:
    """Target groups x spaces: how many active offers serve the group in the space (contribution >= 1).
    Groups named by any offer (also a paused or planned one) appear, so a 0 shows a group nobody serves."""
    named = offers.get("target_groups", pd.Series(dtype=object))
    groups = list(dict.fromkeys(g for value in named for g in _items(value)))
    counts = pd.DataFrame(0, index=pd.Index(groups, name="target_group"), columns=list(SPACE_KEYS))
    active = active_offers(offers)
    if active.empty or not groups:
        return counts
    # One row per (active offer, target group it names once), with the offer's contributions.
    pairs = pd.DataFrame(
        {"group": [list(dict.fromkeys(_items(v))) for v in active["target_groups"]]}, index=active.index
    ).join(_contributes(active).set_index(active.index))
    pairs = pairs.explode("group").dropna(subset=["group"])
    summed = pairs.groupby("group", sort=False)[list(SPACE_KEYS)].sum().astype(int)
    return counts.add(summed, fill_value=0).loc[groups].astype(int)


def unserved(matrix: pd.DataFrame) -> list[tuple[str, str]]:
    """(target group, space) pairs that no active offer serves."""
    return [(str(group), space) for group in matrix.index for space in matrix.columns if matrix.loc[group, space] == 0]


def backers(offers: pd.DataFrame) -> pd.DataFrame:
    """Per space, the active offers (contribution >= 1) and the partners and target groups behind them."""
    active = active_offers(offers)
    serves = _contributes(active) if not active.empty else pd.DataFrame(columns=list(SPACE_KEYS), dtype=bool)
    rows = []
    for space in SPACE_KEYS:
        serving = active[serves[space].to_numpy(dtype=bool)] if not active.empty else active
        names = [str(n) for n in serving["name"]] if not serving.empty else []
        partners = list(dict.fromkeys(p for v in serving.get("partners", []) for p in _items(v)))
        groups = list(dict.fromkeys(g for v in serving.get("target_groups", []) for g in _items(v)))
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


def verdict(weak: bool, strong: bool) -> str:
    """A space's or aim's verdict: "weak" (which wins), "strong", or "" for neither."""
    return "weak" if weak else "strong" if strong else ""


def verdicts(scores: pd.DataFrame) -> list[str]:
    """The verdict of each row of a score frame (workshop.domain.scoring)."""
    return [verdict(bool(w), bool(s)) for w, s in zip(scores["weak"], scores["strong"], strict=True)]


class Spot(TypedDict):
    """A weak or strong space or aim: its scores (workshop.domain.scoring), its verdict and its reasons."""

    key: str
    share: float
    target_share: float
    gap: float
    mean_strength: float
    offers: int
    verdict: str
    reasons: list[str]


def spots(scores: pd.DataFrame, thresholds: Thresholds) -> list[Spot]:
    """The weak and strong rows of a score frame, each with the reasons (the rule parts it meets):
    weak: "gap_weak" and/or "strength_weak"; strong: "gap_strong" and "strength_strong"."""
    found: list[Spot] = []
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
            found.append(
                Spot(
                    key=str(row["key"]),
                    share=float(row["share"]),
                    target_share=float(row["target_share"]),
                    gap=float(row["gap"]),
                    mean_strength=float(row["mean_strength"]),
                    offers=int(row["offers"]),
                    verdict=verdict(row["weak"], row["strong"]),
                    reasons=reasons,
                )
            )
    return found
