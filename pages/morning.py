"""Facilitator: the day's questions, the main points behind them, who has answered (by name), yesterday's
recap, and the controls: the projector link for the wall, the quotes in the recap, participation."""

import streamlit as st

from ui import data
from ui.context import t
from ui.gate import held_workshop_id, require
from ui.morning import (
    REFRESH_SECONDS,
    STYLE,
    participation_section,
    pick_quotes,
    projector_controls,
    recap_section,
)
from ui.wall import board
from workshop.domain.model import Role

require(Role.FACILITATOR)
wid = held_workshop_id()
st.html(STYLE)


@st.fragment(run_every=REFRESH_SECONDS)
def live() -> None:
    """Redrawn every few seconds, without reloading the page: a day opened or closed shows up too."""
    if not board(wid).days:
        st.page_link("pages/week_setup.py", label=t("nav.week_setup"), icon="🗓️")
    st.caption(t("morning.updates", n=REFRESH_SECONDS))


live()
day = recap_section(wid)
st.divider()
desk = data.morning_desk(wid)
with st.expander(t("morning.facilitator"), expanded=True):
    projector_controls(wid, desk)
    if day is not None:
        pick_quotes(wid, day, desk)
    participation_section(wid, desk)
