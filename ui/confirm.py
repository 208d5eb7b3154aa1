"""Deleting with confirmation: a first click asks, a second one (or cancel) decides."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ui.context import t
from ui.widgets import error_edge

PENDING = "pending_delete"


def delete_with_confirmation(
    token: str, warning: str | Callable[[], str], delete: Callable[[], object], label: str = "", yes_label: str = ""
) -> None:
    """A delete (or other irreversible) button; once clicked it shows the warning with 'Yes' and 'Cancel'.
    A warning that needs a read (how many answers go too) can be a callable: it runs only once asked."""
    if st.session_state.get(PENDING) != token:
        if st.button(label or t("confirm.delete"), key=f"delete-{token}"):
            st.session_state[PENDING] = token
            st.rerun()
        return
    st.warning(warning() if callable(warning) else warning, icon="🗑️")
    yes, no = st.columns(2)
    if yes.button(yes_label or t("confirm.yes_delete"), key=f"delete-yes-{token}", type="primary"):
        st.session_state.pop(PENDING, None)
        with error_edge() as edge:
            delete()
        if edge.ok:
            st.rerun()
        return
    if no.button(t("confirm.cancel"), key=f"delete-no-{token}"):
        st.session_state.pop(PENDING, None)
        st.rerun()
