"""The dot vote's results as a ranked bar chart (no Streamlit here)."""

from __future__ import annotations

import html

import plotly.graph_objects as go


def vote_bars(results: list[tuple[int, str, int]], axis: str) -> go.Figure:
    """One horizontal bar per item, most dots on top; every bar carries its item's name and its dots."""
    # Plotly reads a little HTML in labels: user text is escaped so it shows as typed.
    labels = [html.escape(label) for _, label, _ in results]
    counts = [dots for _, _, dots in results]
    figure = go.Figure(go.Bar(x=counts, y=labels, orientation="h", text=counts, textposition="outside"))
    figure.update_layout(
        xaxis_title=axis,
        yaxis={"autorange": "reversed", "automargin": True, "tickmode": "array", "tickvals": labels},
        height=120 + 36 * len(results),
        margin={"l": 10, "r": 30, "t": 20, "b": 40},
    )
    return figure
