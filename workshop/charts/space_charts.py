"""Charts of the strengths view: plotly figures from score frames (no Streamlit here).

Every function takes the display names and axis labels from the caller, so the charts speak the
user's language without knowing about locales."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import chart_text, localised
from workshop.config.i18n import number, percent_suffix

UNDER = "#C0392B"  # under-served: a positive gap
OVER = "#2E86AB"  # served beyond its priority
ACTUAL = "#E4572E"
TARGET = "#555555"


def _layout(figure: go.Figure, lang: str, height: int = 380) -> go.Figure:
    figure.update_layout(height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h"})
    return localised(figure, lang)


def share_radar(
    scores: pd.DataFrame, names: dict[str, str], actual: str, target: str, title: str, lang: str
) -> go.Figure:
    """Actual share against target share, one axis per space (or aim), in percent."""
    theta = [names.get(k, k) for k in scores["key"]]
    figure = go.Figure()
    for column, label, colour, fill in (("target_share", target, TARGET, "none"), ("share", actual, ACTUAL, "toself")):
        values = [round(100 * v, 1) for v in scores[column]]
        figure.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*theta, theta[0]],
                name=label,
                line={"color": colour, "dash": "dash" if column == "target_share" else "solid"},
                fill=fill,
                opacity=0.8,
            )
        )
    top = max([100 * float(v) for v in (*scores["share"], *scores["target_share"])] + [10])
    radial = {"range": [0, top * 1.1], "ticksuffix": percent_suffix(lang), "angle": 45, "tickfont": {"size": 9}}
    figure.update_layout(title=title, polar={"radialaxis": radial})
    return _layout(figure, lang)


def gap_bars(scores: pd.DataFrame, names: dict[str, str], axis: str, title: str, lang: str) -> go.Figure:
    """Diverging bars of the gap in percentage points: right (red) under-served, left (blue) beyond priority."""
    gaps = [round(100 * g, 1) for g in scores["gap"]]
    figure = go.Figure(
        go.Bar(
            x=gaps,
            y=[names.get(k, k) for k in scores["key"]],
            orientation="h",
            marker_color=[UNDER if g > 0 else OVER for g in gaps],
            text=[number(g, lang, sign=True) for g in gaps],
            textposition="outside",
        )
    )
    span = max([abs(g) for g in gaps] + [5]) * 1.3
    figure.update_layout(title=title, xaxis={"title": axis, "range": [-span, span], "zeroline": True})
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, lang, 300)


def matrix_heatmap(
    matrix: pd.DataFrame,
    names: dict[str, str],
    title: str,
    colour_label: str,
    lang: str,
    zero_marked: bool = False,
) -> go.Figure:
    """A heatmap of rows (offers or target groups) x spaces; with zero_marked, empty cells show a cross."""
    columns = [names.get(str(c), str(c)) for c in matrix.columns]
    # Arrays, not lists of lists: plotly checks a list cell by cell, an array at once.
    values = matrix.to_numpy(dtype=float)
    text = np.vectorize(lambda v: "✕" if zero_marked and v == 0 else f"{v:g}", otypes=[object])(values)
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=columns,
            # Offer and target group names are user text: escaped, or plotly draws their <a href> as a link.
            y=np.array([chart_text(name) for name in matrix.index], dtype=object),
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            colorbar={"title": colour_label},
            hoverongaps=False,
        )
    )
    figure.update_layout(title=title)
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, lang, max(300, 26 * len(matrix.index) + 120))


def staff_bars(
    comparison: pd.DataFrame, names: dict[str, str], team: str, mapped: str, title: str, lang: str
) -> go.Figure:
    """The teams' mean rating beside the mapped mean strength per space, both on 1-5."""
    spaces = [names.get(k, k) for k in comparison["space"]]
    figure = go.Figure()
    for column, label, colour in (("team_mean", team, ACTUAL), ("mapped_mean", mapped, TARGET)):
        figure.add_trace(go.Bar(x=spaces, y=comparison[column], name=label, marker_color=colour))
    figure.update_layout(title=title, barmode="group", yaxis={"range": [0, 5], "dtick": 1})
    return _layout(figure, lang, 320)


def profile_chart(
    summary: pd.DataFrame, poles: dict[str, tuple[str, str]], views: dict[str, str], lang: str
) -> go.Figure:
    """The opposite pairs on a -2..+2 line each: leadership, the teams' mean and the library's value.
    `poles` maps a pair to its two pole names; `views` maps leadership/teams/library to labels."""
    rows = [f"{poles[p][0]} ↔ {poles[p][1]}" for p in summary["pair"]]
    figure = go.Figure()
    symbols = {"leadership": "diamond", "teams": "circle", "library": "star"}
    for view, label in views.items():
        figure.add_trace(
            go.Scatter(
                x=summary[view],
                y=rows,
                mode="markers",
                name=label,
                marker={"size": 18 if view == "library" else 13, "symbol": symbols.get(view, "circle")},
            )
        )
    figure.update_layout(xaxis={"range": [-2.3, 2.3], "dtick": 1, "zeroline": True})
    figure.update_yaxes(autorange="reversed")
    return _layout(figure, lang, 260)
