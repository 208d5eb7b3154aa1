"""Leadership: how the offers cover the four spaces."""

import plotly.express as px
import streamlit as st

from ui.context import engine, lang, t, workshop_id
from ui.gate import require
from workshop.model import SPACE_KEYS, Role
from workshop.services.offers import offers_frame
from workshop.spaces import spaces

require(Role.LEADERSHIP)
st.title(t("strengths.title"))
frame = offers_frame(engine(), int(workshop_id() or 0))
active = frame[frame["status"] == "active"] if not frame.empty else frame
if active.empty:
    st.info(t("strengths.empty"))
    st.stop()
coverage = {spaces().space_name(k, lang()): float((active[k] * active["strength"]).sum()) for k in SPACE_KEYS}
figure = px.bar(
    x=list(coverage),
    y=list(coverage.values()),
    labels={"x": "", "y": t("strengths.coverage")},
    color=list(coverage),
    color_discrete_sequence=[spaces().spaces[k].colour for k in SPACE_KEYS],
)
st.plotly_chart(figure, width="stretch")
