"""Leadership: the main points of the strategy, decided as at Aarhus's seminar — propose a main point with a
description, approve it; the facilitator builds the week's days on the approved ones."""

import streamlit as st

from ui import data
from ui.context import t
from ui.gate import held_workshop_id, require
from ui.main_points import flash, point_card, propose_form
from workshop.domain.main_points import approved, proposed
from workshop.domain.model import Role

require(Role.LEADERSHIP)
wid = held_workshop_id()
st.title(t("nav.main_points"))
st.caption(t("points.intro"))
flash()
points = data.list_main_points(wid)
waiting = proposed(points)
st.subheader(t("points.waiting", n=len(waiting)))
if not waiting:
    st.caption(t("points.none_waiting"))
for point in waiting:
    point_card(wid, point, Role.LEADERSHIP)
decided = approved(points)
st.subheader(t("points.decided", n=len(decided)))
if not decided:
    st.info(t("points.none_decided"))
for point in decided:
    point_card(wid, point, Role.LEADERSHIP)
st.subheader(t("points.new"))
propose_form(wid)
