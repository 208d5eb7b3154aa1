"""The dot vote's results as a ranked bar chart (no Streamlit here)."""

from __future__ import annotations

import plotly.graph_objects as go

from workshop.charts.labels import bar_layout, chart_text, count_axis, localised, wrapped


def vote_bars(results: list[tuple[int, str, int]], axis: str, lang: str) -> go.Figure:
    """One horizontal bar per item, most dots on top; every bar carries its item's wrapped name and its dots."""
    labels = [wrapped(label) for _, label, _ in results]
    counts = [dots for _, _, dots in results]
    figure = go.Figure(
        go.Bar(
            y=list(range(len(labels))),
            x=counts,
            orientation="h",
            text=counts,
            textposition="outside",
            customdata=[chart_text(label) for _, label, _ in results],
            hovertemplate="%{customdata}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(xaxis_title=axis, **bar_layout(labels))
    figure.update_xaxes(**count_axis(0, max(counts, default=0)))
    return localised(figure, lang)
