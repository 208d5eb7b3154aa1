"""Widgets of the consolidated view: the filters, a pager for long lists, and one function per tab of the
overview page. Each tab reads its own cached piece (ui.data.overview_*), so only the open tab costs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import data
from ui.context import lang, t, workshop_id
from ui.leave_out import leave_out_form
from ui.widgets import headed, labels_now, md, multiselect, option, page_number, pager, plain, question_ref
from workshop.charts.answer_charts import attention_chart, choice_bars, rating_bars
from workshop.config.i18n import number
from workshop.config.spaces import spaces
from workshop.domain import consolidation as cons
from workshop.domain.keyterms import term_languages
from workshop.domain.model import SPACE_KEYS
from workshop.services.whole.overview import PAGE_SIZE, Head, Options, Page, View, page_of

CHARTS_PER_PAGE = 10
OPEN_POINTS = "overview-open-points"  # main point sections open in this session: {point_page_key: open}


def filters(head: Options) -> cons.Filters:
    """Team, day, space and main point pickers; nothing picked means everything."""
    points = {p.id: p.title for p in head.points}
    a, b, c, d = st.columns(4)
    return cons.Filters(
        teams=tuple(multiselect(a, t("overview.filter_team"), head.teams, key="f_team", format_func=option)),
        days=tuple(
            multiselect(
                b,
                t("overview.filter_day"),
                head.days,
                format_func=labels_now(head.days, lambda n: t("setup.day_n", n=n)),
            )
        ),
        spaces=tuple(
            multiselect(
                c,
                t("overview.filter_space"),
                SPACE_KEYS,
                format_func=labels_now(SPACE_KEYS, lambda k: spaces().space_name(k, lang())),
            )
        ),
        main_point_ids=tuple(
            multiselect(
                d,
                t("overview.filter_main_point"),
                [*points, None],
                format_func=labels_now(
                    [*points, None], lambda k: option(points[k]) if k is not None else t("overview.no_main_point")
                ),
            )
        ),
    )


def figures(where: st.delta_generator.DeltaGenerator, head: Head) -> bool:
    """The figures above the tabs; False (with a message) when no answer matches the filters."""
    a, b, c = where.columns(3)
    a.metric(t("overview.answers"), f"{head.shown} / {head.total}")
    b.metric(t("overview.teams_answered"), f"{head.teams_answered} / {head.teams}")
    c.metric(t("overview.unthemed"), head.unthemed)
    if not head.shown:
        where.info(t("overview.nothing_matches"))
    return bool(head.shown)


def by_main_point(view: View) -> None:
    groups = view.body
    for point, page in groups:
        title = md(point.title) if point else t("overview.no_main_point")
        # Drawn only once opened (a page of cards per main point, all at once, cost half a second at M).
        # The label carries the count, and a changed label is a new expander that starts from `expanded`:
        # it starts as it was, so a team's new answer does not close the section leadership is reading.
        was_open = st.session_state.setdefault(OPEN_POINTS, {})
        key = point_page_key(point)
        label = f"{title} ({page.count})"
        group = st.expander(label, expanded=was_open.get(key, False), key=f"open_{key}", on_change="rerun")
        was_open[key] = bool(group.open)
        if not group.open:
            continue
        with group:
            if point is not None and point.description:
                st.caption(md(point.description))
            if not page.count:
                st.info(t("overview.no_answers_here"))
            else:
                answer_rows(page.rows)
                rows_pager(page, point_page_key(point))


TABLE_VIEW = "overview-table-view"  # the toggle: answers as a table to sort, instead of cards to read


def answer_rows(rows: pd.DataFrame) -> None:
    """A page of answers (consolidation.answers_table) as full-text cards, one per answer: the team, the day
    and question, the whole answer and its spaces (a grid cuts long answers off, and a phone reads cards);
    or, with the table view on, as a table to sort."""
    if st.session_state.get(TABLE_VIEW):
        st.dataframe(headed(rows), hide_index=True, width="stretch")
        return
    names = {key: spaces().space_name(key, lang()) for key in SPACE_KEYS}
    for row in rows.itertuples():
        with st.container(border=True):
            plain(row.team)
            st.caption(t("overview.card_question", day=row.day))
            plain(row.question)
            if row.answer:
                plain(row.answer)
            if row.spaces:
                named = ", ".join(names.get(s, s) for s in str(row.spaces).split(", "))
                st.caption(t("log.card_spaces", spaces=named))


def rows_pager(page: Page, key: str) -> None:
    """Which rows of a table are shown out of how many, and the page picker (the page was read before the
    table, with page_number(key))."""
    pager(page.count, PAGE_SIZE, key, "overview.page", "overview.rows_shown", always=True)


def point_page_key(point: object) -> str:
    return f"page_point_{getattr(point, 'id', 'none')}"


def side_by_side(view: View) -> None:
    st.dataframe(headed(view.body.rows), hide_index=True, width="stretch")
    rows_pager(view.body, "page_side")


def ratings(view: View) -> None:
    dist = view.body
    if dist.empty:
        st.info(t("overview.no_ratings"))
        return
    st.plotly_chart(
        rating_bars(dist, lang(), axis=t("overview.chart_teams"), legend=t("overview.chart_rating")), width="stretch"
    )
    means = [number(v, lang(), 2) for v in dist["mean"]]  # 3,4 in Danish, not 3.4
    st.dataframe(headed(dist.drop(columns="question_id").assign(mean=means)), hide_index=True, width="stretch")


def choices(view: View) -> None:
    tallies = view.body
    if tallies.empty:
        st.info(t("overview.no_choices"))
        return
    # A chart per question: a big week shows them CHARTS_PER_PAGE at a time.
    asked = pd.DataFrame({"question_id": tallies["question_id"].unique()})
    page = page_of(asked, page_number("page_choices"), CHARTS_PER_PAGE)
    shown = tallies[tallies["question_id"].isin(page.rows["question_id"])]
    for _qid, group in shown.groupby("question_id", sort=False):
        plain(group["question"].iloc[0])
        st.plotly_chart(choice_bars(group, lang(), axis=t("overview.chart_teams")), width="stretch")
    pager(page.count, CHARTS_PER_PAGE, "page_choices", "overview.page", "overview.questions_shown", always=True)


def _in_words(matrix: pd.DataFrame) -> pd.DataFrame:
    """The participation matrix's states in the session's language. One lookup per cell on a plain array:
    DataFrame.replace on its string columns took 0.3 s at M (50 teams × 40 questions), on every rerun."""
    words = {s: t(f"participation.{s}") for s in (cons.ANSWERED, cons.DRAFT, cons.MISSING)}
    cells = matrix.to_numpy(dtype=object)
    shown = [[words.get(cell, cell) for cell in row] for row in cells]
    return pd.DataFrame(shown, index=matrix.index, columns=matrix.columns, dtype=object)


def participation(view: View) -> None:
    matrix, summary = view.body
    st.caption(t("overview.participation_help"))
    st.dataframe(headed(_in_words(matrix).rename(columns=question_ref)))
    st.dataframe(headed(summary), width="stretch")


def key_terms(view: View) -> None:
    terms = view.body
    if terms.empty or terms["term"].empty:
        st.info(t("overview.no_terms"))
    else:
        st.dataframe(headed(terms), hide_index=True, width="stretch")
    if (wid := workshop_id()) is not None:
        with st.expander(t("terms.leave_out")):
            leave_out_form(int(wid))


def against_the_gaps(view: View) -> None:
    frame: pd.DataFrame = view.body
    st.caption(t("overview.gaps_help"))
    names = (t("overview.chart_answers"), t("overview.chart_gap"))
    st.plotly_chart(attention_chart(frame, lang(), names=names), width="stretch")
    for row in frame.itertuples():
        name = spaces().space_name(row.key, lang())
        message = t(f"gaps.verdict.{row.verdict}", space=name, n=row.answers)
        (st.warning if row.verdict == "weak_silent" else st.info if row.weak else st.success)(message)


def unthemed(view: View) -> None:
    st.caption(t("overview.unthemed_count", open=view.body.count, n=view.head.shown))
    answer_rows(view.body.rows)
    rows_pager(view.body, "page_unthemed")
    st.page_link("pages/themes.py", label=t("nav.themes"), icon="🧩")


def read_tab(tab: str, wid: int, chosen: cons.Filters, options: Options, language: str) -> View:
    """The open tab's cached piece, with the page each of its lists is on."""
    if tab == "points":
        keys = [point_page_key(p) for p in options.points] + [point_page_key(None)]
        return data.overview_by_main_point(wid, chosen, tuple(page_number(k) for k in keys))
    if tab == "side":
        return data.overview_side_by_side(wid, chosen, page_number("page_side"))
    if tab == "unthemed":
        return data.overview_unthemed(wid, chosen, page_number("page_unthemed"))
    if tab == "terms":
        return data.overview_key_terms(wid, chosen, term_languages(language))
    reads = {
        "ratings": data.overview_ratings,
        "choices": data.overview_choices,
        "participation": data.overview_participation,
        "gaps": data.overview_against_the_gaps,
    }
    return reads[tab](wid, chosen)


SHOW = {
    "points": by_main_point,
    "side": side_by_side,
    "ratings": ratings,
    "choices": choices,
    "participation": participation,
    "terms": key_terms,
    "gaps": against_the_gaps,
    "unthemed": unthemed,
}
