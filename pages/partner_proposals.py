"""Who do we know? Teams propose partners and contacts from their answers; the facilitator accepts them
into the partner register or declines them. Two teams naming the same partner or contact person, or a
partner the register has already, get a warning."""

import streamlit as st

from ui.assets import decide, flash, show_flash, status_caption, warning_lines
from ui.context import engine, t
from ui.gate import held_workshop_id, require, team
from ui.widgets import error_edge, labels_now, plain
from workshop.domain.assets import ReviewStatus
from workshop.domain.model import Role, Sector
from workshop.services.partnership.partner_proposals import (
    ProposedPartner,
    decide_partner_proposal,
    partner_proposals_of,
    propose_partner,
    team_partner_proposals,
)

held = require(Role.FACILITATOR, Role.TEAM)
wid = held_workshop_id()
st.title(t("proposals.title"))
st.caption(t("proposals.intro"))
show_flash()
sector_name = lambda s: t(f"partners.sector.{s}")  # noqa: E731


def card(p: ProposedPartner, facilitator: bool) -> None:
    """A proposal: who, which sector, our contact, why; the status and any warning."""
    with st.container(border=True):
        plain(f"{p.name} — {p.team}" if facilitator else p.name)
        st.caption(sector_name(p.sector.value))
        if p.contact:
            plain(t("proposals.contact_is", contact=p.contact))
        if p.reason:
            plain(p.reason)
        status_caption(p.status)
        if p.status == ReviewStatus.PENDING:
            warning_lines(p.warnings)
        if facilitator and p.status == ReviewStatus.PENDING:
            decide(
                f"partner-proposal-{p.id}",
                lambda: decide_partner_proposal(engine(), wid, p.id, True),
                lambda: decide_partner_proposal(engine(), wid, p.id, False),
                t("proposals.decided"),
            )


me = team()
if held == Role.TEAM and me is not None:
    with st.form("partner-propose", clear_on_submit=True, enter_to_submit=False):
        st.subheader(t("proposals.propose_title"))
        name = st.text_input(t("partners.col.name"))
        sector = st.selectbox(t("partners.col.sector"), list(Sector), format_func=labels_now(Sector, sector_name))
        contact = st.text_input(t("proposals.field.contact"))
        reason = st.text_area(t("proposals.field.reason"), help=t("proposals.field.reason_help"))
        if st.form_submit_button(t("proposals.propose")):
            fields = {"name": name, "sector": sector, "contact": contact.strip(), "reason": reason.strip()}
            with error_edge() as edge:
                propose_partner(engine(), me, fields)
            if edge.ok:
                flash(t("proposals.proposed"))
    mine = team_partner_proposals(engine(), me)
    st.subheader(t("proposals.ours"))
    if not mine:
        st.info(t("proposals.none_of_ours"))
    for proposal in reversed(mine):
        card(proposal, facilitator=False)
else:
    every = partner_proposals_of(engine(), wid)
    waiting = [p for p in every if p.status == ReviewStatus.PENDING]
    st.subheader(t("proposals.waiting", n=len(waiting)))
    if not waiting:
        st.info(t("proposals.none_waiting"))
    for proposal in waiting:
        card(proposal, facilitator=True)
    decided = [p for p in every if p.status != ReviewStatus.PENDING]
    with st.expander(t("proposals.decided_list", n=len(decided))):
        for proposal in decided:
            card(proposal, facilitator=True)
st.page_link("pages/partners.py", label=t("nav.partners"), icon="🤝")
