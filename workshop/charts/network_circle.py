"""The network circle of "Byg partnerskaber!" as a picture: three rings — network outside, collaboration,
partnership in the middle — with every partner a labelled dot in the ring of its current stage, coloured
by its sector. Partners whose stage nobody has told (an imported list without one) sit in a fourth, grey
ring outside the circle, drawn only when there are any."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import chart_text, localised, wrapped
from workshop.domain.model import RelationStage, Sector

# Inner and outer radius of each stage's ring: partnership in the middle, network outermost.
RINGS: dict[RelationStage, tuple[float, float]] = {
    RelationStage.PARTNERSHIP: (0.0, 1.2),
    RelationStage.COLLABORATION: (1.2, 2.2),
    RelationStage.NETWORK: (2.2, 3.2),
    RelationStage.UNKNOWN: (3.2, 4.2),
}
RING_COLOURS = {
    RelationStage.PARTNERSHIP: "#d9ead3",
    RelationStage.COLLABORATION: "#fff2cc",
    RelationStage.NETWORK: "#deebf7",
    RelationStage.UNKNOWN: "#f2f2f2",
}
SECTOR_COLOURS = {
    Sector.PUBLIC: "#1f77b4",
    Sector.PRIVATE: "#d62728",
    Sector.CIVIL: "#2ca02c",
    Sector.UNKNOWN: "#7f7f7f",
}
LABEL_WIDTH = 18  # characters per line of a dot's label
GAP = math.radians(60)  # the left of each outer ring is left free for its name (partnership's is the middle)


def circle_points(partners: pd.DataFrame) -> pd.DataFrame:
    """x, y per partner (columns name, sector, stage): spread evenly round its stage's ring, leaving the left
    of the ring free for the ring's name; neighbours alternately a little inside and outside so that their
    labels do not collide."""
    if partners.empty:
        return partners.assign(x=[], y=[])
    xs, ys = [0.0] * len(partners), [0.0] * len(partners)
    for stage, (inner, outer) in RINGS.items():
        places = [i for i, s in enumerate(partners["stage"]) if s == stage]
        middle = (inner + outer) / 2 if inner else outer * 0.6
        step = (2 * math.pi - GAP) / max(len(places) - 1, 1)
        for n, i in enumerate(places):
            radius = middle + (0.18 if n % 2 else -0.18) * (len(places) > 4)
            angle = math.pi + GAP / 2 + step * n
            xs[i], ys[i] = radius * math.cos(angle), radius * math.sin(angle)
    return partners.assign(x=xs, y=ys)


def network_circle_figure(
    partners: pd.DataFrame,
    stage_names: dict[str, str],
    sector_names: dict[str, str],
    lang: str,
    height: int = 720,
) -> go.Figure:
    """The figure: the three rings named by stage, one trace per sector (the legend), one labelled dot
    per partner; every user text escaped. Built as one figure from plain dicts (one validation pass)."""
    shapes, annotations = [], []
    unknown = not partners.empty and bool((partners["stage"] == RelationStage.UNKNOWN).any())
    rings = {stage: ring for stage, ring in RINGS.items() if unknown or stage != RelationStage.UNKNOWN}
    for stage, (inner, outer) in sorted(rings.items(), key=lambda item: -item[1][1]):
        shapes.append(
            {
                "type": "circle",
                "x0": -outer,
                "y0": -outer,
                "x1": outer,
                "y1": outer,
                "line": {"color": "#888", "width": 1},
                "fillcolor": RING_COLOURS[stage],
                "layer": "below",
            }
        )
        annotations.append(
            {
                "x": -(inner + outer) / 2 if inner else 0.0,
                "y": 0,
                "text": f"<b>{chart_text(stage_names[stage])}</b>",
                "showarrow": False,
                "font": {"size": 13, "color": "#222"},
            }
        )
    points = circle_points(partners)
    traces = []
    for sector in Sector:
        found = points[points["sector"] == sector]
        if found.empty:
            continue
        stages = [chart_text(stage_names.get(str(s), str(s))) for s in found["stage"]]
        traces.append(
            {
                "type": "scatter",
                "x": list(found["x"]),
                "y": list(found["y"]),
                "mode": "markers+text",
                "name": chart_text(sector_names[sector]),
                "text": [wrapped(n, LABEL_WIDTH) for n in found["name"]],
                "customdata": [[chart_text(n), s] for n, s in zip(found["name"], stages, strict=True)],
                "textposition": ["top center" if y > 0.05 else "bottom center" for y in found["y"]],
                "textfont": {"size": 11, "color": "#222"},
                "marker": {"size": 14, "color": SECTOR_COLOURS[sector], "line": {"width": 1, "color": "#333"}},
                "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra>%{fullData.name}</extra>",
            }
        )
    reach = max(outer for _, outer in rings.values()) + 0.1
    axis = {"range": [-reach, reach], "visible": False, "fixedrange": True}
    layout = {
        "shapes": shapes,
        "annotations": annotations,
        "xaxis": axis,
        "yaxis": {**axis, "scaleanchor": "x"},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "dragmode": False,
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.02},
        "plot_bgcolor": "white",
    }
    return localised(go.Figure(data=traces, layout=layout), lang)
