"""The workshops in this database. Anyone sees the list; only the owner creates, deletes, recreates the
demo and chooses the current one (a workshop's facilitator passcode acts on that workshop only)."""

import pandas as pd
import streamlit as st

from ui.context import choose_workshop, engine, forget_workshop, lang, t, workshop_id
from ui.forms import new_workshop_form, template_preview
from ui.gate import is_owner, run_through_app
from ui.owner import owner_form
from ui.privacy_owner import privacy_section
from ui.sign_in_settings import sign_in_settings
from ui.sso import sso_on
from ui.widgets import cells, error_edge, plain
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import (
    current_workshop_id,
    delete_workshop,
    list_workshops,
    set_current_workshop,
)

CREATED = "workshop_just_created"  # the workshop this session created on its last run

run_through_app()
st.title(t("workshops.title"))
items = list_workshops(engine())
current = current_workshop_id(engine())
table = pd.DataFrame(
    [
        {
            t("workshops.col_id"): w.id,
            t("workshops.col_name"): w.name,
            t("workshops.col_template"): w.template_key or "—",
            t("workshops.col_current"): "✓" if w.id == current else "",
            t("workshops.col_demo"): "✓" if w.is_demo else "",
        }
        for w in items
    ]
)
if items:
    st.dataframe(cells(table), hide_index=True, width="stretch")
st.caption(t("workshops.current_help"))
template_preview()
if not is_owner():
    st.subheader(t("owner.title"))
    owner_form()
    st.stop()

st.success(t("owner.signed_in"), icon="🔑")
mine = workshop_id()
this = next((w for w in items if w.id == mine), None)
if st.session_state.pop(CREATED, None) == mine and this is not None:  # say so, and offer the next step
    with st.container(border=True, key="created"):
        st.success(t("workshops.created"), icon="🎉")
        plain(this.name)
        st.page_link("pages/home.py", label=t("workshops.open_created"), icon="🏠")
if this is not None and mine != current and st.button(t("workshops.make_current"), type="primary"):
    set_current_workshop(engine(), this.id)
    st.toast(t("workshops.now_current"))
    st.rerun()

with st.expander(t("workshops.new"), expanded=not items):
    made = new_workshop_form()
    if made is not None:
        st.session_state[CREATED] = made
        st.rerun()

if this is not None:
    with st.expander(t("workshops.delete"), expanded=False):
        st.caption(t("workshops.delete_help"))
        typed = st.text_input(t("workshops.delete_type_name"), key="delete_name")
        if st.button(t("workshops.delete_button"), disabled=typed.strip() != this.name, type="primary"):
            with error_edge() as edge:  # it may have been deleted in another session meanwhile
                delete_workshop(engine(), this.id)
            if edge.ok:
                forget_workshop()
                st.switch_page("pages/home.py")

privacy_section(this)  # personal data: the privacy contact, retention, one person's data (issue 30)
if this is not None and sso_on():  # single sign-on: the owner's rules for this workshop (docs/sign-in.md)
    sign_in_settings(this.id)

with st.expander(t("workshops.demo"), expanded=False):
    st.caption(t("workshops.demo_help"))
    confirm = st.checkbox(t("workshops.demo_confirm"))
    if st.button(t("workshops.recreate_demo"), disabled=not confirm):
        choose_workshop(create_demo(engine(), lang()))
        st.rerun()
