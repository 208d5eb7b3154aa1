"""The library's assets ("Vi kan – vil du?", from "Byg partnerskaber!"): what the library offers partners.
The facilitator keeps the list and its order and decides the teams' proposals; teams propose additions;
everyone downloads the one-page leaflet in the workshop's language."""

from functools import partial

import streamlit as st

from ui.assets import asset_card, asset_fields, decide, editable_asset, flash, show_flash, status_caption
from ui.context import engine, lang, t
from ui.gate import held_workshop_id, require, team
from ui.widgets import error_edge, plain
from workshop.domain.model import Role
from workshop.services.register.assets import (
    add_asset,
    decide_asset_proposal,
    leaflet_html,
    list_assets,
    pending_asset_proposals,
    propose_asset,
    team_asset_proposals,
)

held = require(*Role)
wid = held_workshop_id()
st.title(t("assets.title"))
st.caption(t("assets.intro"))
show_flash()

listed = list_assets(engine(), wid)
if not listed:
    st.info(t("assets.empty"))
else:
    eng, reader = engine(), lang()  # the file is made when the button is clicked, not on every run
    contacts = held != Role.TEAM and st.checkbox(t("reports.include_contacts"), key="leaflet_contacts")
    st.download_button(
        t("assets.leaflet"),
        lambda: leaflet_html(eng, wid, reader, contacts),
        f"{t('file.leaflet')}-{wid}.html",
        "text/html",
        icon="📄",
    )
    st.caption(t("assets.leaflet_help"))
for n, asset in enumerate(listed):
    if held == Role.FACILITATOR:
        editable_asset(wid, asset, first=n == 0, last=n == len(listed) - 1)
    else:
        with st.container(border=True):
            asset_card(asset)

if held == Role.FACILITATOR:
    with st.form("asset-add", clear_on_submit=True, enter_to_submit=False):
        st.subheader(t("assets.add_title"))
        title, about = asset_fields("asset-new")
        if st.form_submit_button(t("assets.add")):
            with error_edge() as edge:
                add_asset(engine(), wid, title, about)
            if edge.ok:
                flash(t("assets.added"))
    waiting = pending_asset_proposals(engine(), wid)
    st.subheader(t("assets.proposals", n=len(waiting)))
    if not waiting:
        st.caption(t("assets.no_proposals"))
    for proposal in waiting:
        with st.container(border=True):
            plain(f"{proposal.title} — {proposal.team}")
            if proposal.description:
                plain(proposal.description)
            decide(
                f"asset-proposal-{proposal.id}",
                partial(decide_asset_proposal, engine(), wid, proposal.id, True),
                partial(decide_asset_proposal, engine(), wid, proposal.id, False),
                t("proposals.decided"),
            )

me = team()
if held == Role.TEAM and me is not None:
    with st.form("asset-propose", clear_on_submit=True, enter_to_submit=False):
        st.subheader(t("assets.propose_title"))
        st.caption(t("assets.propose_help"))
        title, about = asset_fields("asset-proposed")
        if st.form_submit_button(t("assets.propose")):
            with error_edge() as edge:
                propose_asset(engine(), me, title, about)
            if edge.ok:
                flash(t("assets.proposed"))
    mine = team_asset_proposals(engine(), me)
    st.subheader(t("assets.our_proposals"))
    if not mine:
        st.caption(t("assets.no_own_proposals"))
    for proposal in mine:
        with st.container(border=True):
            plain(proposal.title)
            status_caption(proposal.status)
st.page_link("pages/partners.py", label=t("nav.partners"), icon="🤝")
