"""Leadership: where the library is strong and weak against its own priorities, with the numbers behind it."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.strengths import (
    backers_table,
    names,
    profile_section,
    score_section,
    staff_view,
    target_groups,
    thresholds_form,
    weight_sliders,
)
from ui.widgets import show_error
from workshop.charts.strengths import matrix_heatmap
from workshop.errors import WorkshopError
from workshop.model import Role
from workshop.services.offers import offers_frame
from workshop.services.strengths import load_weights, staff_ratings, workshop_scores
from workshop.strengths import offer_space_matrix

require(Role.LEADERSHIP)
st.title(t("strengths.title"))
wid = int(workshop_id() or 0)
try:
    stored = load_weights(engine(), wid)
    chosen = weight_sliders(wid, stored)
    scores = workshop_scores(engine(), wid, chosen)
except WorkshopError as exc:
    show_error(exc)
    st.stop()
offers = offers_frame(engine(), wid)
if not (offers["status"] == "active").any():
    st.info(t("strengths.empty"))
    st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")

tabs = st.tabs(
    [t(f"strengths.tab.{name}") for name in ("spaces", "aims", "offers", "groups", "staff", "profile", "how")]
)
with tabs[0]:
    score_section(scores.spaces, "spaces", scores.thresholds)
    st.subheader(t("strengths.backers"))
    backers_table(offers)
with tabs[1]:
    score_section(scores.aims, "aims", scores.thresholds)
with tabs[2]:
    matrix = offer_space_matrix(offers)
    if matrix.empty:
        st.info(t("strengths.empty"))
    else:
        figure = matrix_heatmap(matrix, names("spaces"), t("strengths.heatmap"), t("strengths.contribution"))
        st.plotly_chart(figure, width="stretch", key="offers-heatmap")
with tabs[3]:
    target_groups(offers)
with tabs[4]:
    staff_view(scores.spaces, staff_ratings(engine(), wid))
with tabs[5]:
    profile_section(wid)
    st.page_link("pages/profile.py", label=t("nav.profile"), icon="🧭")
with tabs[6]:
    st.markdown(t("strengths.how"))
    thresholds_form(wid, scores.thresholds)
