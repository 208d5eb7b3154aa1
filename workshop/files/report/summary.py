"""The report's one-page summary: the strongest and weakest spaces and aims in plain words, what staff said
about each main point, the decisions taken, the actions and their owners."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from workshop.config.i18n import date_text
from workshop.config.stopwords import reading
from workshop.domain import consolidation as cons
from workshop.domain.keyterms import key_terms, left_out
from workshop.domain.model import LANGUAGES, Theme, ThemeStatus
from workshop.files.report.markup import esc, h, p, table
from workshop.files.report.week import TERMS, Numbers, Week, Words, name


def _extremes(scores: pd.DataFrame, kind: str, lang: str, t: Words, n: Numbers) -> list[str]:
    """The weakest (largest gap) and strongest (smallest gap) space or aim, in a sentence each."""
    if scores.empty or float(scores["coverage"].sum()) <= 0:
        return []
    weakest = scores.loc[scores["gap"].idxmax()]
    strongest = scores.loc[scores["gap"].idxmin()]
    return [
        t(
            f"report.weakest_{kind}",
            name=name(str(weakest["key"]), lang),
            share=n.share(weakest["share"]),
            target=n.share(weakest["target_share"]),
        ),
        t(
            f"report.strongest_{kind}",
            name=name(str(strongest["key"]), lang),
            share=n.share(strongest["share"]),
            target=n.share(strongest["target_share"]),
        ),
    ]


def spaces_summary(week: Week, lang: str, t: Words, n: Numbers) -> str:
    sentences = _extremes(week.space_scores, "space", lang, t, n) + _extremes(week.aim_scores, "aim", lang, t, n)
    if sentences:
        scored = [s for s in (week.space_scores, week.aim_scores) if not s.empty]
        weak = [name(str(k), lang) for s in scored for k in s.loc[s["weak"].astype(bool), "key"]]
        strong = [name(str(k), lang) for s in scored for k in s.loc[s["strong"].astype(bool), "key"]]
        sentences.append(t("report.weak_spots", names=", ".join(weak)) if weak else t("report.no_weak_spots"))
        if strong:
            sentences.append(t("report.strong_points", names=", ".join(strong)))
    if not week.staff.empty:
        for row in week.staff[week.staff["differs"].astype(bool)].itertuples():
            sentences.append(
                t(
                    "report.staff_differs",
                    name=name(str(row.space), lang),
                    staff=n.mean(row.team_mean),
                    mapped=n.mean(row.mapped_mean),
                )
            )
    if not sentences:
        return ""
    return h(3, t("report.summary_spaces")) + "".join(p(s) for s in sentences)


def said_summary(week: Week, lang: str, t: Words) -> str:
    if week.answers.empty:
        return ""
    parts = [h(3, t("report.staff_said"))]
    langs = [x for x in dict.fromkeys((week.language, lang)) if x in LANGUAGES]
    # The stop words, the names the answers write and the workshop's own words to leave out.
    stop = left_out(week.answers["text"].fillna(""), reading(langs).stop_words, week.leave_out)
    items = []
    for point, rows in cons.by_main_point(week.answers, week.points, table=lambda rows: rows):
        title = point.title if point else t("report.none")
        texts = rows["text"].fillna("")
        terms = ", ".join(key_terms(texts, stop, TERMS, week.language)["term"]) if not rows.empty else ""
        count = t("report.answers", n=len(rows))
        said = (
            t("report.point_said", point=title, answers=count, terms=terms)
            if terms
            else t("report.point_said_no_terms", point=title, answers=count)
        )
        items.append(f"<li>{esc(said)}</li>")
    return "".join(parts) + f"<ul>{''.join(items)}</ul>"


def decisions_summary(themes: Sequence[Theme], t: Words) -> str:
    if not themes:
        return ""
    parts = [h(3, t("report.decisions"))]
    decided = [theme for theme in themes if theme.status != ThemeStatus.OPEN]
    if not decided:
        parts.append(p(t("report.no_decisions")))
    else:
        items = []
        for theme in decided:
            note = f" — {esc(theme.decision)}" if theme.decision else ""
            items.append(
                f"<li><strong>{esc(theme.title)}</strong>: {esc(t(f'theme_status.{theme.status.value}'))}{note}</li>"
            )
        parts.append(f"<ul>{''.join(items)}</ul>")
    still_open = len(themes) - len(decided)
    if still_open:
        parts.append(p(t("report.still_open", n=still_open), "muted"))
    return "".join(parts)


def actions_summary(marked: pd.DataFrame, lang: str, t: Words) -> str:
    if marked.empty:
        return ""
    parts = [h(3, t("report.actions"))]
    rows, classes = [], []
    for row in marked.itertuples():
        status = t(f"report.action_status.{row.status}")
        overdue = bool(getattr(row, "overdue", False))
        if overdue:
            status += f", {t('report.overdue')}"
        due = date_text(row.due, lang) if isinstance(row.due, dt.date) else ""
        space = name(str(row.space), lang) if isinstance(row.space, str) and row.space else ""
        rows.append([row.title, row.owner or t("report.no_owner"), due, space, status])
        classes.append("overdue" if overdue else "")
    header = [t(f"report.col.{c}") for c in ("action", "owner", "due", "space", "status")]
    return "".join(parts) + table(header, rows, classes)
