"""Entry point: page config, configuration check, the role gate and navigation. Nothing else."""

import streamlit as st

from ui.actor import answer_who_acts
from ui.context import engine, language_switch, t, workshop
from ui.first_run import app_starts
from ui.gate import (
    is_owner,
    keep_role_session,
    keep_team_code,
    projector_token,
    role,
    workshop_gone_notice,
)
from ui.navigation import land_on_answers, pages_for, privacy_footer, sidebar_menu
from ui.owner import announce_setup_code
from ui.runtime import freeze_what_is_loaded
from ui.sso import account_caption, by_identity, follow_identity, page_without_role, person, sign_out_everywhere
from ui.widgets import plain
from workshop.config.i18n import catalog
from workshop.config.spaces import spaces
from workshop.config.templates import templates
from workshop.domain.errors import ConfigError
from workshop.domain.role_sessions import SESSION_HOURS, SESSION_ROLES

st.set_page_config(page_title="Four spaces strategy workshop", page_icon="📚", layout="wide")
app_starts()  # a fresh server's first run: again the ordinary way, before any widget (ui/first_run.py)
answer_who_acts()  # the record of who changed what asks each session who it is (ui/actor.py)

try:
    _loaded = (spaces(), templates(), catalog("en"))  # a bare tuple would be drawn by Streamlit magic
    engine()
    announce_setup_code()  # a fresh install: the owner's one-time setup code, on the server's console
except ConfigError as exc:
    st.error(f"The app cannot start: a data file is broken.\n\n{exc}", icon="🛑")
    st.stop()

if projector_token() is not None:
    # The wall: only the projector page, no sidebar, no sign-in (the page checks the link itself).
    st.navigation([st.Page("pages/projector.py", title=t("nav.morning"), icon="📣")], position="hidden").run()
    st.stop()

menu = st.sidebar.container(key="menu")  # first in the sidebar, filled once the role is known
language_switch()
keep_role_session()
joined_by_link = keep_team_code()
placement = follow_identity()  # single sign-on: the signed-in person's role by the owner's rules (ui/sso.py)
current = workshop()
if current is not None:
    st.sidebar.caption(t("sidebar.workshop"))
    with st.sidebar:
        plain(current.name)
held = role()
account_caption()
if held is not None:
    st.sidebar.caption(t("sidebar.signed_in_as", role=t(f"role.{held.value}")))
    if held in SESSION_ROLES and not by_identity():  # a passcode's sign-in rides in the address
        st.sidebar.caption(t("sidebar.session_link", n=SESSION_HOURS))
if (held is not None or is_owner() or person() is not None) and st.sidebar.button(t("sidebar.sign_out")):
    sign_out_everywhere()  # the app's session, and the provider's where it can end it

if placement is not None and placement.role is None and not is_owner():
    st.navigation([page_without_role(placement)], position="hidden").run()  # only the polite page
    st.stop()

sections = pages_for(held, owner=is_owner())
shown = st.navigation(sections, position="hidden")
if joined_by_link:
    land_on_answers(shown, sections)
workshop_gone_notice()
with menu:
    sidebar_menu(sections)
privacy_footer(sections)
shown.run()
freeze_what_is_loaded()
