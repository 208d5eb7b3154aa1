"""Facilitator: the week's main points, days and questions; open, close and reopen days."""

import streamlit as st

from ui import data
from ui.context import engine, t, workshop
from ui.gate import require
from ui.leave_out import leave_out_form
from ui.main_points import flash as points_flash
from ui.setup_cards import day_card, point_card
from ui.setup_forms import day_form, flash, gone_notice, main_point_form, workshop_form
from workshop.domain.main_points import approved
from workshop.domain.model import Role
from workshop.services.week.planning import set_publish_log_immediately

TAB = "setup-tab"

require(Role.FACILITATOR)
current = workshop()
assert current is not None
wid = current.id
st.title(t("setup.title"))
flash()
points_flash()

# A keyed, stateful tab bar: the tab in use survives the rerun after a save (a plain st.tabs went back to
# the first tab whenever the confirmation above it appeared, e.g. after adding a question to a day).
points_tab, days_tab, settings_tab = st.tabs(
    [t("setup.main_points"), t("setup.days"), t("setup.settings")], key=TAB, on_change="rerun"
)
points = data.list_main_points(wid)
days, questions = data.list_days(wid), data.list_questions(wid)
gone_notice(points, days, questions)
positions: dict[int | None, int] = {p.id: p.position for p in points}
decided = approved(points)  # the days are built on the approved main points only
with points_tab:
    if not points:
        st.info(t("setup.no_main_points"))
    for point in points:
        point_card(wid, point)
    with st.expander(t("setup.new_point"), expanded=not points):
        main_point_form(wid, None)

with days_tab:
    if not days:
        st.info(t("setup.no_days"))
    for day in days:
        day_card(wid, day, questions, decided, positions)
    with st.expander(t("setup.new_day"), expanded=not days):
        day_form(wid, None)

with settings_tab:
    st.subheader(t("setup.workshop"))
    workshop_form(current)
    st.divider()
    publish = st.toggle(t("setup.publish_immediately"), value=current.publish_log_immediately, key="publish_log")
    st.caption(t("setup.publish_help"))
    if publish != current.publish_log_immediately:
        set_publish_log_immediately(engine(), wid, publish)
        st.session_state["setup_flash"] = t("setup.saved")
        st.rerun()
    st.divider()
    leave_out_form(wid)
