"""Team: map our offers onto the four spaces, one offer at a time; propose an offer the register lacks."""

import streamlit as st

from ui.context import engine, lang, t
from ui.data import list_target_groups, partners_frame
from ui.gate import require_team
from ui.mapping import current_offer, offer_card, proposal_form
from ui.widgets import option, plain
from workshop.charts.offer_map import map_points, offer_map_figure
from workshop.domain.model import DayStatus
from workshop.services.register.mapping import team_map_frame, team_mapping

me = require_team()
wid = me.workshop_id
st.title(t("nav.mapping"))
plain(t("mapping.team", team=me.name))  # a team name is user text: never in a markdown title
state = team_mapping(engine(), me)
mapped, total = state.progress
if total:
    st.progress(mapped / total, text=t("mapping.progress", done=mapped, n=total))

if not state.phase.is_open:
    st.info(t("mapping.closed") if state.phase.status == DayStatus.CLOSED else t("mapping.not_open"), icon="🔒")
elif not state.offers:
    st.info(t("mapping.no_offers"))
else:
    offer = current_offer(state)
    if offer is None:
        st.success(t("mapping.all_done", n=total), icon="🎉")
    labels = {o.id: ("✓ " if o.id in state.done else "") + o.name for o in state.offers}
    st.selectbox(t("mapping.jump"), list(labels), format_func=lambda i: option(labels[i]), key="mapping-current")
    if offer is not None:
        offer_card(me, state, offer, list_target_groups(wid), list(partners_frame(wid)["name"]))
    with st.expander(t("mapping.propose"), expanded="mapping-proposed" in st.session_state):
        st.caption(t("mapping.propose_help"))
        proposal_form(me)

st.subheader(t("mapping.our_map"))
frame = team_map_frame(engine(), me, state)  # callbacks ran before this run: state is fresh
if frame.empty:
    st.caption(t("mapping.map_empty"))
else:
    labels_ = {k: t(f"map.hover_{k}") for k in ("team", "partners", "strength", "reach")}
    st.plotly_chart(offer_map_figure(map_points(frame), lang(), labels_), key="mapping-map", width="stretch")
    for proposal in state.proposals:
        st.caption(t("mapping.proposal_waiting"))
        plain(proposal.name)
st.page_link("pages/offer_map.py", label=t("nav.offer_map"), icon="🗺️")
