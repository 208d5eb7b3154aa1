"""The HTML report: one self-contained, printable file leadership can hand out. Every piece of user
text goes through html.escape; the charts (space names only) embed plotly.js, so it reads offline.
The week is read by workshop.services.reports; this module only writes the document."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from workshop.charts.answer_charts import coverage_chart, gap_chart
from workshop.config.spaces import spaces
from workshop.domain import consolidation as cons
from workshop.domain.gaps import against_gaps, attention, concerned_spaces
from workshop.domain.model import MainPoint, Theme

LABELS = {
    "en": {
        "report": "Strategy week report", "generated": "Generated", "spaces": "The four spaces: coverage and gaps",
        "share": "Share of coverage per space (line: the share its weight asks for)",
        "gap": "Gap per space (above zero: under-served; red: weak spot, blue: strong)",
        "against": "Answers against the gaps", "points": "Answers by main point", "none": "Not tied to a main point",
        "ratings": "Ratings", "choices": "Choices", "participation": "Participation", "themes": "Themes and decisions",
        "actions": "Actions", "overdue": "overdue", "no_answers": "No answers.", "no_themes": "No themes yet.",
        "no_actions": "No actions yet.", "answers_behind": "Answers behind this decision",
    },
    "da": {
        "report": "Rapport fra strategiugen", "generated": "Lavet", "spaces": "De fire rum: dækning og huller",
        "share": "Andel af dækningen pr. rum (streg: den andel vægten beder om)",
        "gap": "Hul pr. rum (over nul: underdækket; rød: svagt punkt, blå: stærkt)",
        "against": "Svarene over for hullerne", "points": "Svar efter hovedpunkt",
        "none": "Ikke knyttet til et hovedpunkt",
        "ratings": "Vurderinger", "choices": "Valg", "participation": "Deltagelse", "themes": "Temaer og beslutninger",
        "actions": "Handlinger", "overdue": "forsinket", "no_answers": "Ingen svar.",
        "no_themes": "Ingen temaer endnu.", "no_actions": "Ingen handlinger endnu.",
        "answers_behind": "Svarene bag beslutningen",
    },
}  # fmt: skip
STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:.9em}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f3f3f3}.overdue{color:#b2182b;font-weight:bold}.muted{color:#666}
h2{border-bottom:2px solid #2E86AB;padding-bottom:.2em;margin-top:2em}
@media print{h2{page-break-before:always}h2:first-of-type{page-break-before:avoid}.plot{page-break-inside:avoid}}
"""


