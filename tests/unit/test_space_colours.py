"""The four space colours of data/spaces.yaml stay apart for colour-blind readers, and every chart that
colours by space also names each space it colours (issue 13.7).

Colour vision deficiencies are simulated with the matrices of Machado, Oliveira & Fernandes (2009,
severity 1.0) in linear RGB; colours are compared by their CIE76 distance in CIELAB."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from workshop.charts.answer_charts import attention_chart, coverage_chart
from workshop.charts.offer_map import offer_map_figure
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS

VISION = {
    "typical": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
# CIE76 distance under which two chart colours are easily taken for one another (the old blue and
# violet were 6 apart for a deuteranope).
APART = 20


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(colour: str, vision: str) -> tuple[float, float, float]:
    """The colour (#RRGGBB) as a reader with that colour vision sees it, in CIELAB."""
    rgb = [_linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5)]
    row = VISION[vision]
    return _lab([min(1.0, max(0.0, sum(row[r][k] * rgb[k] for k in range(3)))) for r in range(3)])


def distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


def test_the_simulation_confuses_red_and_green_for_a_deuteranope_only() -> None:
    """The check itself: pure red and a green of the same lightness are far apart to typical eyes and
    close for a deuteranope."""
    red, green = "#FF0000", "#5A8C00"
    assert distance(seen(red, "typical"), seen(green, "typical")) > 60
    assert distance(seen(red, "deuteranopia"), seen(green, "deuteranopia")) < APART


@pytest.mark.parametrize("vision", list(VISION))
def test_every_two_space_colours_stay_apart(vision: str) -> None:
    colours = {key: spaces().spaces[key].colour for key in SPACE_KEYS}
    close = [
        f"{a} {colours[a]} / {b} {colours[b]}: {distance(seen(colours[a], vision), seen(colours[b], vision)):.1f}"
        for a, b in itertools.combinations(SPACE_KEYS, 2)
        if distance(seen(colours[a], vision), seen(colours[b], vision)) < APART
    ]
    assert not close, f"with {vision} these space colours look alike: {close}"


def _coloured_points(figure: object) -> list[tuple[str, str]]:
    """(colour, the point's own label) for every bar or marker drawn in a space colour."""
    palette = {spaces().spaces[key].colour for key in SPACE_KEYS}
    found = []
    for trace in figure.data:  # type: ignore[attr-defined]
        colours = trace.marker.color
        colours = list(colours) if isinstance(colours, list | tuple) else [colours] * len(trace.x or [])
        labels = list(trace.text) if trace.text is not None and not isinstance(trace.text, str) else list(trace.x)
        found += [(c, str(label)) for c, label in zip(colours, labels, strict=True) if c in palette]
    return found


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_chart_coloured_by_space_names_each_space(lang: str) -> None:
    keys = list(SPACE_KEYS)
    names = {spaces().spaces[k].colour: spaces().space_name(k, lang) for k in keys}
    charts = {
        "coverage": coverage_chart(pd.DataFrame({"key": keys, "share": 0.25, "target_share": 0.25}), lang),
        "attention": attention_chart(pd.DataFrame({"key": keys, "answer_share": 0.25, "gap": 0.1}), lang),
        "offer map": offer_map_figure(pd.DataFrame(), lang),
    }
    for chart, figure in charts.items():
        points = _coloured_points(figure)
        assert len(points) == len(keys), f"the {chart} chart does not colour each space"
        assert all(label == names[colour] for colour, label in points), f"{chart}: {points}"
