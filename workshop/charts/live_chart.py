"""The wall's live distribution: one horizontal bar per option or rating, drawn large enough to read from the
back of the room (no Streamlit here).

The same figure is drawn on a 1920 px projector and in the morning view's column on a tablet or a phone, a few
hundred pixels wide. Plotly fits the plot to that width but not its text: an axis title is centred under a plot
area that long labels have pushed to the right, and a count beside its bar needs the room its digits take. So
the figure has no axis title (the page says what the numbers count, as text that wraps), and the margin right
of the bars is as wide as the largest count."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from workshop.charts.labels import chart_text, count_axis, wrapped

FONT_PX = 26  # labels and counts: readable from the back of a meeting room on a projector
LABEL_WRAP = 40
BAR_ROOM_PX = 54  # per bar, for a one-line label; each further line adds LINE_ROOM_PX
LINE_ROOM_PX = 30
BAR_COLOUR = "#ffd400"  # the wall's accent, on black and on white
COUNT_PX = FONT_PX + 4
DIGIT_PX = 0.62 * COUNT_PX  # the widest digit of the counts' font, with a little to spare
COUNT_ROOM_PX = 60  # right of the plot area, at least: the last tick's number and a one- or two-digit count


def count_room(values: Sequence[int]) -> int:
    """Pixels right of the plot area for the largest count, written at its bar's end (outside the plot)."""
    digits = len(str(max(values, default=0)))
    return max(COUNT_ROOM_PX, round(12 + DIGIT_PX * digits))


def live_bars(counts: Sequence[tuple[str, int]], ink: str = "#ffffff") -> go.Figure:
    """Every option (or rating) as a bar in the question's order, labelled with its text on the left and its
    count at the bar's end; a whole-number axis from zero, untitled. `ink`: the colour of text (white on the
    wall)."""
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
            textfont={"size": COUNT_PX, "color": ink},
            customdata=[chart_text(label) for label, _ in counts],
            hovertemplate="%{customdata}: %{x}<extra></extra>",
        )
    )
    room = sum(BAR_ROOM_PX + LINE_ROOM_PX * label.count("<br>") for label in labels)
    figure.update_layout(
        height=10 + 50 + room,
        margin={"t": 10, "b": 50, "l": 10, "r": count_room(values)},
        font={"size": FONT_PX, "color": ink},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
        bargap=0.25,
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
        fixedrange=True,
    )
    figure.update_yaxes(fixedrange=True)
    return figure
