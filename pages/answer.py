"""Team: answer the open day's questions; edit until the day closes."""

import uuid

import streamlit as st

from ui.context import engine, lang, t
from ui.gate import require_team
from ui.widgets import plain, show_error
from workshop.errors import WorkshopError
from workshop.model import SPACE_KEYS, DayStatus, QuestionKind
from workshop.services.answers import Answer, submit_answer, team_answers
from workshop.services.week import list_days, list_questions
from workshop.spaces import spaces

me = require_team()
assert me.workshop_id is not None
st.title(t("answer.title", team=me.name))
open_days = [d for d in list_days(engine(), me.workshop_id) if d.status == DayStatus.OPEN]
if not open_days:
    st.info(t("answer.no_open_day"))
    st.stop()
mine = team_answers(engine(), me)
space_names = {k: spaces().space_name(k, lang()) for k in SPACE_KEYS}
for day in open_days:
    st.header(day.title)
    for q in list_questions(engine(), me.workshop_id, day.id):
        earlier = mine.get(int(q.id or 0))
        with st.form(f"q-{q.id}"):
            plain(q.text)
            text, rating, choices = "", None, []
            if q.kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH):
                rating = st.slider(t("answer.rating"), 1, 5, earlier.rating if earlier and earlier.rating else 3)
                text = st.text_area(t("answer.comment"), earlier.text if earlier else "", max_chars=5000)
            elif q.kind == QuestionKind.SINGLE:
                pick = st.radio(
                    t("answer.choose_one"),
                    q.options,
                    index=q.options.index(earlier.choices[0]) if earlier and earlier.choices else None,
                )
                choices = [pick] if pick else []
            elif q.kind == QuestionKind.MULTIPLE:
                choices = st.multiselect(t("answer.choose_many"), q.options, earlier.choices if earlier else [])
            else:
                text = st.text_area(t("answer.text"), earlier.text if earlier else "", max_chars=5000)
            concerns = st.multiselect(
                t("answer.spaces"), SPACE_KEYS, earlier.spaces if earlier else [], format_func=space_names.get
            )
            if st.form_submit_button(t("answer.save")):
                try:
                    saved = submit_answer(
                        engine(),
                        me,
                        Answer(int(q.id or 0), text, rating, choices, concerns),
                        idempotency_key=str(uuid.uuid4()),
                    )
                except WorkshopError as exc:
                    show_error(exc)
                else:
                    st.success(t("answer.saved", time=saved.updated_at.strftime("%H:%M:%S")), icon="✅")
            elif earlier is not None:
                st.caption(t("answer.saved_earlier", time=earlier.updated_at.strftime("%H:%M")))
