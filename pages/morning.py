"""Facilitator, for the projector: the day's questions, the main points behind them, who has answered."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.widgets import plain
from workshop.domain.model import DayStatus, Role
from workshop.services.week import day_participation, list_days, list_main_points, list_questions

REFRESH_SECONDS = 5
# Projector sizes: readable from the back of the room. User text stays st.text (plain), only larger.
STYLE = """<style>
.st-key-morning [data-testid="stText"] {font-family: inherit; white-space: pre-wrap; font-size: 1.6rem;}
.st-key-morning [class*="st-key-morning-question"] [data-testid="stText"] {font-size: 2.6rem; line-height: 1.25;}
.st-key-morning [data-testid="stMetricValue"] {font-size: 3rem;}
.st-key-morning [data-testid="stCaptionContainer"], .st-key-morning [data-testid="stMetricLabel"] {font-size: 1.2rem;}
</style>"""

require(Role.FACILITATOR)
wid = int(workshop_id() or 0)
st.html(STYLE)


@st.fragment(run_every=REFRESH_SECONDS)
def live() -> None:
    """Redrawn every few seconds, without reloading the page: a day opened or closed shows up too."""
    open_days = [d for d in list_days(engine(), wid) if d.status == DayStatus.OPEN]
    if not open_days:
        st.title(t("morning.title"))
        st.info(t("morning.no_open_day"))
        st.page_link("pages/week_setup.py", label=t("nav.week_setup"), icon="🗓️")
        return
    points = {p.id: p for p in list_main_points(engine(), wid)}
    with st.container(key="morning"):
        for day in open_days:
            seen = day_participation(engine(), wid, int(day.id or 0))
            st.title(t("setup.day_n", n=day.position))
            plain(day.title)
            st.metric(t("morning.answered"), t("morning.n_of_m", n=seen.any_question, m=seen.teams))
            for q in list_questions(engine(), wid, day.id):
                point = points.get(q.main_point_id)
                if point is not None:
                    st.caption(t("morning.main_point"))
                    plain(point.title)
                with st.container(border=True, key=f"morning-question-{q.id}"):
                    plain(q.text)
                answered = seen.by_question.get(int(q.id or 0), 0)
                st.progress(answered / seen.teams if seen.teams else 0.0)
                st.caption(t("morning.n_of_m", n=answered, m=seen.teams))
    st.caption(t("morning.updates", seconds=REFRESH_SECONDS))


live()
