"""User text as plotly shows it: plotly reads a little HTML (`<a href>`, `<b>`, `<br>`) in labels, titles
and hover text, so user text is escaped; long labels are wrapped so every bar keeps a readable label."""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from workshop.config.i18n import chart_separators, percent_suffix
from workshop.domain.plain_text import html_text, neutral

WRAP = 32  # characters per line of a bar's label
LINE_PX = 16  # one line of a 12 px label
BAR_PX = 30  # the least room per bar


def chart_text(text: object) -> str:
    """User text for a plotly label or hover: shown as typed, never as a link, markup or reversed text."""
    return html_text(text)


def wrapped(text: object, width: int = WRAP, whole_words: bool = False) -> str:
    """chart_text, wrapped on <br> every `width` characters (long words are split, unless `whole_words`:
    a name such as "Inspirationsrummet" is never broken mid-word)."""
    lines = textwrap.wrap(neutral(text), width, break_long_words=not whole_words, break_on_hyphens=not whole_words) or [
        ""
    ]
    return "<br>".join(html.escape(line, quote=True) for line in lines)


STEPS = [m * 10**k for k in range(7) for m in (1, 2, 5)]  # a count axis steps 1, 2, 5, 10, 20, 50, ...


def count_axis(low: float, high: float, most: int = 8) -> dict[str, object]:
    """An axis of counts (teams, answers, dots): whole-number ticks only, about `most` of them, every tick
    written without a sign (a diverging chart's left side counts too: "2" left of zero, never "-2"); an axis
    that starts at zero never runs below it."""
    low_i, high_i = min(0, math.floor(low)), max(1, math.ceil(high))
    step = next((s for s in STEPS if (high_i - low_i) / s <= most), STEPS[-1])
    ticks = list(range(-((-low_i) // step) * step, high_i + 1, step))
    axis: dict[str, object] = {"tickmode": "array", "tickvals": ticks, "ticktext": [str(abs(v)) for v in ticks]}
    if low_i == 0:
        axis["rangemode"] = "nonnegative"
    return axis


def bar_layout(labels: Sequence[str], top: int = 60, bottom: int = 40) -> dict[str, object]:
    """Layout of a horizontal bar chart over positions 0..n-1, the first on top: one tick per bar carrying
    its own label (plotly's automatic ticks hide every second category label when they crowd, and equal
    labels would merge two bars), and a height that gives every bar room for all the lines of its label."""
    room = sum(max(BAR_PX, 14 + LINE_PX * (label.count("<br>") + 1)) for label in labels)
    return {
        "height": top + bottom + room,
        "margin": {"t": top, "b": bottom},
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(range(len(labels))),
            "ticktext": list(labels),
            "automargin": True,
            "autorange": "reversed",
        },
    }


def localised(figure: go.Figure, lang: str) -> go.Figure:
    """Plotly writes the figure's numbers (ticks, hover, bar texts) with the language's decimal and group
    marks (CLDR, through i18n): every chart builder returns its figure through here."""
    figure.update_layout(separators=chart_separators(lang))
    return figure


def percent_axis(lang: str) -> dict[str, object]:
    """An axis of percentages (values already × 100) with the sign placed the language's way: 27 % in
    Danish, 27% in English."""
    return {"tickformat": ",.0f", "ticksuffix": percent_suffix(lang)}
