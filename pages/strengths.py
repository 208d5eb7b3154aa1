"""Leadership: where the library is strong and weak against its own priorities, with the numbers behind it."""

import streamlit as st

from ui.context import t, workshop_id
from ui.data import load_weights, offer_details, staff_ratings, workshop_scores
from ui.gate import require
from ui.strengths import (
    backers_table,
    offers_heatmap,
    profile_section,
    score_section,
    staff_view,
    target_groups,
    thresholds_form,
    weight_sliders,
)
from ui.widgets import show_error
from workshop.errors import WorkshopError
from workshop.model import Role

require(Role.LEADERSHIP)
st.title(t("strengths.title"))
wid = int(workshop_id() or 0)
try:
    stored = load_weights(wid)
    chosen = weight_sliders(wid, stored)
    scores = workshop_scores(wid, chosen)
except WorkshopError as exc:
    show_error(exc)
    st.stop()
details = offer_details(wid)
if not details.active:
    st.info(t("strengths.empty"))
    st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")

tabs = st.tabs(
    [t(f"strengths.tab.{name}") for name in ("spaces", "aims", "offers", "groups", "staff", "profile", "how")]
)
with tabs[0]:
    score_section(scores.spaces, "spaces", scores.thresholds)
    st.subheader(t("strengths.backers"))
    backers_table(details.backers)
with tabs[1]:
    score_section(scores.aims, "aims", scores.thresholds)
with tabs[2]:
    offers_heatmap(details.matrix)
with tabs[3]:
    target_groups(details.target_groups)
with tabs[4]:
    staff_view(scores.spaces, staff_ratings(wid))
with tabs[5]:
    profile_section(wid)
    st.page_link("pages/profile.py", label=t("nav.profile"), icon="🧭")
with tabs[6]:
    st.markdown(t("strengths.how"))
    thresholds_form(wid, scores.thresholds)
