"""The morning meeting's pieces besides the day board (ui.wall): the closed day's recap, and the facilitator's
controls (projector link, quotes, participation)."""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.context import engine, lang, t
from ui.overview_tabs import participation
from ui.wall import app_url
from ui.widgets import error_edge, labels_now, md, multiselect, option, plain
from workshop.config.i18n import date_time, number
from workshop.domain import consolidation as cons
from workshop.domain.model import Day, DayStatus, QuestionKind
from workshop.domain.recap import CHOICE_KINDS, MAX_QUOTES, RATING_KINDS
from workshop.services.week.morning import (
    app_link,
    new_projector_link,
    projector_link_made,
    revoke_projector_link,
    set_quotes,
)
from workshop.services.week.morning_view import Desk

REFRESH_SECONDS = 5
# Projector sizes: readable from the back of the room. User text stays st.text (plain), only larger. The
# compact list of questions is smaller than the one question shown live, so a day of five fits 1080 px.
# The join link takes the caption's colour (a link's own colour, faded as a caption, is 2.96:1 on white).
# The chosen option of the question picker in a darker red (the theme's was 4.47:1 on its tint).
# The count ("3 of 6 teams answered") wraps: one line of it at 3rem is wider than its column on a tablet.
# The question picker's buttons wrap too: a day of six questions is wider than the live column on a tablet, and
# a row that scrolls sideways hides the last questions.
STYLE = """<style>
.st-key-morning [data-testid="stText"] {font-family: inherit; white-space: pre-wrap; font-size: 1.5rem;}
.st-key-morning [class*="st-key-morning-question"] [data-testid="stText"] {font-size: 1.35rem; line-height: 1.25;}
.st-key-morning [class*="st-key-morning-question"] {gap: 0.1rem; padding: 0.45rem 0.9rem;}
.st-key-morning [data-testid="stColumn"]:has(> div > [class*="st-key-morning-question"]) > div {gap: 0.5rem;}
.st-key-morning [class*="st-key-morning-question"][class*="-shown"] {border: 3px solid #ffd400;}
.st-key-morning [class*="st-key-morning-live-text-"] [data-testid="stText"] {font-size: 2.3rem; line-height: 1.2;}
.st-key-morning [data-testid="stMetricValue"] {font-size: 3rem;}
.st-key-morning [data-testid="stMetricValue"], .st-key-morning [data-testid="stMetricValue"] * {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; line-height: 1.15; max-width: 100%;
}
.st-key-morning [data-testid="stCaptionContainer"], .st-key-morning [data-testid="stMetricLabel"] {font-size: 1.2rem;}
.st-key-morning [data-testid="stCaptionContainer"] p,
.st-key-morning [data-testid="stMetricLabel"] p {font-size: 1.2rem;}
.st-key-morning h1 {padding-top: 0;}
.st-key-morning-qr [data-testid="stCaptionContainer"] a {color: inherit; text-decoration: underline;}
[class*="st-key-morning-show-"] button[data-selected="true"] p {color: #a51d2d;}
[class*="st-key-morning-show-"] [data-testid="stButtonGroup"] > div {flex-wrap: wrap; row-gap: 0.3rem;}
</style>"""
# The wall: high contrast (white on black), larger still, no sidebar, little room above the top band.
PROJECTOR_STYLE = """<style>
[data-testid="stApp"], [data-testid="stHeader"] {background: #000; color: #fff;}
[data-testid="stApp"] * {color: #fff;}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
[data-testid="stHeader"] {height: 0; min-height: 0;}
[data-testid="stMainBlockContainer"] {padding-top: 1.5rem; padding-bottom: 1rem; max-width: 100%;}
.st-key-morning [data-testid="stText"], .st-key-recap [data-testid="stText"] {font-size: 1.8rem;}
.st-key-morning [class*="st-key-morning-question"] [data-testid="stText"] {font-size: 1.4rem;}
.st-key-morning [class*="st-key-morning-live-text-"] [data-testid="stText"] {font-size: 2.6rem;}
.st-key-recap [data-testid="stMarkdownContainer"] p {font-size: 1.8rem;}
.st-key-recap [data-testid="stCaptionContainer"] p {font-size: 1.3rem;}
a {color: #9cf !important;}
.st-key-morning [data-testid="stProgress"] div div div {background: #ffd400;}
.st-key-morning [data-testid="stButtonGroup"] button {background: #222; border-color: #888;}
.st-key-morning [data-testid="stButtonGroup"] button[aria-checked="true"] {background: #ffd400 !important;}
.st-key-morning [data-testid="stButtonGroup"] button[aria-checked="true"] * {color: #000;}
</style>"""


