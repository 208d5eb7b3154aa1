"""The HTML report: one self-contained, printable document leadership can hand to staff and politicians.

A one-page summary first (summary.py), then the detail and an appendix with every answer (detail.py).
Every label comes from the locale files (the `report.` keys, passed in as `t`), numbers and dates are
written the report language's way, every piece of user text is escaped (markup.py). The week is read by
workshop.services.whole.reports."""

from __future__ import annotations

import datetime as dt

from plotly.offline import get_plotlyjs

from workshop.config.i18n import date_text
from workshop.files.report.detail import (
    appendix,
    choices_detail,
    participation_detail,
    ratings_detail,
    spaces_detail,
    themes_detail,
    votes_detail,
)
from workshop.files.report.markup import STYLE, esc, h, p
from workshop.files.report.partnership import assets_detail, partners_detail, screening_detail, verdicts_summary
from workshop.files.report.summary import actions_summary, decisions_summary, said_summary, spaces_summary
from workshop.files.report.voices import voices_detail
from workshop.files.report.week import Numbers, Week, Words


def _section(css: str, heading: str, parts: list[str]) -> str:
    """A section of the parts that have something to show (each part is "" without its data); none, no section."""
    shown = "".join(parts)
    return f'<section class="{css}">{heading}{shown}</section>' if shown else ""


def render(week: Week, today: dt.date, lang: str, t: Words) -> str:
    """The whole report as one HTML document in `lang`, its words from `t` (the `report.` locale keys).
    A part appears only when the workshop has its data: a partnership week shows its screening verdicts,
    partners and assets; a part without data is left out, never shown empty."""
    n = Numbers(lang)
    summary = [
        spaces_summary(week, lang, t, n),
        said_summary(week, lang, t),
        decisions_summary(week.themes, t),
        verdicts_summary(week, t),
        actions_summary(week.actions, lang, t),
    ]
    detail = [
        spaces_detail(week, lang, t, n),
        ratings_detail(week.answers, t, n),
        choices_detail(week.answers, week.options, t, n),
        voices_detail(week, t, n),
        participation_detail(week, t),
        themes_detail(week, lang, t),
        votes_detail(week.votes, t, n),
        screening_detail(week, lang, t),
        partners_detail(week, lang, t, n),
        assets_detail(week, t),
    ]
    body = "".join(
        [
            f"<h1>{esc(week.name)}</h1>",
            p(f"{t('report.title')} · {t('report.generated', date=date_text(today, lang))}", "muted"),
            _section("summary", h(2, t("report.summary")), summary),
            _section("part", h(2, t("report.detail")), detail),
            _section("part", "", [appendix(week, lang, t)]),
        ]
    )
    # plotly.js once, before the first chart, when the report has one: the file reads offline.
    library = f"<script>{get_plotlyjs()}</script>" if 'class="plotly-graph-div"' in body else ""
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(week.name)}</title><style>{STYLE}</style></head><body>{library}{body}</body></html>"
    )
