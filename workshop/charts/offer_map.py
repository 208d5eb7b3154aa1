"""The four-spaces map as its authors draw it: a square with the four aims on its sides and the four
spaces as overlapping circles inside; each offer a dot in its primary space, pulled toward its
secondary space, sized by reach and coloured by strength."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import chart_text, localised
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS

SIDES: dict[str, tuple[float, float]] = {"top": (0, 1), "bottom": (0, -1), "left": (-1, 0), "right": (1, 0)}
CENTRE_OFFSET, RADIUS, SPREAD = 0.42, 0.56, 0.3
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def space_centres() -> dict[str, tuple[float, float]]:
    """Each space sits in the corner between the sides of its two aims (per data/spaces.yaml)."""
    config = spaces()
    centres = {}
    for key, space in config.spaces.items():
        (ax, ay), (bx, by) = (SIDES[config.aims[a].side] for a in space.aims)
        centres[key] = ((ax + bx) * CENTRE_OFFSET, (ay + by) * CENTRE_OFFSET)
    return centres


def filter_offers(
    frame: pd.DataFrame,
    teams: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    statuses: Sequence[str] = (),
    partners: Sequence[str] = (),
) -> pd.DataFrame:
    """The offers that match every filter given (an empty filter matches all)."""
    keep = pd.Series(True, index=frame.index)
    if teams:
        keep &= frame["owner_team"].isin(teams)
    if statuses:
        keep &= frame["status"].isin(statuses)
    if target_groups:
        keep &= frame["target_groups"].map(lambda items: bool(set(items) & set(target_groups)))
    if partners:
        keep &= frame["partners"].map(lambda items: bool(set(items) & set(partners)))
    return frame[keep]


def map_points(frame: pd.DataFrame) -> pd.DataFrame:
    """x, y per offer: a sunflower spread around its primary space's centre, pulled toward the second.

    An offer whose top contributions tie and whose primary space is not chosen sits halfway between."""
    centres = space_centres()
    if frame.empty:
        return frame.assign(x=[], y=[], map_space=[])
    values = frame[list(SPACE_KEYS)].to_numpy(dtype=float)
    # Spaces by contribution, highest first; a tie keeps the order of SPACE_KEYS (a stable sort).
    order = np.argsort(-values, axis=1, kind="stable")
    chosen = frame["primary"].map(lambda p: SPACE_KEYS.index(p) if p in SPACE_KEYS else -1).to_numpy()
    first = np.where(chosen >= 0, chosen, order[:, 0])
    second = np.where(order[:, 0] == first, order[:, 1], order[:, 0])
    rows = np.arange(len(frame))
    top, runner_up = values[rows, first], values[rows, second]
    with np.errstate(invalid="ignore", divide="ignore"):
        pull = np.where(runner_up > 0, 0.5 * runner_up / (top + runner_up), 0.0)
    n = pd.Series(first).groupby(first).cumcount().to_numpy() + 1  # the offer's place in its space
    r = SPREAD * np.sqrt(n / (n + 12))
    cx, cy = (np.array([centres[k][i] for k in SPACE_KEYS]) for i in (0, 1))
    xs = cx[first] + (cx[second] - cx[first]) * pull + r * np.cos(n * GOLDEN_ANGLE)
    ys = cy[first] + (cy[second] - cy[first]) * pull + r * np.sin(n * GOLDEN_ANGLE)
    return frame.assign(x=xs, y=ys, map_space=[SPACE_KEYS[i] for i in first])


def offers_in_space(frame: pd.DataFrame, space: str) -> pd.DataFrame:
    """The offers that contribute to a space, the strongest contribution first."""
    found = frame[frame[space] > 0]
    return found.sort_values([space, "name"], ascending=[False, True], kind="stable")


def _escaped(items: object) -> str:
    text = ", ".join(items) if isinstance(items, list | tuple) else str(items or "")
    return chart_text(text)


def offer_map_figure(points: pd.DataFrame, lang: str, labels: dict[str, str] | None = None) -> go.Figure:
    """The figure: the square, the aims, the circles, one marker per space and one dot per offer."""
    labels = {"team": "Team", "partners": "Partners", "strength": "Strength", "reach": "Reach", **(labels or {})}
    config, centres = spaces(), space_centres()
    fig = go.Figure()
    fig.add_shape(type="rect", x0=-1, y0=-1, x1=1, y1=1, line={"color": "#555", "width": 2})
    for key, (cx, cy) in centres.items():
        colour = config.spaces[key].colour
        fig.add_shape(
            type="circle",
            x0=cx - RADIUS,
            y0=cy - RADIUS,
            x1=cx + RADIUS,
            y1=cy + RADIUS,
            line={"color": colour, "width": 2},
            fillcolor=colour,
            opacity=0.15,
            layer="below",
        )
    for key, aim in config.aims.items():
        dx, dy = SIDES[aim.side]
        fig.add_annotation(
            x=dx * 1.1,
            y=dy * 1.1,
            text=f"<b>{html.escape(config.aim_name(key, lang))}</b>",
            showarrow=False,
            textangle=-90 if aim.side == "left" else (90 if aim.side == "right" else 0),
            font={"size": 15},
        )
    names = [config.space_name(k, lang) for k in SPACE_KEYS]
    fig.add_trace(
        go.Scatter(
            x=[centres[k][0] * 1.55 for k in SPACE_KEYS],
            y=[centres[k][1] * 1.55 for k in SPACE_KEYS],
            mode="markers+text",
            text=names,
            customdata=[[k] for k in SPACE_KEYS],
            name="spaces",
            marker={"size": 22, "color": [config.spaces[k].colour for k in SPACE_KEYS], "symbol": "square"},
            textposition="middle center",
            textfont={"size": 13},
            hovertemplate="%{text}<extra></extra>",
        )
    )
    if len(points):
        reach = points["reach"].clip(lower=0).astype(float)
        size = 8 + 32 * (reach / reach.max()).pow(0.5) if reach.max() > 0 else pd.Series(10.0, index=points.index)
        # One 2-D array, not a list of tuples: plotly checks a list cell by cell, an array at once.
        custom = np.column_stack(
            [
                points["map_space"].to_numpy(dtype=object),
                points["name"].map(_escaped).to_numpy(dtype=object),
                points["owner_team"].map(_escaped).to_numpy(dtype=object),
                points["partners"].map(_escaped).to_numpy(dtype=object),
                points["id"].to_numpy(dtype=object),
            ]
        )
        fig.add_trace(
            go.Scatter(
                x=points["x"],
                y=points["y"],
                mode="markers",
                name="offers",
                customdata=custom,
                marker={
                    "size": size,
                    "color": points["strength"],
                    "cmin": 1,
                    "cmax": 5,
                    "colorscale": "RdYlGn",
                    "colorbar": {"title": {"text": labels["strength"]}},
                    "line": {"width": 1, "color": "#333"},
                },
                hovertemplate=(
                    f"<b>%{{customdata[1]}}</b><br>{labels['team']}: %{{customdata[2]}}<br>"
                    f"{labels['partners']}: %{{customdata[3]}}<br>{labels['strength']}: %{{marker.color}}"
                    "<extra></extra>"
                ),
            )
        )
    fig.update_xaxes(range=[-1.25, 1.25], visible=False, fixedrange=True)
    fig.update_yaxes(range=[-1.25, 1.25], visible=False, scaleanchor="x", fixedrange=True)
    fig.update_layout(height=680, showlegend=False, margin={"l": 10, "r": 10, "t": 10, "b": 10}, dragmode=False)
    return localised(fig, lang)


def space_of_selection(selection: dict[str, object] | None) -> str | None:
    """The space a click on the map chose: a space marker, or the primary space of an offer's dot."""
    points = ((selection or {}).get("selection") or {}).get("points") or []  # type: ignore[attr-defined]
    for point in points:
        custom = point.get("customdata") if isinstance(point, dict) else None
        if custom and custom[0] in SPACE_KEYS:
            return str(custom[0])
    return None
