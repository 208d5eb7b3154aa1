"""The network circle of "Byg partnerskaber!" as a picture: three rings — network outside, collaboration,
partnership in the middle — with every partner a labelled dot in the ring of its current stage, coloured
by its sector."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import chart_text, wrapped
from workshop.domain.model import RelationStage, Sector

# Inner and outer radius of each stage's ring: partnership in the middle, network outermost.
RINGS: dict[RelationStage, tuple[float, float]] = {
    RelationStage.PARTNERSHIP: (0.0, 1.0),
    RelationStage.COLLABORATION: (1.0, 2.0),
    RelationStage.NETWORK: (2.0, 3.0),
}
RING_COLOURS = {
    RelationStage.PARTNERSHIP: "#d9ead3",
    RelationStage.COLLABORATION: "#fff2cc",
    RelationStage.NETWORK: "#deebf7",
}
SECTOR_COLOURS = {Sector.PUBLIC: "#1f77b4", Sector.PRIVATE: "#d62728", Sector.CIVIL: "#2ca02c"}
LABEL_WIDTH = 18  # characters per line of a dot's label


def circle_points(partners: pd.DataFrame) -> pd.DataFrame:
    """x, y per partner (columns name, sector, stage): spread evenly round the middle of its stage's ring,
    neighbours alternately a little inside and outside so that their labels do not collide."""
    if partners.empty:
        return partners.assign(x=[], y=[])
    xs, ys = [0.0] * len(partners), [0.0] * len(partners)
    for stage, (inner, outer) in RINGS.items():
        places = [i for i, s in enumerate(partners["stage"]) if s == stage]
        for n, i in enumerate(places):
            if stage == RelationStage.PARTNERSHIP and len(places) == 1:
                radius = 0.0
            else:
                middle = (inner + outer) / 2 if inner else 0.55
                radius = middle + (0.2 if n % 2 else -0.2) * (len(places) > 4)
            angle = math.pi / 2 + 2 * math.pi * n / max(len(places), 1) + (0.3 if inner else 0.0)
            xs[i], ys[i] = radius * math.cos(angle), radius * math.sin(angle)
    return partners.assign(x=xs, y=ys)


def network_circle_figure(
    partners: pd.DataFrame, stage_names: dict[str, str], sector_names: dict[str, str], height: int = 720
) -> go.Figure:
    """The figure: the three rings named by stage, one trace per sector (the legend), one labelled dot
    per partner; every user text escaped."""
    fig = go.Figure()
    for stage, (_, outer) in sorted(RINGS.items(), key=lambda item: -item[1][1]):
        fig.add_shape(
            type="circle",
            x0=-outer,
            y0=-outer,
            x1=outer,
            y1=outer,
            line={"color": "#888", "width": 1},
            fillcolor=RING_COLOURS[stage],
            layer="below",
        )
        fig.add_annotation(
            x=0, y=outer - 0.12, text=f"<b>{chart_text(stage_names[stage])}</b>", showarrow=False, font={"size": 13}
        )
    points = circle_points(partners)
    for sector in Sector:
        found = points[points["sector"] == sector]
        if found.empty:
            continue
        names = [wrapped(n, LABEL_WIDTH) for n in found["name"]]
        stages = [chart_text(stage_names.get(str(s), str(s))) for s in found["stage"]]
        fig.add_trace(
            go.Scatter(
                x=list(found["x"]),
                y=list(found["y"]),
                mode="markers+text",
                name=chart_text(sector_names[sector]),
                text=names,
                customdata=[[chart_text(n), s] for n, s in zip(found["name"], stages, strict=True)],
                textposition="bottom center",
                textfont={"size": 11},
                marker={"size": 14, "color": SECTOR_COLOURS[sector], "line": {"width": 1, "color": "#333"}},
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra>%{fullData.name}</extra>",
            )
        )
    reach = 3.25
    fig.update_xaxes(range=[-reach, reach], visible=False, fixedrange=True)
    fig.update_yaxes(range=[-reach, reach], visible=False, scaleanchor="x", fixedrange=True)
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        dragmode=False,
        showlegend=True,
        legend={"orientation": "h", "y": -0.02},
        plot_bgcolor="white",
    )
    return fig
