"""The report's HTML pieces: the style sheet, escaped text, tables, charts and the four spaces map.
Every piece of user text goes through html.escape, without the direction controls the pages drop too
(workshop.domain.plain_text.neutral); the charts embed plotly.js, so the file reads offline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.labels import localised
from workshop.config.i18n import percent
from workshop.config.spaces import spaces
from workshop.domain.plain_text import html_text

STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:.9em}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f3f3f3}.overdue{color:#b2182b;font-weight:bold}.muted{color:#666}
h2{border-bottom:2px solid #2E86AB;padding-bottom:.2em;margin-top:2em}
.summary p,.summary li{margin:.25em 0}.summary h3{margin:.8em 0 .2em}.summary table{font-size:.85em}
@media print{body{margin:0;max-width:none}.part{page-break-before:always}.plot,tr{page-break-inside:avoid}}
"""


def esc(value: object) -> str:
    """Any value as escaped HTML text (None and NaN as empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return html_text(value)


def table(header: Sequence[str], rows: Iterable[Sequence[object]], classes: Sequence[str] = ()) -> str:
    """An HTML table with every cell escaped; `classes` gives a class per row (may be shorter)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{esc(classes[i])}"' if i < len(classes) and classes[i] else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def frame_table(frame: pd.DataFrame) -> str:
    """table() of a frame, escaped a column at a time (a report at L has 100,000 answers in tables)."""
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    columns = [[html_text(v) if type(v) is str else esc(v) for v in frame[c].tolist()] for c in frame.columns]
    body = "".join("<tr><td>" + "</td><td>".join(cells) + "</td></tr>" for cells in zip(*columns, strict=True))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


QUADRANT = {"learning": (130, 130), "inspiration": (270, 130), "meeting": (130, 270), "performative": (270, 270)}
SIDES = {
    "top": (200, 22, "middle"),
    "bottom": (200, 390, "middle"),
    "left": (8, 205, "start"),
    "right": (392, 205, "end"),
}


def four_spaces_map(scores: pd.DataFrame, lang: str) -> str:
    """The model drawn as in the paper: aims on the sides of a square, a circle per space sized by its
    share of coverage; a weak spot has a dashed red ring. Inline SVG, so it prints and reads offline."""
    config = spaces()
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">',
        '<rect x="40" y="40" width="320" height="320" fill="none" stroke="#999"/>',
    ]
    for aim in config.aims.values():
        x, y, anchor = SIDES[aim.side]
        parts.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="13">{esc(aim.name.get(lang))}</text>')
    for row in scores.itertuples():
        cx, cy = QUADRANT[row.key]
        radius = 30 + 110 * float(row.share)
        ring = 'stroke="#b2182b" stroke-width="4" stroke-dasharray="8 4"' if row.weak else 'stroke="none"'
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{radius:.1f}" fill="{config.spaces[row.key].colour}" '
            f'fill-opacity="0.55" {ring}/>'
            f'<text x="{cx}" y="{cy}" text-anchor="middle" font-size="12">'
            f"{esc(config.space_name(row.key, lang))}</text>"
            f'<text x="{cx}" y="{cy + 16}" text-anchor="middle" font-size="12">{esc(percent(row.share, lang))}</text>'
        )
    return "".join(parts) + "</svg>"


def p(text: str, css: str = "") -> str:
    return f'<p class="{css}">{esc(text)}</p>' if css else f"<p>{esc(text)}</p>"


def h(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def plot(figure: go.Figure, with_library: bool, lang: str) -> str:
    """A chart as a div, its axis numbers written the language's way (25 % and 1,5 in Danish)."""
    localised(figure, lang)
    body = figure.to_html(full_html=False, include_plotlyjs=with_library, config={"displayModeBar": False})
    return f'<div class="plot">{body}</div>'
