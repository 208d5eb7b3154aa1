"""The wall's live distribution: one horizontal bar per option or rating, drawn large enough to read from the
back of the room (no Streamlit here)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from workshop.charts.labels import chart_text, count_axis, wrapped

FONT_PX = 26  # labels and counts: readable from the back of a meeting room on a projector
LABEL_WRAP = 40
BAR_ROOM_PX = 54  # per bar, for a one-line label; each further line adds LINE_ROOM_PX
LINE_ROOM_PX = 30
BAR_COLOUR = "#ffd400"  # the wall's accent, on black and on white


def live_bars(counts: Sequence[tuple[str, int]], axis: str = "", ink: str = "#ffffff") -> go.Figure:
    """Every option (or rating) as a bar in the question's order, labelled with its text on the left and its
    count at the bar's end; a whole-number axis from zero. `ink`: the colour of text (white on the wall)."""
    labels = [wrapped(label, LABEL_WRAP) for label, _ in counts]
    values = [int(n) for _, n in counts]
    figure = go.Figure(
        go.Bar(
            y=list(range(len(labels))),
            x=values,
            orientation="h",
            marker_color=BAR_COLOUR,
            text=[str(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": FONT_PX + 4, "color": ink},
            customdata=[chart_text(label) for label, _ in counts],
            hovertemplate="%{customdata}: %{x}<extra></extra>",
        )
    )
    room = sum(BAR_ROOM_PX + LINE_ROOM_PX * label.count("<br>") for label in labels)
    figure.update_layout(
        height=10 + 70 + room,
        margin={"t": 10, "b": 70, "l": 10, "r": 60},
        font={"size": FONT_PX, "color": ink},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
        bargap=0.25,
        xaxis_title=axis,
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(labels))),
            "ticktext": labels,
            "automargin": True,
            "autorange": "reversed",
            "ticklabelstandoff": 14,  # the label clear of a zero bar's count
        },
    )
    figure.update_xaxes(
        **count_axis(0, max(values, default=0), most=6),
        gridcolor="rgba(128,128,128,0.35)",
        tickfont={"size": FONT_PX - 4},
        title_font={"size": FONT_PX - 4},
        title_standoff=14,  # the axis' name clear of its numbers
        fixedrange=True,
    )
    figure.update_yaxes(fixedrange=True)
    return figure
