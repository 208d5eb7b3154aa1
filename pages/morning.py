"""Facilitator, for the projector: today's questions and how many teams have answered."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from workshop.model import DayStatus, Role
from workshop.services.week import answers_frame, list_days, list_questions
from workshop.services.workshops import list_teams

require(Role.FACILITATOR)
wid = int(workshop_id() or 0)
open_days = [d for d in list_days(engine(), wid) if d.status == DayStatus.OPEN]
if not open_days:
    st.title(t("morning.title"))
    st.info(t("morning.no_open_day"))
    st.stop()


@st.fragment(run_every=5)
def live() -> None:
    teams = len(list_teams(engine(), wid))
    answers = answers_frame(engine(), wid)
    for day in open_days:
        st.title(day.title)
        for q in list_questions(engine(), wid, day.id):
            with st.container(border=True):
                st.subheader(q.text)
                answered = answers.loc[answers["question_id"] == q.id, "team"].nunique() if len(answers) else 0
                st.metric(t("morning.answered"), f"{answered} / {teams}")


live()
