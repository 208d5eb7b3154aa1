"""What lies behind the scores: target groups, partners, the staff's view and the opposite-pairs profile."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop.domain.model import SPACE_KEYS
from workshop.domain.profile import complements, profile_summary
from workshop.domain.scoring import Thresholds, score_spaces
from workshop.domain.space_detail import (
    backers,
    offer_space_matrix,
    spots,
    staff_comparison,
    target_group_matrix,
    unserved,
)

COLUMNS = ["id", "name", "status", "strength", *SPACE_KEYS, "target_groups", "partners"]
OFFERS = pd.DataFrame(
    [
        [1, "Homework café", "active", 4, 0, 3, 1, 0, ["children", "young people"], ["Red Cross Youth"]],
        [2, "Concerts", "active", 3, 3, 0, 0, 1, ["adults"], ["Music School", "Red Cross Youth"]],
        [3, "Maker lab", "paused", 5, 0, 0, 0, 3, ["newcomers"], ["FabLab"]],
    ],
    columns=COLUMNS,
)


def test_target_groups_show_where_no_active_offer_serves_them() -> None:
    matrix = target_group_matrix(OFFERS)
    assert list(matrix.index) == ["children", "young people", "adults", "newcomers"]
    assert matrix.loc["children", "learning"] == 1 and matrix.loc["children", "meeting"] == 1
    assert matrix.loc["adults", "performative"] == 1
    assert matrix.loc["newcomers"].sum() == 0  # only a paused offer names them
    gaps = unserved(matrix)
    assert ("children", "inspiration") in gaps and ("newcomers", "performative") in gaps
    assert ("adults", "inspiration") not in gaps


def test_no_offers_means_no_target_groups() -> None:
    matrix = target_group_matrix(pd.DataFrame(columns=COLUMNS))
    assert matrix.empty and unserved(matrix) == []


def test_each_space_lists_the_offers_partners_and_groups_behind_it() -> None:
    behind = backers(OFFERS).set_index("space")
    assert behind.loc["learning", "offers"] == ["Homework café"]
    assert behind.loc["performative", "partners"] == ["Music School", "Red Cross Youth"]
    assert behind.loc["meeting", "target_groups"] == ["children", "young people"]
    assert behind.loc["performative", "offers"] == ["Concerts"]  # the paused maker lab does not count


def test_the_heatmap_matrix_holds_active_offers_only() -> None:
    matrix = offer_space_matrix(OFFERS)
    assert list(matrix.index) == ["Homework café", "Concerts"]
    assert matrix.loc["Concerts", "inspiration"] == 3


def staff(*ratings: float | None) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"space": k, "mean_rating": r, "ratings": 0 if r is None else 3}
            for k, r in zip(SPACE_KEYS, ratings, strict=True)
        ]
    )


def test_the_staff_view_is_flagged_where_it_differs_by_more_than_one_point() -> None:
    # Mapped mean strength: inspiration 3, learning 4, meeting 4, performative 3 (see OFFERS).
    scores = score_spaces(OFFERS, dict.fromkeys(SPACE_KEYS, 3), Thresholds())
    compared = staff_comparison(scores, staff(1.5, 5.0, None, 4.2)).set_index("space")
    assert compared.loc["inspiration", "differs"]  # 1.5 against 3: 1.5 apart
    assert not compared.loc["learning", "differs"]  # exactly one point apart is not more than one
    assert not compared.loc["meeting", "differs"] and pd.isna(compared.loc["meeting", "difference"])
    assert compared.loc["performative", "differs"]  # 4.2 against 3
    assert compared.loc["performative", "difference"] == pytest.approx(1.2)


def test_a_space_nobody_serves_is_not_compared_with_the_staff() -> None:
    scores = score_spaces(pd.DataFrame(columns=COLUMNS), dict.fromkeys(SPACE_KEYS, 3), Thresholds())
    compared = staff_comparison(scores, staff(5, 5, 5, 5))
    assert not compared["differs"].any() and compared["mapped_mean"].isna().all()


def ratings(*rows: tuple[str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["rater", "pair", "value"])


@pytest.mark.parametrize(
    ("rows", "library", "leans", "seek"),
    [
        ([("leadership", "reflection_topicality", -2)], -2, "reflection", "topicality"),
        (
            [("leadership", "reflection_topicality", 2), ("team:1", "reflection_topicality", 0)],
            1,
            "topicality",
            "reflection",
        ),
        ([("team:1", "reflection_topicality", -1), ("team:2", "reflection_topicality", 1)], 0, None, None),
        (
            [("leadership", "reflection_topicality", 0), ("team:1", "reflection_topicality", -1)],
            -0.5,
            "reflection",
            "topicality",
        ),
        ([], None, None, None),
    ],
    ids=[
        "leadership only",
        "leadership and a team count once each",
        "teams cancel out",
        "half a point leans",
        "unrated",
    ],
)
def test_the_profile_says_which_partner_complements_the_library(rows, library, leans, seek) -> None:
    advice = complements(profile_summary(ratings(*rows)))[0]
    assert advice["pair"] == "reflection_topicality"
    assert advice["library"] == library
    assert (advice["leans"], advice["seek"]) == (leans, seek)


def test_the_profile_summary_keeps_each_view() -> None:
    summary = profile_summary(
        ratings(
            ("leadership", "planning_spontaneity", -2),
            ("team:1", "planning_spontaneity", 1),
            ("team:2", "planning_spontaneity", 2),
        )
    ).set_index("pair")
    assert summary.loc["planning_spontaneity", "leadership"] == -2
    assert summary.loc["planning_spontaneity", "teams"] == pytest.approx(1.5)
    assert summary.loc["planning_spontaneity", "team_count"] == 2
    assert summary.loc["planning_spontaneity", "library"] == pytest.approx(-0.25)


def test_each_spot_names_the_rule_that_makes_it_weak_or_strong() -> None:
    # Concerts + homework café: inspiration 9 (strength 3), learning 12 + meeting 4 (strength 4), performative 3.
    found = {s["key"]: s for s in spots(score_spaces(OFFERS, dict.fromkeys(SPACE_KEYS, 3), Thresholds()), Thresholds())}
    assert found["learning"]["verdict"] == "strong"
    assert found["learning"]["reasons"] == ["gap_strong", "strength_strong"]
    assert found["meeting"]["verdict"] == "weak" and found["meeting"]["reasons"] == ["gap_weak"]
    assert "inspiration" not in found
    strict = Thresholds(weak_strength=3.5)
    again = {s["key"]: s for s in spots(score_spaces(OFFERS, dict.fromkeys(SPACE_KEYS, 3), strict), strict)}
    assert again["performative"]["reasons"] == ["gap_weak", "strength_weak"]
