"""The offer register: every offer of the library and how it serves the four spaces."""

import streamlit as st

from ui.context import engine, lang, t, workshop_id
from ui.gate import require
from workshop.model import SPACE_KEYS, Role
from workshop.services.offers import offers_frame
from workshop.spaces import spaces

require(*Role)
st.title(t("offers.title"))
frame = offers_frame(engine(), int(workshop_id() or 0))
if frame.empty:
    st.info(t("offers.empty"))
    st.stop()
names = {key: spaces().space_name(key, lang()) for key in SPACE_KEYS}
shown = frame.drop(columns=["id"]).rename(columns=names)
st.caption(t("offers.count", n=len(frame)))
st.dataframe(shown, hide_index=True, width="stretch")
