"""The scoring rules, checked against examples worked out by hand."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from workshop.config.spaces import spaces
from workshop.domain.errors import InvalidInput
from workshop.domain.model import AIM_KEYS, SPACE_KEYS
from workshop.domain.scoring import SCORE_COLUMNS, Thresholds, score_aims, score_records, score_spaces

EQUAL = {key: 3.0 for key in SPACE_KEYS}
AIM_SPACES = spaces().aim_spaces()  # the shipped model: experience between inspiration and learning, ...


def offers(*rows: tuple[str, int, int, int, int, int]) -> pd.DataFrame:
    """Offers as offers_frame gives them: (status, strength, inspiration, learning, meeting, performative)."""
    data = [
        {
            "id": n,
            "name": f"offer {n}",
            "status": status,
            "strength": strength,
            **dict(zip(SPACE_KEYS, spaces, strict=True)),
        }
        for n, (status, strength, *spaces) in enumerate(rows, start=1)
    ]
    return pd.DataFrame(data, columns=["id", "name", "status", "strength", *SPACE_KEYS])


ONE_OFFER = offers(("active", 4, 3, 1, 0, 0))
PAUSED_IGNORED = offers(("active", 2, 2, 0, 2, 0), ("paused", 5, 0, 3, 0, 0), ("planned", 5, 0, 0, 0, 3))
EVEN_STRONG = offers(("active", 4, 1, 1, 1, 1))
NOTHING = offers()

# Each case: offers, weights, thresholds, expected rows in SPACE_KEYS order:
# (coverage, share, target_share, gap, offers, mean_strength, weak, strong)
SPACE_CASES = {
    "one offer only": (
        ONE_OFFER,
        EQUAL,
        Thresholds(),
        [
            (12, 0.75, 0.25, -0.5, 1, 4, False, True),
            (4, 0.25, 0.25, 0.0, 0, 4, False, False),
            (0, 0.0, 0.25, 0.25, 0, 0, True, False),
            (0, 0.0, 0.25, 0.25, 0, 0, True, False),
        ],
    ),
    "no offers at all": (NOTHING, EQUAL, Thresholds(), [(0, 0.0, 0.25, 0.25, 0, 0, True, False)] * 4),
    "only active offers count, weights set the targets": (
        PAUSED_IGNORED,
        {"inspiration": 4, "learning": 2, "meeting": 2, "performative": 2},
        Thresholds(),
        [
            (4, 0.5, 0.4, -0.1, 1, 2, True, False),
            (0, 0.0, 0.2, 0.2, 0, 0, True, False),
            (4, 0.5, 0.2, -0.3, 1, 2, True, False),
            (0, 0.0, 0.2, 0.2, 0, 0, True, False),
        ],
    ),
    "a gap of exactly the threshold counts": (
        EVEN_STRONG,
        {"inspiration": 2, "learning": 3, "meeting": 3, "performative": 2},
        Thresholds(),
        [
            (4, 0.25, 0.2, -0.05, 0, 4, False, True),
            (4, 0.25, 0.3, 0.05, 0, 4, True, False),
            (4, 0.25, 0.3, 0.05, 0, 4, True, False),
            (4, 0.25, 0.2, -0.05, 0, 4, False, True),
        ],
    ),
    "all weights zero means equal targets": (
        EVEN_STRONG,
        dict.fromkeys(SPACE_KEYS, 0),
        Thresholds(),
        [(4, 0.25, 0.25, 0.0, 0, 4, False, False)] * 4,
    ),
    "stricter thresholds make a space weak": (
        EVEN_STRONG,
        EQUAL,
        Thresholds(weak_strength=4.5),
        [(4, 0.25, 0.25, 0.0, 0, 4, True, False)] * 4,
    ),
}


@pytest.mark.parametrize(("frame", "weights", "thresholds", "expected"), SPACE_CASES.values(), ids=SPACE_CASES.keys())
def test_space_scores_match_the_hand_computed_example(frame, weights, thresholds, expected) -> None:
    result = score_spaces(frame, weights, thresholds)
    assert list(result.columns) == list(SCORE_COLUMNS)
    assert list(result["key"]) == list(SPACE_KEYS)
    for (_, row), want in zip(result.iterrows(), expected, strict=True):
        got = (row.coverage, row.share, row.target_share, row.gap, row.offers, row.mean_strength, row.weak, row.strong)
        assert got[:6] == pytest.approx(want[:6]), row.key
        assert got[6:] == want[6:], row.key


# Aims: experience = inspiration + learning, involvement = meeting + performative,
# empowerment = learning + meeting, innovation = inspiration + performative.
AIM_CASES = {
    "one offer only": (
        ONE_OFFER,
        EQUAL,
        [
            (8, 0.5, 0.25, -0.25, 1, 4, False, True),
            (0, 0.0, 0.25, 0.25, 0, 0, True, False),
            (2, 0.125, 0.25, 0.125, 0, 4, True, False),
            (6, 0.375, 0.25, -0.125, 1, 4, False, True),
        ],
    ),
    "no offers at all": (NOTHING, EQUAL, [(0, 0.0, 0.25, 0.25, 0, 0, True, False)] * 4),
    "aim weights are the mean of their two spaces": (
        PAUSED_IGNORED,
        {"inspiration": 4, "learning": 2, "meeting": 2, "performative": 2},
        [
            (2, 0.25, 0.3, 0.05, 1, 2, True, False),
            (2, 0.25, 0.2, -0.05, 1, 2, True, False),
            (2, 0.25, 0.2, -0.05, 1, 2, True, False),
            (2, 0.25, 0.3, 0.05, 1, 2, True, False),
        ],
    ),
}


@pytest.mark.parametrize(("frame", "weights", "expected"), AIM_CASES.values(), ids=AIM_CASES.keys())
def test_aim_scores_match_the_hand_computed_example(frame, weights, expected) -> None:
    result = score_aims(frame, weights, Thresholds(), AIM_SPACES)
    assert list(result["key"]) == list(AIM_KEYS)
    for (_, row), want in zip(result.iterrows(), expected, strict=True):
        got = (row.coverage, row.share, row.target_share, row.gap, row.offers, row.mean_strength, row.weak, row.strong)
        assert got[:6] == pytest.approx(want[:6]), row.key
        assert got[6:] == want[6:], row.key


def test_an_offer_counts_once_for_an_aim_even_when_it_serves_both_spaces() -> None:
    result = score_aims(offers(("active", 3, 2, 2, 0, 0)), EQUAL, Thresholds(), AIM_SPACES).set_index("key")
    assert result.loc["experience", "offers"] == 1


def test_a_frame_without_columns_scores_as_no_offers() -> None:
    result = score_spaces(pd.DataFrame(), EQUAL, Thresholds())
    assert list(result["share"]) == [0.0] * 4
    assert result["weak"].all()


def test_blank_contributions_count_as_zero() -> None:
    frame = offers(("active", 4, 3, 0, 0, 0))
    frame["learning"] = None
    result = score_spaces(frame, EQUAL, Thresholds()).set_index("key")
    assert result.loc["learning", "coverage"] == 0
    assert result.loc["inspiration", "share"] == 1


@pytest.mark.parametrize("frame", [NOTHING, ONE_OFFER], ids=["no offers", "one offer"])
def test_records_are_json_without_nan(frame) -> None:
    records = score_records(score_spaces(frame, EQUAL, Thresholds())) + score_records(
        score_aims(frame, EQUAL, Thresholds(), AIM_SPACES)
    )
    text = json.dumps(records, allow_nan=False)
    assert json.loads(text)[0]["key"] == "inspiration"
    assert set(records[0]) == set(SCORE_COLUMNS)


@pytest.mark.parametrize(
    ("weights", "field"),
    [({"cellar": 3}, "weights"), ({"learning": 6}, "learning"), ({"meeting": -1}, "meeting")],
)
def test_a_bad_weight_is_refused_naming_the_space(weights, field) -> None:
    with pytest.raises(InvalidInput) as caught:
        score_spaces(ONE_OFFER, weights, Thresholds())
    assert caught.value.params["field"] == field


def test_a_missing_weight_is_the_default() -> None:
    result = score_spaces(ONE_OFFER, {"inspiration": 3}, Thresholds())
    assert list(result["target_share"]) == [0.25] * 4
