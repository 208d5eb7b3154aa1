"""The wall, through a projector link (/?projector=TOKEN): read-only, no sign-in, no sidebar. It checks its
link on every refresh, so a revoked link stops showing the workshop within seconds."""

import streamlit as st

from ui.context import engine, speak, t
from ui.gate import projector_token
from ui.morning import PROJECTOR_STYLE, REFRESH_SECONDS, STYLE, recap_section
from ui.wall import board
from workshop.config.i18n import UI_LANGUAGES
from workshop.services.week.morning import projector_workshop
from workshop.services.workshops.lifecycle import get_workshop

st.html(STYLE + PROJECTOR_STYLE)
shown = projector_workshop(engine(), projector_token() or "")
if shown is not None and "lang" not in st.session_state:
    language = get_workshop(engine(), shown).language  # the wall speaks the workshop's language
    speak(language if language in UI_LANGUAGES else "en")


@st.fragment(run_every=REFRESH_SECONDS)
def wall() -> None:
    wid = projector_workshop(engine(), projector_token() or "")
    if wid is None:
        st.warning(t("projector.refused"))
        return
    board(wid, on_wall=True)
    recap_section(wid)


wall()
