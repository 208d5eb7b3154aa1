"""The week's log: once a day is closed, every team reads all teams' answers to it."""

import streamlit as st

from ui.context import engine, t, workshop
from ui.gate import require
from ui.widgets import plain
from workshop.model import DayStatus, Role
from workshop.services.week import answers_frame, list_days

require(*Role)
current = workshop()
assert current is not None and current.id is not None
st.title(t("log.title"))
answers = answers_frame(engine(), current.id)
visible = [
    d
    for d in list_days(engine(), current.id)
    if d.status == DayStatus.CLOSED or (current.publish_log_immediately and d.status == DayStatus.OPEN)
]
if not visible or answers.empty:
    st.info(t("log.empty"))
    st.stop()
for day in visible:
    st.header(f"{t('setup.day_n', n=day.position)}: {day.title}")
    day_answers = answers[answers["day"] == day.position]
    for _question, group in day_answers.groupby("question_position", sort=True):
        plain(group["question"].iloc[0])
        for row in group.itertuples():
            with st.container(border=True):
                st.caption(row.team)
                parts = [str(int(row.rating))] if row.rating == row.rating and row.rating else []
                parts += list(row.choices) + ([row.text] if row.text else [])
                plain(" · ".join(parts))
