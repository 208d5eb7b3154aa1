"""The words a workshop leaves out of key terms and theme suggestions: a form for the facilitator (week
setup) and for leadership beside the key terms. Names written with a capital mid-sentence are left out
without being listed (workshop.domain.keyterms.proper_names); this list is for the ones the rule misses."""

from __future__ import annotations

import zlib

import streamlit as st

from ui.context import engine, t
from ui.widgets import error_edge
from workshop.domain.keyterms import MAX_LEAVE_OUT, MAX_LEAVE_OUT_LENGTH
from workshop.services.workshops.leave_out import leave_out, set_leave_out

FLASH = "leave_out_flash"


def leave_out_form(workshop_id: int) -> None:
    """The words as stored, one a line, editable; saved words show at once in every key term."""
    if flash := st.session_state.pop(FLASH, None):
        st.success(flash)
    words = "\n".join(leave_out(engine(), workshop_id))
    # Keyed by what is stored: after a save the box shows the words as kept (lower case, no repeats).
    key = f"leave_out_{workshop_id}_{zlib.crc32(words.encode())}"
    with st.form(f"{key}_form", enter_to_submit=False):
        typed = st.text_area(
            t("terms.leave_out"),
            value=words,
            key=key,
            help=t("terms.leave_out_limits", n=MAX_LEAVE_OUT, chars=MAX_LEAVE_OUT_LENGTH),
        )
        st.caption(t("terms.leave_out_help"))
        if st.form_submit_button(t("terms.leave_out_save")):
            with error_edge() as edge:
                kept = set_leave_out(engine(), workshop_id, typed)
            if edge.ok:
                st.session_state[FLASH] = t("terms.leave_out_saved", n=len(kept))
                st.rerun()