def esc(value: object) -> str:
    """Any value as escaped HTML text (None and NaN as empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return html.escape(str(value), quote=True)


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
    columns = [
        [html.escape(v, quote=True) if type(v) is str else esc(v) for v in frame[c].tolist()] for c in frame.columns
    ]
    body = "".join("<tr><td>" + "</td><td>".join(cells) + "</td></tr>" for cells in zip(*columns, strict=True))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


QUADRANT = {"learning": (130, 130), "inspiration": (270, 130), "meeting": (130, 270), "performative": (270, 270)}
SIDES = {"top": (200, 22, "middle"), "bottom": (200, 390, "middle"), "left": (8, 205, "start"),
         "right": (392, 205, "end")}  # fmt: skip


def four_spaces_map(scores: pd.DataFrame, lang: str) -> str:
    """The model drawn as in the paper: aims on the sides of a square, a circle per space sized by its
    share of coverage; a weak spot has a dashed red ring. Inline SVG, so it prints and reads offline."""
    config = spaces()
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">',
             '<rect x="40" y="40" width="320" height="320" fill="none" stroke="#999"/>']  # fmt: skip
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
            f'<text x="{cx}" y="{cy + 16}" text-anchor="middle" font-size="12">{float(row.share):.0%}</text>'
        )
    return "".join(parts) + "</svg>"


def _points_section(answers: pd.DataFrame, points: Sequence[MainPoint], words: dict[str, str]) -> str:
    parts = [f"<h2>{esc(words['points'])}</h2>"]
    for point, group in cons.by_main_point(answers, points):
        parts.append(f"<h3>{esc(point.title if point else words['none'])}</h3>")
        if point is not None and point.description:
            parts.append(f'<p class="muted">{esc(point.description)}</p>')
        parts.append(frame_table(group) if not group.empty else f"<p>{esc(words['no_answers'])}</p>")
    return "".join(parts)


@dataclass(frozen=True)
class Week:
    """What the report shows of a workshop, as the services read it."""

    name: str
    language: str
    answers: pd.DataFrame  # services.week_material.consolidation_answers
    points: Sequence[MainPoint]
    questions: pd.DataFrame  # services.week_material.questions_frame
    options: dict[int, list[str]]  # services.week_material.question_options
    drafts: pd.DataFrame  # services.week_material.drafts_frame
    teams: list[str]
    space_scores: pd.DataFrame  # services.priorities.workshop_scores(...).spaces
    themes: Sequence[Theme]
    actions: pd.DataFrame  # services.actions.with_overdue(actions_frame(...), today)


def _themes_section(themes: Sequence[Theme], answers: pd.DataFrame, words: dict[str, str]) -> str:
    parts = [f"<h2>{esc(words['themes'])}</h2>"]
    if not themes:
        parts.append(f"<p>{esc(words['no_themes'])}</p>")
    table_of = cons.answers_table(answers).set_index("id") if not answers.empty else None
    for theme in themes:
        parts.append(f"<h3>{esc(theme.title)} <small>[{esc(theme.status.value)}]</small></h3>")
        if theme.decision:
            parts.append(f"<p>{esc(theme.decision)}</p>")
        if theme.response_ids and table_of is not None:
            linked = table_of.loc[[r for r in theme.response_ids if r in table_of.index]].reset_index()
            parts.append(f"<h4>{esc(words['answers_behind'])}</h4>{frame_table(linked)}")
    return "".join(parts)


def _actions_section(marked: pd.DataFrame, words: dict[str, str]) -> str:
    if marked.empty:
        return f"<h2>{esc(words['actions'])}</h2><p>{esc(words['no_actions'])}</p>"
    marked = marked.copy()
    marked["overdue"] = marked["overdue"].map(lambda o: words["overdue"] if o else "")
    shown = marked[["title", "owner", "space", "due", "status", "overdue"]]
    classes = ["overdue" if o else "" for o in marked["overdue"]]
    return f"<h2>{esc(words['actions'])}</h2>" + table(list(shown.columns), shown.itertuples(index=False), classes)


def render(week: Week, today: dt.date, lang: str | None = None) -> str:
    """The whole report as one HTML document, in `lang` (else the workshop's language)."""
    lang = lang or week.language
    words = LABELS.get(lang, LABELS["en"])
    answers, points, questions, space_scores = week.answers, week.points, week.questions, week.space_scores
    charts = [
        coverage_chart(space_scores, lang, words["share"]).to_html(full_html=False, include_plotlyjs=True),
        gap_chart(space_scores, lang, words["gap"]).to_html(full_html=False, include_plotlyjs=False),
    ]
    concerned = concerned_spaces(answers, questions, points) if not answers.empty else pd.Series(dtype=object)
    gaps = against_gaps(attention(answers, concerned), space_scores)
    gaps["key"] = gaps["key"].map(lambda k: spaces().space_name(k, lang))
    matrix = cons.participation(answers, week.drafts, week.teams, questions)
    body = [
        f"<h1>{esc(week.name)}</h1>",
        f'<p class="muted">{esc(words["report"])} · {esc(words["generated"])} {esc(today.isoformat())}</p>',
        f"<h2>{esc(words['spaces'])}</h2>",
        f'<div class="plot">{four_spaces_map(space_scores, lang)}</div>',
        *(f'<div class="plot">{c}</div>' for c in charts),
        frame_table(space_scores.assign(key=space_scores["key"].map(lambda k: spaces().space_name(k, lang))).round(3)),
        f"<h3>{esc(words['against'])}</h3>",
        frame_table(gaps.round(3)),
        _points_section(answers, points, words),
        f"<h2>{esc(words['ratings'])}</h2>",
        frame_table(cons.rating_distribution(answers)),
        f"<h2>{esc(words['choices'])}</h2>",
        frame_table(cons.choice_tallies(answers, week.options)),
        f"<h2>{esc(words['participation'])}</h2>",
        frame_table(cons.participation_summary(matrix).reset_index()),
        _themes_section(week.themes, answers, words),
        _actions_section(week.actions, words),
    ]
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(week.name)}</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )
