"""The strengths charts carry the figures of the score frames (in percent and points) and the given labels."""

from __future__ import annotations

import pandas as pd

from workshop.charts.space_charts import gap_bars, matrix_heatmap, profile_chart, share_radar
from workshop.domain.model import SPACE_KEYS
from workshop.domain.profile import profile_summary
from workshop.domain.scoring import Thresholds, score_spaces

SCORES = score_spaces(
    pd.DataFrame(
        [{"status": "active", "strength": 4, "inspiration": 3, "learning": 1, "meeting": 0, "performative": 0}]
    ),
    dict.fromkeys(SPACE_KEYS, 3),
    Thresholds(),
)
NAMES = {"inspiration": "Inspiration", "learning": "Learning", "meeting": "Meeting", "performative": "Performative"}


def test_the_radar_closes_the_shape_and_shows_actual_against_target_in_percent() -> None:
    figure = share_radar(SCORES, NAMES, "Actual", "Target", "Radar", "en")
    target, actual = figure.data
    assert (target.name, actual.name) == ("Target", "Actual")
    assert list(actual.r) == [75.0, 25.0, 0.0, 0.0, 75.0]
    assert list(actual.theta)[:4] == ["Inspiration", "Learning", "Meeting", "Performative"]
    assert list(target.r) == [25.0] * 5


def test_gap_bars_diverge_with_under_served_spaces_in_red() -> None:
    bar = gap_bars(SCORES, NAMES, "points", "Gaps", "en").data[0]
    assert list(bar.x) == [-50.0, 0.0, 25.0, 25.0]
    assert bar.marker.color[2] == "#C0392B" and bar.marker.color[0] != "#C0392B"


def test_the_target_group_heatmap_marks_unserved_cells() -> None:
    matrix = pd.DataFrame([[2, 0]], index=["children"], columns=["inspiration", "learning"])
    heat = matrix_heatmap(matrix, NAMES, "Groups", "Offers", "en", zero_marked=True).data[0]
    assert [list(row) for row in heat.text] == [["2", "✕"]]
    assert list(heat.x) == ["Inspiration", "Learning"]


def test_the_profile_chart_places_each_view_on_the_pairs() -> None:
    ratings = pd.DataFrame([("leadership", "planning_spontaneity", -2)], columns=["rater", "pair", "value"])
    poles = {"reflection_topicality": ("reflection", "topicality"), "planning_spontaneity": ("planning", "spontaneity")}
    figure = profile_chart(profile_summary(ratings), poles, {"leadership": "Leadership", "library": "Library"}, "en")
    leadership = figure.data[0]
    assert list(leadership.y) == ["reflection ↔ topicality", "planning ↔ spontaneity"]
    assert leadership.x[1] == -2
