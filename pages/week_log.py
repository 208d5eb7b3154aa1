"""The week's log: once a day is closed (or at once, if the facilitator chose so), every team reads all
teams' answers to it, day by day."""

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t, workshop
from ui.gate import require
from ui.widgets import plain
from workshop.model import Role
from workshop.services.week import answers_frame, list_main_points, list_questions, log_days
from workshop.spaces import spaces

require(*Role)
current = workshop()
assert current is not None and current.id is not None
st.title(t("log.title"))
st.caption(t("log.rule_immediate") if current.publish_log_immediately else t("log.rule_closed"))
visible = log_days(engine(), current)
if not visible:
    st.info(t("log.empty"))
    st.stop()
answers = answers_frame(engine(), current.id)
points = {p.id: p for p in list_main_points(engine(), current.id)}
questions = list_questions(engine(), current.id)
for day in reversed(visible):
    st.header(t("setup.day_n", n=day.position) + f" · {t(f'day.{day.status.value}')}")
    plain(day.title)
    for q in [q for q in questions if q.day_id == day.id]:
        with st.container(border=True):
            point = points.get(q.main_point_id)
            if point is not None:
                st.caption(t("answer.main_point"))
                plain(point.title)
            st.subheader(t("answer.question", n=q.position))
            plain(q.text)
            given = answers[answers["question_id"] == q.id] if not answers.empty else answers
            if given.empty:
                st.caption(t("log.no_answers"))
            for row in given.itertuples():
                with st.container(border=True):
                    plain(f"— {row.team}")
                    if pd.notna(row.rating):
                        st.caption(t("log.rating", rating=int(row.rating)))
                    if len(row.choices):
                        plain(" · ".join(row.choices))
                    if row.text:
                        plain(row.text)
                    if len(row.spaces):
                        st.caption(", ".join(spaces().space_name(s, lang()) for s in row.spaces))
