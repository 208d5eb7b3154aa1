"""The report's charts as a reader sees them: counts of teams, answers and dots on whole-number axes with no
negative numbers (a diverging rating chart counts its left side as positive too), and a space's name never
broken mid-word, in any of the four languages."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.unit.test_report_document import _loop_week
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS
from workshop.services.whole.reports import html_report

Chart = tuple[list[dict[str, Any]], dict[str, Any]]


def charts_of(report: str) -> list[Chart]:
    """The data and layout of every plotly chart in the report, as the browser receives them."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (at := report.find("Plotly.newPlot(", at)) >= 0:
        at = report.index(",", at) + 1  # past the element id
        data, end = decoder.raw_decode(report, at + len(report[at:]) - len(report[at:].lstrip()))
        rest = report[end:].lstrip()[1:]
        layout, _ = decoder.raw_decode(rest.lstrip())
        found.append((data, layout))
        at = end
    return found


def _count_axes(report: str) -> list[dict[str, Any]]:
    """The count axes: the x axis of each horizontal bar chart (ratings, choices, dot votes)."""
    return [layout["xaxis"] for data, layout in charts_of(report) if data and data[0].get("orientation") == "h"]


def test_the_count_charts_have_whole_number_ticks_and_no_negative_numbers(engine: Engine) -> None:
    week = _loop_week(engine)
    axes = _count_axes(html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1)))
    assert len(axes) == 3  # the ratings (diverging), one choice question, one dot vote
    for axis in axes:
        assert axis.get("tickvals"), axis
        assert all(float(v).is_integer() for v in axis["tickvals"]), axis
        assert all(not str(text).startswith(("-", "−")) for text in axis["ticktext"]), axis
    diverging = axes[0]
    assert min(diverging["tickvals"]) < 0 and "2" in diverging["ticktext"]  # two teams' 1-2 ratings on the left
    assert [a.get("rangemode") for a in axes[1:]] == ["nonnegative", "nonnegative"]


@pytest.mark.parametrize("language", ["en", "da", "nb", "nl"])
def test_a_space_name_is_never_broken_mid_word(engine: Engine, language: str) -> None:
    week = _loop_week(engine, language=language)
    report = html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1))
    names = {spaces().space_name(k, language) for k in SPACE_KEYS}
    space_axes = [layout["xaxis"] for _data, layout in charts_of(report) if layout.get("xaxis", {}).get("ticktext")]
    space_axes = [axis for axis in space_axes if set(axis["tickvals"]) == names]
    assert len(space_axes) == 2  # the coverage chart and the gap chart
    for axis in space_axes:
        for value, text in zip(axis["tickvals"], axis["ticktext"], strict=True):
            assert text.replace("<br>", " ") == value, (text, value)
