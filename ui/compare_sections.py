"""The compare page's year-over-year sections: matched questions' answers then and now, matching by hand,
and what became of the earlier workshop's actions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import lang, t
from ui.widgets import bold, md, option, plain, tr
from workshop.charts.compare_charts import paired_chart
from workshop.config.i18n import number, percent
from workshop.domain.model import Action, ActionStatus
from workshop.domain.year_over_year import candidates
from workshop.services.register.comparison import PairedAnswers, YearOverYear

BY_HAND = "compare_by_hand"  # session: {earlier workshop id: {this workshop's question id: earlier question id}}


def by_hand(other: int) -> dict[int, int]:
    """Leadership's matches by hand for this pair of workshops, kept for the session (not stored)."""
    store: dict[int, dict[int, int]] = st.session_state.setdefault(BY_HAND, {})
    return store.setdefault(other, {})


def _pair(pair: PairedAnswers, names: tuple[str, str]) -> None:
    now, then = pair.match.after, pair.match.before
    bold(now.text)
    if pair.match.by_hand:
        st.caption(tr("compare.yoy.matched_with", text=then.text, name=names[0]))
    if pair.counts is not None:
        st.plotly_chart(paired_chart(pair.counts, names, lang(), title=now.text), width="stretch")
        return
    for column, name, texts in zip(st.columns(2), names, pair.texts, strict=True):
        with column:
            st.caption(tr("compare.yoy.column", name=name, n=len(texts)))
            for text in texts:
                plain(text)


def answers_section(result: YearOverYear, names: tuple[str, str], other: int) -> None:
    """Every matched question's answers then and now; then the questions that may still be matched by hand."""
    st.subheader(t("compare.yoy.answers"))
    st.caption(tr("compare.yoy.answers_help", before=names[0], after=names[1]))
    if not result.pairs:
        st.info(t("compare.yoy.no_pairs"))
    for pair in result.pairs:
        _pair(pair, names)
    matches = by_hand(other)
    with st.expander(t("compare.yoy.by_hand"), expanded=not result.pairs):
        st.caption(t("compare.yoy.by_hand_help"))
        after = {q.id: q for q in result.unmatched_after}
        now = st.selectbox(
            t("compare.yoy.pick_now"), list(after), format_func=lambda k: option(after[k].text), key="yoy_now"
        )
        fitting = {q.id: q for q in candidates(result.unmatched_before, after[now])} if now is not None else {}
        then = st.selectbox(
            tr("compare.yoy.pick_then", name=names[0]),
            list(fitting),
            format_func=lambda k: option(fitting[k].text),
            key="yoy_then",
        )
        picked = st.button(t("compare.yoy.match"), disabled=now is None or then is None)
        if picked and now is not None and then is not None:
            matches[now] = then
            st.rerun()
        if matches and st.button(t("compare.yoy.forget")):
            matches.clear()
            st.rerun()


def _action_line(action: Action) -> str:
    status = t(f"action_status.{ActionStatus(action.status).value}")
    owner = action.owner or t("compare.yoy.no_owner")
    return f"- {md(action.title)} — {md(owner)} ({status})"


def actions_section(result: YearOverYear, names: tuple[str, str]) -> None:
    """The earlier workshop's actions: done, and not done (with their status)."""
    st.subheader(tr("compare.yoy.actions", name=names[0]), anchor=False)
    if not result.actions_done and not result.actions_not_done:
        st.info(t("compare.yoy.no_actions"))
        return
    total = len(result.actions_done) + len(result.actions_not_done)
    st.caption(t("compare.yoy.actions_count", done=len(result.actions_done), n=total))
    for heading, listed in (
        (t("compare.yoy.done"), result.actions_done),
        (t("compare.yoy.not_done"), result.actions_not_done),
    ):
        bold(heading)
        st.markdown("\n".join(_action_line(a) for a in listed) if listed else t("compare.yoy.none"))


def figures_as_written(compared: pd.DataFrame, language: str) -> dict[str, list[str]]:
    """The compare table's figures as the language writes them: coverage as a number, shares as
    percentages, gaps as signed percentages (0.272 → 27,2 %; 0.05 → +5,0 %)."""
    columns: dict[str, list[str]] = {}
    for when in ("before", "after"):
        columns[f"coverage_{when}"] = [number(v, language) for v in compared[f"coverage_{when}"]]
        columns[f"share_{when}"] = [percent(v, language, 1) for v in compared[f"share_{when}"]]
        columns[f"gap_{when}"] = [percent(v, language, 1, sign=True) for v in compared[f"gap_{when}"]]
    return columns
