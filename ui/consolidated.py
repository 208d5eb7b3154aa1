"""Widgets of the consolidated view: the filters and one function per tab of the overview page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import lang, t
from ui.widgets import plain
from workshop import consolidation as cons
from workshop.charts.consolidated import attention_chart, choice_bars, rating_bars
from workshop.gaps import against_gaps, attention, concerned_spaces
from workshop.keyterms import key_terms_by_main_point
from workshop.model import SPACE_KEYS
from workshop.services.consolidation import WeekMaterial, question_options
from workshop.spaces import spaces


def filters(material: WeekMaterial) -> cons.Filters:
    """Team, day, space and main point pickers; nothing picked means everything."""
    points = {p.id: p.title for p in material.points}
    days = sorted({int(d) for d in material.questions["day"]}) if not material.questions.empty else []
    a, b, c, d = st.columns(4)
    return cons.Filters(
        teams=tuple(a.multiselect(t("overview.filter_team"), material.teams, key="f_team")),
        days=tuple(b.multiselect(t("overview.filter_day"), days, format_func=lambda n: t("setup.day_n", n=n))),
        spaces=tuple(
            c.multiselect(t("overview.filter_space"), SPACE_KEYS, format_func=lambda k: spaces().space_name(k, lang()))
        ),
        main_point_ids=tuple(
            d.multiselect(
                t("overview.filter_main_point"),
                [*points, None],
                format_func=lambda k: points[k] if k is not None else t("overview.no_main_point"),
            )
        ),
    )


def by_main_point(answers: pd.DataFrame, material: WeekMaterial) -> None:
    for point, table in cons.by_main_point(answers, material.points):
        title = point.title if point else t("overview.no_main_point")
        with st.expander(f"{title} ({len(table)})", expanded=False):
            if point is not None and point.description:
                st.caption(point.description)
            if table.empty:
                st.info(t("overview.no_answers_here"))
            else:
                st.dataframe(table, hide_index=True, width="stretch")


def side_by_side(answers: pd.DataFrame) -> None:
    st.dataframe(cons.side_by_side(answers), hide_index=True, width="stretch")


def ratings(answers: pd.DataFrame) -> None:
    dist = cons.rating_distribution(answers)
    if dist.empty:
        st.info(t("overview.no_ratings"))
        return
    st.plotly_chart(rating_bars(dist), width="stretch")
    st.dataframe(dist, hide_index=True, width="stretch")


def choices(answers: pd.DataFrame, material: WeekMaterial) -> None:
    tallies = cons.choice_tallies(answers, question_options(material.questions))
    if tallies.empty:
        st.info(t("overview.no_choices"))
        return
    for _qid, group in tallies.groupby("question_id", sort=False):
        plain(group["question"].iloc[0])
        st.plotly_chart(choice_bars(group), width="stretch")


def participation(answers: pd.DataFrame, material: WeekMaterial) -> None:
    matrix = cons.participation(answers, material.drafts, material.teams, material.questions)
    st.caption(t("overview.participation_help"))
    st.dataframe(matrix.replace({s: t(f"participation.{s}") for s in (cons.ANSWERED, cons.DRAFT, cons.MISSING)}))
    st.dataframe(cons.participation_summary(matrix), width="stretch")


def key_terms(answers: pd.DataFrame, material: WeekMaterial, language: str) -> None:
    terms = key_terms_by_main_point(answers, material.points, sorted({language, "en"}))
    if terms.empty or terms["term"].empty:
        st.info(t("overview.no_terms"))
        return
    st.dataframe(terms, hide_index=True, width="stretch")


def against_the_gaps(answers: pd.DataFrame, material: WeekMaterial, scores: pd.DataFrame) -> None:
    concerned = concerned_spaces(answers, material.questions, material.points) if not answers.empty else pd.Series()
    frame = against_gaps(attention(answers, concerned), scores)
    st.caption(t("overview.gaps_help"))
    st.plotly_chart(attention_chart(frame, lang()), width="stretch")
    for row in frame.itertuples():
        name = spaces().space_name(row.key, lang())
        message = t(f"gaps.verdict.{row.verdict}", space=name, n=row.answers)
        (st.warning if row.verdict == "weak_silent" else st.info if row.weak else st.success)(message)


def unthemed(answers: pd.DataFrame, material: WeekMaterial) -> None:
    rest = cons.unthemed(answers, material.themed_ids)
    st.caption(t("overview.unthemed_count", n=len(rest), total=len(answers)))
    st.dataframe(cons.answers_table(rest), hide_index=True, width="stretch")
    st.page_link("pages/themes.py", label=t("nav.themes"), icon="🧩")
