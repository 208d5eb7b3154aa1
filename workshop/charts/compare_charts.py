"""Year over year: one matched question's answers then and now as paired horizontal bars (no Streamlit)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import bar_layout, chart_text, localised, wrapped

BEFORE_COLOUR, AFTER_COLOUR = "#bbbbbb", "#2E86AB"


def paired_chart(counts: pd.DataFrame, names: tuple[str, str], lang: str, title: str = "") -> go.Figure:
    """Bars of the earlier workshop (before) beside this one's (after) for each category (a rating 1-5 or an
    option), every category with its own wrapped label and every bar with its count written on it."""
    category = "rating" if "rating" in counts.columns else "option"
    labels = [wrapped(c) for c in counts[category]]
    shown = [chart_text(c) for c in counts[category]]
    figure = go.Figure()
    for side, name, colour in (("before", names[0], BEFORE_COLOUR), ("after", names[1], AFTER_COLOUR)):
        values = [int(v) for v in counts[side]]
        figure.add_bar(
            y=list(range(len(labels))),
            x=values,
            orientation="h",
            name=chart_text(name),  # the workshops' names are user text
            marker_color=colour,
            text=[str(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            customdata=shown,
            hovertemplate=f"{chart_text(name)}<br>%{{customdata}}: %{{x}}<extra></extra>",
        )
    heading = wrapped(title, 60)
    layout = bar_layout(labels, top=30 + 22 * (heading.count("<br>") + 1))
    # Two bars share a category's row: give each pair twice a single bar's room.
    layout["height"] = int(layout["height"]) + 20 * len(labels)  # type: ignore[call-overload]
    figure.update_layout(
        title=heading,
        barmode="group",
        legend={"orientation": "h", "traceorder": "normal"},
        xaxis={"rangemode": "tozero", "showticklabels": False},  # every bar carries its count
        **layout,
    )
    return localised(figure, lang)
