"""Team: answer the open day's questions; edit until the day closes."""

import streamlit as st

from ui import data
from ui.answer_day import Card, day_cards
from ui.answering import local_time, outcome_of
from ui.context import engine, t
from ui.gate import require_team
from ui.own_answers import handing_on, person_key_now
from ui.widgets import plain
from workshop.domain.consolidation import answer_text
from workshop.domain.model import DayStatus, MainPoint, Question
from workshop.services.week.voices import own_answers

me = require_team()
st.title(t("nav.answer"))
plain(t("answer.title", team=me.name))  # a team name is user text: never in a markdown title
plan = data.week_plan(me.workshop_id)  # cached: the same for every team until the facilitator changes it
days, questions = plan.days, plan.questions
points: dict[int | None, MainPoint] = {p.id: p for p in plan.main_points}
mine, drafts = data.team_sheet(me.workshop_id, me.id)  # the team's own, again after any answer or draft
own = (  # this person's own answers to the questions each person answers, if there are any
    own_answers(engine(), me, person_key_now()) if any(q.each_person for q in questions) else {}
)
open_days = [d for d in days if d.status == DayStatus.OPEN]


def card_of(q: Question) -> Card:
    if q.each_person:
        return Card(q, points.get(q.main_point_id), own.get(q.id))
    return Card(q, points.get(q.main_point_id), mine.get(q.id), drafts.get(q.id))


if not open_days:
    st.info(t("answer.no_open_day"))
if any(q.each_person for q in questions if q.day_id in {d.id for d in open_days}):
    handing_on()
for day in open_days:
    st.header(t("setup.day_n", n=day.position))
    plain(day.title)
    day_questions = [q for q in questions if q.day_id == day.id]
    if not day_questions:
        st.info(t("answer.no_questions"))
    day_cards(me, [card_of(q) for q in day_questions])

closed = [d for d in days if d.status == DayStatus.CLOSED]
if closed:
    st.divider()
    st.subheader(t("answer.closed_days"))
for day in closed:
    day_questions = [q for q in questions if q.day_id == day.id]
    # A save that arrived after the facilitator closed the day: say so plainly, on top.
    tried = any(f"answer-outcome-{q.id}" in st.session_state for q in day_questions)
    with st.expander(t("answer.closed_day", n=day.position), expanded=tried):
        plain(day.title)
        st.warning(t("answer.day_is_closed"), icon="🔒")
        for q in day_questions:
            outcome_of(q.id)
            plain(q.text)
            earlier = (own if q.each_person else mine).get(q.id)
            if earlier is None:
                st.caption(t("answer.not_answered"))
                continue
            plain(answer_text(earlier.rating, earlier.choices, getattr(earlier, "text", "")))
            st.caption(t("answer.saved_at", time=local_time(earlier.updated_at, weekday=True)))
