"""Facilitator: the proposals to screen — add, edit, open or close for the teams, delete; in a workshop
without teams the facilitator screens them alone."""

from functools import partial

import streamlit as st

from ui import data
from ui.confirm import delete_with_confirmation
from ui.context import engine, t
from ui.gate import held_workshop_id, require
from ui.screening import flash, md_title, proposal_form, screening_form, summary
from ui.widgets import error_edge, option, tr
from workshop.domain.model import Role
from workshop.domain.screening import FACILITATOR_RATER
from workshop.services.partnership.proposals import delete_proposal, set_proposal_open
from workshop.services.partnership.screening import screen_as_facilitator

require(Role.FACILITATOR)
wid = held_workshop_id()
st.title(t("screening.proposals_title"))
st.caption(t("screening.proposals_help"))
flash()
found = data.list_proposals(wid)
cards = {c.proposal.id: c for c in data.screening_cards(wid)}
if not found:
    st.info(t("screening.no_proposals"))
for proposal in found:
    pid = proposal.id
    with st.expander(md_title(proposal)):
        summary(proposal, cards[pid].partner if pid in cards else "")
        st.caption(t("screening.raters", n=cards[pid].raters if pid in cards else 0))
        toggle = "screening.close_it" if proposal.is_open else "screening.open_it"
        if st.button(t(toggle), key=f"toggle-{pid}"):
            with error_edge() as edge:
                set_proposal_open(engine(), wid, pid, not proposal.is_open)
            if edge.ok:
                st.rerun()
        with st.popover(t("screening.edit")):
            proposal_form(wid, f"edit-{pid}", proposal)
        delete_with_confirmation(
            f"proposal-{pid}",
            tr("screening.delete_confirm", title=proposal.title),
            partial(delete_proposal, engine(), wid, pid),
            t("screening.delete"),
        )

st.subheader(t("screening.add_title"))
st.page_link("pages/partners.py", label=t("screening.partner_first"), icon="🤝")
proposal_form(wid, "add-proposal")

if found and not data.list_teams(wid):  # no teams: the facilitator screens alone
    st.subheader(t("screening.screen_alone"))
    by_id = {p.id: p for p in found}
    pick = st.selectbox(t("screening.pick"), list(by_id), format_func=lambda k: option(by_id[k].title), key="alone")
    chosen = by_id[pick]
    saved = data.own_screening(wid, pick, FACILITATOR_RATER)
    screening_form(chosen, saved, lambda given: screen_as_facilitator(engine(), wid, pick, given))
elif found:
    st.caption(t("screening.teams_screen"))
