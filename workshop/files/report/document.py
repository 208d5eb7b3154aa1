"""The HTML report: one self-contained, printable document leadership can hand to staff and politicians.

A one-page summary first (summary.py), then the detail and an appendix with every answer (detail.py).
Every label comes from the locale files (the `report.` keys, passed in as `t`), numbers and dates are
written the report language's way, every piece of user text is escaped (markup.py). The week is read by
workshop.services.reports."""

from __future__ import annotations

import datetime as dt

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
from workshop.files.report.summary import actions_summary, decisions_summary, said_summary, spaces_summary
from workshop.files.report.week import Numbers, Week, Words


def render(week: Week, today: dt.date, lang: str, t: Words) -> str:
    """The whole report as one HTML document in `lang`, its words from `t` (the `report.` locale keys)."""
    n = Numbers(lang)
    summary = [
        spaces_summary(week, lang, t, n),
        said_summary(week, lang, t),
        decisions_summary(week.themes, t),
        actions_summary(week.actions, lang, t),
    ]
    body = [
        f"<h1>{esc(week.name)}</h1>",
        p(f"{t('report.title')} · {t('report.generated', date=date_text(today, lang))}", "muted"),
        f'<section class="summary">{h(2, t("report.summary"))}{"".join(summary)}</section>',
        f'<section class="part">{h(2, t("report.detail"))}',
        spaces_detail(week, lang, t, n),
        ratings_detail(week.answers, t, n),
        choices_detail(week.answers, week.options, t, n),
        participation_detail(week, t),
        themes_detail(week, lang, t),
        votes_detail(week.votes, t, n),
        "</section>",
        f'<section class="part">{appendix(week, lang, t)}</section>',
    ]
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(week.name)}</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )
