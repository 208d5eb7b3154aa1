"""Facilitator: open and close the teams' mapping, see where teams mapped an offer differently (widest
spread first), and accept values into the register."""

import streamlit as st

from ui.context import engine, t, workshop
from ui.data import mapping_phase, mapping_proposals, mapping_review
from ui.gate import held_workshop_id, require
from ui.mapping import review_card
from ui.widgets import error_edge, labels_now, pager, plain
from workshop.domain.mapping import MappingScope
from workshop.domain.model import DayStatus, Role
from workshop.services.register.mapping import set_mapping_phase, set_mapping_prefill
from workshop.services.register.mapping_review import accept_agreed, accept_proposal
from workshop.services.week.days import next_status

require(Role.FACILITATOR)
wid = held_workshop_id()
st.title(t("nav.mapping_review"))
phase = mapping_phase(wid)
st.caption(t("review.phase", status=t(f"day.{phase.status.value}")))
a, b = st.columns([2, 1])
scope = a.radio(
    t("review.scope"),
    list(MappingScope),
    index=list(MappingScope).index(phase.scope),
    format_func=labels_now(MappingScope, lambda s: t(f"review.scope_{s.value}")),
    horizontal=True,
)
if scope != phase.scope:
    set_mapping_phase(engine(), wid, scope=scope)
    st.rerun()
toggle = "review.open" if phase.status != DayStatus.OPEN else "review.close"
if b.button(t(toggle), type="primary"):
    set_mapping_phase(engine(), wid, status=next_status(phase.status))
    st.rerun()

current = workshop()
prefill = bool(current and current.mapping_prefill)
if st.toggle(t("review.prefill"), value=prefill, key="mapping-prefill", help=t("review.prefill_help")) != prefill:
    set_mapping_prefill(engine(), wid, not prefill)
    st.rerun()

found = st.session_state.pop("review-outcome", None)
if found is not None:
    (st.success if found[0] == "saved" else st.error)(found[1])
items = mapping_review(wid)
waiting = [i for i in items if i.open]
st.subheader(t("review.to_resolve", n=len(waiting)))
if not items:
    st.info(t("review.nothing_mapped"))
elif not waiting:
    st.success(t("review.all_resolved"), icon="✅")
agreed = [i for i in waiting if i.spread.agreed]
if agreed and st.button(t("review.accept_agreed", n=len(agreed))):
    st.session_state["review-outcome"] = ("saved", t("review.accepted_agreed", n=accept_agreed(engine(), wid)))
    st.rerun()
differ = [i for i in waiting if not i.spread.agreed]
span = pager(len(differ), 10, "review-page", "review.page", "review.range")
for item in differ[span.start : span.stop]:
    review_card(wid, item)

proposals = mapping_proposals(wid)
if proposals:
    st.subheader(t("review.proposals", n=len(proposals)))
for proposal in proposals:
    with st.container(border=True):
        plain(f"{proposal.name} — {proposal.team}")
        for text in (proposal.description, proposal.entry.note):
            if text:
                plain(text)
        st.caption(t("review.proposal_values", **proposal.entry.spaces, strength=proposal.entry.strength))
        if st.button(t("review.accept_proposal"), key=f"prop-accept-{proposal.id}"):
            with error_edge() as edge:
                accept_proposal(engine(), wid, proposal.id)
            if edge.ok:
                st.rerun()

decided = [i for i in items if not i.open]
with st.expander(t("review.decided", n=len(decided))):
    for item in decided:
        plain(f"{item.name} — {', '.join(item.decided_by or [])}")
st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")
