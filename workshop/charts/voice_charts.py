"""The chart of one question each person answers: per group leadership may see (teams of at least 3 people,
"other", all) the people who gave each answer, stacked. Drawn only from workshop.domain.voices.Voices, the
result of the small-group rule, so no chart shows a smaller group."""

from __future__ import annotations

import plotly.graph_objects as go

from workshop.charts.answer_charts import RATING_COLOURS
from workshop.charts.labels import bar_layout, chart_text, count_axis, localised, wrapped
from workshop.domain.voices import SCALE, Voices

OPTION_COLOURS = ("#2E86AB", "#F6AE2D", "#86BBD8", "#F26419", "#33658A", "#758E4F", "#9A348E", "#C1666B")


def voices_chart(voices: Voices, group_labels: list[str], lang: str, title: str = "") -> go.Figure:
    """Stacked horizontal bars, one per group (`group_labels`: each group's label in the reader's language, in
    the order of voices.groups), one colour per answer; the legend above the bars, so a phone's narrow screen
    keeps the bars wide and the axis's numbers clear."""
    labels = [wrapped(label, 20) for label in group_labels]
    positions = list(range(len(labels)))
    figure = go.Figure()
    rated = voices.values == SCALE
    for i, value in enumerate(voices.values):
        counts = [dict(group.counts).get(value, 0) for group in voices.groups]
        colour = RATING_COLOURS[int(value)] if rated else OPTION_COLOURS[i % len(OPTION_COLOURS)]
        figure.add_bar(
            y=positions,
            x=counts,
            name=chart_text(value),
            orientation="h",
            marker_color=colour,
            customdata=[chart_text(label) for label in group_labels],
            hovertemplate="%{customdata}<br>" + chart_text(value) + ": %{x}<extra></extra>",
        )
    most = max((sum(count for _value, count in group.counts) for group in voices.groups), default=1)
    layout = bar_layout(labels, top=90 if title else 60, bottom=40)
    layout["margin"] = {**layout["margin"], "l": 10, "r": 20}  # type: ignore[dict-item]
    figure.update_layout(
        **layout,
        title=chart_text(title) if title else None,
        barmode="stack",
        xaxis={**count_axis(0, most), "automargin": True},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
    )
    return localised(figure, lang)
