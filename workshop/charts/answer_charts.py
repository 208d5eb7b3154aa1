"""Plotly figures for the consolidated view and the report (no Streamlit here)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import bar_layout, chart_text, count_axis, localised, percent_axis, wrapped
from workshop.config.spaces import spaces
from workshop.domain.consolidation import RATINGS
from workshop.domain.model import SPACE_KEYS

# Low ratings left of zero in reds, high ones right in blues; 3 is split across zero.
RATING_COLOURS = {1: "#b2182b", 2: "#ef8a62", 3: "#cccccc", 4: "#67a9cf", 5: "#2166ac"}


def _space_label(key: str, lang: str) -> str:
    config = spaces()
    if key in config.spaces:
        return config.space_name(key, lang)
    return config.aim_name(key, lang) if key in config.aims else key


def _colours(keys: list[str]) -> list[str]:
    return [spaces().spaces[k].colour if k in SPACE_KEYS else "#888888" for k in keys]


def _space_axis(labels: list[str]) -> dict[str, object]:
    """An x axis with a tick under every bar, its label wrapped to fit a narrow column between words: a space's
    name is never broken mid-word (a single long word such as "Inspirationsrummet" keeps its own line)."""
    ticks = [wrapped(x, 14, whole_words=True) for x in labels]
    return {"tickmode": "array", "tickvals": labels, "ticktext": ticks, "automargin": True}


def coverage_chart(
    scores: pd.DataFrame, lang: str, title: str = "", names: tuple[str, str] = ("share", "target")
) -> go.Figure:
    """Each space's (or aim's) share of coverage beside the share its weight asks for (`names`: the two
    series as the reader's language calls them, shown on hover)."""
    keys = list(scores["key"])
    labels = [_space_label(k, lang) for k in keys]
    figure = go.Figure()
    figure.add_bar(name=names[0], x=labels, y=100 * scores["share"], marker_color=_colours(keys))
    figure.add_scatter(
        name=names[1],
        x=labels,
        y=100 * scores["target_share"],
        mode="markers",
        marker={"symbol": "line-ew-open", "size": 60, "color": "#222222", "line": {"width": 3}},
    )
    figure.update_layout(title=title, yaxis=percent_axis(lang), showlegend=False, height=320, xaxis=_space_axis(labels))
    return localised(figure, lang)


def gap_chart(scores: pd.DataFrame, lang: str, title: str = "") -> go.Figure:
    """The gap per space: above zero the space is under-served against its target."""
    keys = list(scores["key"])
    colours = [
        "#b2182b" if weak else "#2166ac" if strong else "#999999"
        for weak, strong in zip(scores["weak"], scores["strong"], strict=True)
    ]
    labels = [_space_label(k, lang) for k in keys]
    figure = go.Figure(go.Bar(x=labels, y=100 * scores["gap"], marker_color=colours))
    figure.update_layout(title=title, yaxis=percent_axis(lang), height=320, xaxis=_space_axis(labels))
    return localised(figure, lang)


def rating_bars(distribution: pd.DataFrame, lang: str, title: str = "", axis: str = "", legend: str = "") -> go.Figure:
    """Diverging stacked bars: per question the number of 1-2 ratings left of zero, 4-5 right, 3 split.
    Each question is its own bar with its own wrapped label, however long or alike the questions are."""
    labels = [wrapped(q) for q in distribution["question"]]
    positions = list(range(len(labels)))
    questions = [chart_text(q) for q in distribution["question"]]
    figure = go.Figure()
    for rating in RATINGS:
        counts = distribution[str(rating)].astype(float)
        if rating == 3:
            halves = counts / 2
            figure.add_bar(
                y=positions,
                x=-halves,
                name="3",
                orientation="h",
                marker_color=RATING_COLOURS[3],
                showlegend=False,
                customdata=list(zip(counts, questions, strict=True)),
                hovertemplate="%{customdata[1]}<br>3: %{customdata[0]}<extra></extra>",
            )
            figure.add_bar(
                y=positions,
                x=halves,
                name="3",
                orientation="h",
                marker_color=RATING_COLOURS[3],
                customdata=list(zip(counts, questions, strict=True)),
                hovertemplate="%{customdata[1]}<br>3: %{customdata[0]}<extra></extra>",
            )
            continue
        sign = -1 if rating < 3 else 1
        figure.add_bar(
            y=positions,
            x=sign * counts,
            name=str(rating),
            orientation="h",
            marker_color=RATING_COLOURS[rating],
            customdata=list(zip(counts, questions, strict=True)),
            hovertemplate=f"%{{customdata[1]}}<br>{rating}: %{{customdata[0]}}<extra></extra>",
        )
    figure.update_layout(
        barmode="relative",
        title=title,
        legend_traceorder="normal",
        legend_title_text=legend,
        xaxis_title=axis,
        **bar_layout(labels),
    )
    left = distribution[["1", "2"]].astype(float).sum(axis=1) + distribution["3"].astype(float) / 2
    right = distribution[["4", "5"]].astype(float).sum(axis=1) + distribution["3"].astype(float) / 2
    if not distribution.empty:
        figure.update_xaxes(**count_axis(-float(left.max()), float(right.max())))
    return localised(figure, lang)


def choice_bars(tallies: pd.DataFrame, lang: str, title: str = "", axis: str = "") -> go.Figure:
    """One choice question's options, most chosen on top, each bar with its own wrapped label."""
    labels = [wrapped(o) for o in tallies["option"]]
    figure = go.Figure(
        go.Bar(
            y=list(range(len(labels))),
            x=tallies["count"],
            orientation="h",
            marker_color="#2E86AB",
            customdata=[chart_text(o) for o in tallies["option"]],
            hovertemplate="%{customdata}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(title=chart_text(title), xaxis_title=axis, **bar_layout(labels))
    if not tallies.empty:
        figure.update_xaxes(**count_axis(0, float(tallies["count"].max())))
    return localised(figure, lang)


def attention_chart(
    frame: pd.DataFrame, lang: str, title: str = "", names: tuple[str, str] = ("answers", "gap")
) -> go.Figure:
    """Per space: the share of answers that concern it beside its gap in the offers (`names`: the legend's
    two entries in the reader's language)."""
    labels = [_space_label(k, lang) for k in frame["key"]]
    figure = go.Figure()
    figure.add_bar(name=names[0], x=labels, y=100 * frame["answer_share"], marker_color=_colours(list(frame["key"])))
    figure.add_bar(name=names[1], x=labels, y=100 * frame["gap"], marker_color="#b2182b", opacity=0.6)
    figure.update_layout(title=title, barmode="group", yaxis=percent_axis(lang), height=320, xaxis=_space_axis(labels))
    return localised(figure, lang)


def compare_chart(compared: pd.DataFrame, lang: str, names: tuple[str, str], title: str = "") -> go.Figure:
    """The gap of each space or aim in two workshops, side by side."""
    labels = [_space_label(k, lang) for k in compared["key"]]
    figure = go.Figure()
    # The workshops' names are user text: escaped, or plotly would draw a link or markup in the legend.
    figure.add_bar(name=chart_text(names[0]), x=labels, y=100 * compared["gap_before"], marker_color="#bbbbbb")
    figure.add_bar(name=chart_text(names[1]), x=labels, y=100 * compared["gap_after"], marker_color="#2E86AB")
    figure.update_layout(title=title, barmode="group", yaxis=percent_axis(lang), height=320, xaxis=_space_axis(labels))
    return localised(figure, lang)
