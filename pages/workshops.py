"""Facilitator: the workshops in this database, which one is current, new ones, the demo."""

import pandas as pd
import streamlit as st

from ui.context import choose_workshop, engine, forget_workshop, t, workshop_id
from ui.forms import new_workshop_form
from ui.gate import require
from ui.widgets import error_edge
from workshop.domain.model import Role
from workshop.services.demo import create_demo
from workshop.services.workshops import current_workshop_id, delete_workshop, list_workshops, set_current_workshop

require(Role.FACILITATOR)
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
st.dataframe(table, hide_index=True, width="stretch")

mine = workshop_id()
if mine != current and st.button(t("workshops.make_current")):
    set_current_workshop(engine(), int(mine or 0))
    st.toast(t("workshops.now_current"))
    st.rerun()
st.caption(t("workshops.current_help"))

with st.expander(t("workshops.new"), expanded=False):
    if new_workshop_form() is not None:
        st.rerun()

with st.expander(t("workshops.delete"), expanded=False):
    this = next((w for w in items if w.id == mine), None)
    st.caption(t("workshops.delete_help"))
    typed = st.text_input(t("workshops.delete_type_name"), key="delete_name")
    if st.button(t("workshops.delete_button"), disabled=this is None or typed.strip() != this.name, type="primary"):
        with error_edge() as edge:  # it may have been deleted in another session meanwhile
            delete_workshop(engine(), int(mine or 0))
        if edge.ok:
            forget_workshop()
            st.switch_page("pages/home.py")

with st.expander(t("workshops.demo"), expanded=False):
    st.caption(t("workshops.demo_help"))
    confirm = st.checkbox(t("workshops.demo_confirm"))
    if st.button(t("workshops.recreate_demo"), disabled=not confirm):
        choose_workshop(create_demo(engine()))
        st.rerun()
