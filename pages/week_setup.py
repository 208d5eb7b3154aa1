"""Facilitator: the week's main points, days and questions; open and close days."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.widgets import plain
from workshop.model import DayStatus, Role
from workshop.services.week import list_days, list_main_points, list_questions, set_day_status

require(Role.FACILITATOR)
wid = int(workshop_id() or 0)
st.title(t("setup.title"))

points = list_main_points(engine(), wid)
st.subheader(t("setup.main_points"))
if not points:
    st.info(t("setup.no_main_points"))
for point in points:
    st.markdown(f"**{point.position}.**")
    plain(point.title)

st.subheader(t("setup.days"))
days = list_days(engine(), wid)
if not days:
    st.info(t("setup.no_days"))
questions = list_questions(engine(), wid)
for day in days:
    with st.container(border=True):
        st.markdown(f"**{t('setup.day_n', n=day.position)}** · {t(f'day.{day.status.value}')}")
        plain(day.title)
        for q in [q for q in questions if q.day_id == day.id]:
            plain(f"{q.position}. {q.text}  [{t(f'kind.{q.kind.value}')}]")
        target = DayStatus.CLOSED if day.status == DayStatus.OPEN else DayStatus.OPEN
        label = t("setup.close_day") if target == DayStatus.CLOSED else t("setup.open_day")
        if st.button(label, key=f"day-{day.id}"):
            set_day_status(engine(), wid, int(day.id or 0), target)
            st.rerun()