def recap_section(wid: int) -> Day | None:
    """Yesterday's recap: the latest closed day's top choices, rating spread, widest disagreement, quotes."""
    recap = data.morning_board(wid).recap
    if recap is None:
        return None
    day, summary = recap.day, recap.summary
    with st.container(key="recap"):
        st.header(t("morning.recap", n=day.position))
        plain(day.title)
        if summary.disagreement is not None:
            widest = summary.disagreement
            st.subheader(t("morning.disagree_most", low=widest.low, high=widest.high))
            plain(widest.question.text)
        for item in summary.questions:
            if item.question.kind == QuestionKind.TEXT or not item.answers:
                continue
            with st.container(border=True, key=f"recap-question-{item.question.id}"):
                plain(item.question.text)
                if item.question.kind in CHOICE_KINDS:
                    for label, count in item.top_choices:
                        st.markdown(t("morning.choice_count", label=md(label), n=count))
                elif item.question.kind in RATING_KINDS and item.mean is not None:
                    st.markdown(
                        t(
                            "morning.rating_spread",
                            mean=number(item.mean, lang()),
                            low=item.low,
                            high=item.high,
                            n=item.answers,
                        )
                    )
                    spread = " · ".join(f"{value}: {count}" for value, count in item.ratings.items())
                    st.caption(t("morning.rating_counts", counts=spread))
        for quote in recap.quotes:
            with st.container(border=True, key=f"recap-quote-{quote.response_id}"):
                plain(f"“{quote.text}”")
                st.caption(t("morning.quote_by", team=md(quote.team)))
    return day


def pick_quotes(wid: int, day: Day, desk: Desk) -> None:
    """The facilitator picks up to three of the closed day's answers to quote in the recap."""
    day_id = day.id
    options = desk.quote_choices
    if not options:
        return
    with st.form(f"quotes-{day_id}", border=True, enter_to_submit=False):
        chosen = multiselect(
            st,
            t("morning.pick_quotes", n=MAX_QUOTES),
            list(options),
            default=[i for i in desk.quoted if i in options],
            format_func=lambda i: options.get(i, str(i)),
            max_selections=MAX_QUOTES,
            key=f"quotes-pick-{day_id}",
        )
        if st.form_submit_button(t("morning.save_quotes")):
            with error_edge() as edge:
                set_quotes(engine(), wid, day_id, list(chosen))
            if edge.ok:
                st.rerun()  # the recap above shows the new quotes


def projector_controls(wid: int, desk: Desk) -> None:
    """Make, replace or revoke the read-only projector link; the link itself is shown once, when made."""
    st.subheader(t("morning.projector"))
    st.caption(t("morning.projector_help"))
    made = desk.projector_made
    fresh = st.session_state.get("projector_link")
    make, revoke = st.columns(2)
    if make.button(t("morning.projector_replace" if made else "morning.projector_make"), key="projector-make"):
        token = new_projector_link(engine(), wid)
        st.session_state["projector_link"] = fresh = app_link(app_url(), {"projector": token})
        made = projector_link_made(engine(), wid)
    if made is not None and revoke.button(t("morning.projector_revoke"), key="projector-revoke"):
        revoke_projector_link(engine(), wid)
        st.session_state.pop("projector_link", None)
        made, fresh = None, None
    if made is None:
        st.caption(t("morning.projector_none"))
    elif fresh:
        st.code(fresh, language=None)
        st.caption(t("morning.projector_copy"))
    else:
        st.caption(t("morning.projector_active", time=date_time(made, lang())))


def participation_section(wid: int, desk: Desk) -> None:
    """Who answered what, drafts and missing answers: for the day the facilitator picks."""
    days = list(desk.days)
    if not days:
        return
    st.subheader(t("morning.participation"))
    default = next((i for i, d in enumerate(days) if d.status == DayStatus.OPEN), 0)
    chosen = st.selectbox(
        t("morning.participation_day"),
        days,
        index=default,
        format_func=labels_now(days, lambda d: option(f"{t('setup.day_n', n=d.position)} · {d.title}")),
        key="participation-day",
    )
    participation(data.overview_participation(wid, cons.Filters(days=(chosen.position,))))
