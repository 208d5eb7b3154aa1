"""Leadership: what each person answered on their own, as distributions per team and overall, never names."""

import streamlit as st

from ui.context import engine, t, workshop
from ui.gate import require
from ui.voice_sections import question_voices
from workshop.domain.model import Role
from workshop.domain.voices import MIN_GROUP
from workshop.services.week.voices import workshop_voices

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
st.title(t("nav.voices"))
st.caption(t("voice.page_about", n=MIN_GROUP))
found = workshop_voices(engine(), current.id)
if not found:
    st.info(t("voice.none"))
for question, voices in found:
    question_voices(question, voices)
