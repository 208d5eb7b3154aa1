"""The owner on the Workshops page: sign-in, or on a fresh install the first owner passcode, which needs
the one-time setup code the server printed to its console (so the first visitor cannot take the database)."""

from __future__ import annotations

import streamlit as st

from ui.actor import as_owner
from ui.context import t
from ui.runtime import configured_owner_code, database_key, engine
from ui.secret_forms import secret_input, session_key
from ui.widgets import error_edge
from workshop.domain.codes import new_passcode
from workshop.services.access.owner import SetupAnnouncer, claim_owner, owner_code_is_set, sign_in_owner
from workshop.services.history import acting


@st.cache_resource(show_spinner=False)
def _announcer(database: str) -> SetupAnnouncer:
    return SetupAnnouncer()  # one per process and database (the argument is the cache key)


def announce_setup_code() -> None:
    """Print the setup code to the server's console when this process has none and no owner exists
    (after the first check finds an owner, this costs nothing)."""
    _announcer(database_key()).announce(engine(), configured_owner_code())


def owner_form() -> None:
    """Owner sign-in; on a first run without WORKSHOP_OWNER_CODE, the form that sets the owner passcode."""
    configured = configured_owner_code()
    if not owner_code_is_set(engine(), configured):
        announce_setup_code()
        st.info(t("owner.first_run"), icon="🔑")
        with st.form("owner_setup", clear_on_submit=False, enter_to_submit=False):
            setup_code = secret_input("owner_setup")
            st.caption(t("owner.setup_code_help"))
            code = st.text_input(t("owner.new_code"), st.session_state.setdefault("owner_offer", new_passcode()))
            st.caption(t("owner.new_code_help"))
            if st.form_submit_button(t("owner.set")):
                with error_edge() as edge, acting(as_owner()):  # who sets it is the owner from now on
                    claim_owner(engine(), setup_code, code, configured, session=session_key())
                if edge.ok:
                    st.session_state["owner"] = True
                    st.rerun()
        return
    st.caption(t("owner.sign_in_help"))
    with st.form("owner_sign_in", clear_on_submit=True, enter_to_submit=False):
        code = secret_input("owner_sign_in")
        if st.form_submit_button(t("owner.sign_in")):
            with error_edge() as edge:
                sign_in_owner(engine(), code, configured, session=session_key())
            if edge.ok:
                st.session_state["owner"] = True
                st.rerun()
