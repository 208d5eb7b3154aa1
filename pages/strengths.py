"""Leadership: where the library is strong and weak against its own priorities, with the numbers behind it."""

import streamlit as st

from ui.context import t
from ui.data import load_weights, offer_details, staff_ratings, workshop_scores
from ui.gate import held_workshop_id, require
from ui.score_sections import (
    STRENGTH_TABS,
    backers_table,
    offers_heatmap,
    profile_section,
    score_section,
    staff_mapping,
    staff_view,
    target_groups,
    thresholds_form,
    weight_sliders,
)
from ui.widgets import error_edge
from workshop.domain.model import Role

require(Role.LEADERSHIP)
st.title(t("strengths.title"))
wid = held_workshop_id()
with error_edge() as edge:
    stored = load_weights(wid)
    chosen = weight_sliders(wid, stored)
    scores = workshop_scores(wid, chosen)
if not edge.ok:
    st.stop()
details = offer_details(wid)
if not details.active:
    st.info(t("strengths.empty"))
    st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")

# Only the open tab's content runs (on_change="rerun"): a run draws one tab's charts, not all seven.
labels = [t(f"strengths.tab.{name}") for name in STRENGTH_TABS]
tabs = dict(zip(STRENGTH_TABS, st.tabs(labels, key="strengths-tab", on_change="rerun"), strict=True))
with tabs["spaces"]:
    if tabs["spaces"].open:
        score_section(scores.spaces, "spaces", scores.thresholds)
        st.subheader(t("strengths.backers"))
        backers_table(details.backers)
with tabs["aims"]:
    if tabs["aims"].open:
        score_section(scores.aims, "aims", scores.thresholds)
with tabs["offers"]:
    if tabs["offers"].open:
        offers_heatmap(details.matrix)
with tabs["groups"]:
    if tabs["groups"].open:
        target_groups(details.target_groups)
with tabs["staff"]:
    if tabs["staff"].open:
        staff_view(scores.spaces, staff_ratings(wid))
        staff_mapping(wid, scores.weights)
with tabs["profile"]:
    if tabs["profile"].open:
        profile_section(wid)
        st.page_link("pages/profile.py", label=t("nav.profile"), icon="🧭")
with tabs["how"]:
    if tabs["how"].open:
        st.markdown(t("strengths.how"))
        thresholds_form(wid, scores.thresholds)
