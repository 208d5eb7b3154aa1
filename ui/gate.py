"""The role gate, built once: sign in with a passcode or a team code; pages ask who is signed in."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.widgets import error_edge
from workshop.domain.model import Role, Team
from workshop.services.access import join_team, sign_in


def role() -> Role | None:
    """The role this session holds in the workshop it looks at."""
    identity = st.session_state.get("identity")
    if not identity or identity.get("workshop_id") != workshop_id():
        return None
    return Role(identity["role"])


def team() -> Team | None:
    """The team this session answers for, if it joined one."""
    identity = st.session_state.get("identity")
    if role() != Role.TEAM or identity is None:
        return None
    return Team(id=identity["team_id"], workshop_id=identity["workshop_id"], name=identity["team_name"])


def require(*allowed: Role) -> Role:
    """Stop the page unless this session holds one of the roles (navigation hides it too)."""
    held = role()
    if held not in allowed:
        st.warning(t("gate.not_allowed"), icon="🔒")
        st.page_link("pages/home.py", label=t("nav.home"), icon="🏠")
        st.stop()
    assert held is not None
    return held


def require_team() -> Team:
    """The signed-in team, or stop the page."""
    require(Role.TEAM)
    found = team()
    assert found is not None
    return found


def _remember(role_: Role, team_: Team | None = None, code: str = "") -> None:
    identity: dict[str, object] = {"role": role_.value, "workshop_id": workshop_id()}
    if team_ is not None:
        identity |= {"team_id": team_.id, "team_name": team_.name, "code": code.strip().upper()}
    st.session_state["identity"] = identity


def keep_team_code() -> None:
    """The browser tab keeps a team's code in its address (?code=): kept across pages, and a reload
    joins again. A code that does not work is tried once and dropped from the address."""
    code = st.query_params.get("code")
    if role() is None and code:
        if not try_join(code):
            st.query_params.pop("code", None)
        return
    identity = st.session_state.get("identity") or {}
    if role() == Role.TEAM and identity.get("code") and code != identity["code"]:
        st.query_params["code"] = identity["code"]


def sign_out() -> None:
    st.session_state.pop("identity", None)
    st.query_params.pop("code", None)


def try_join(code: str) -> bool:
    """Join the team whose code this is; shows a message and returns False when it is not."""
    wid = workshop_id()
    if wid is None:
        return False
    with error_edge() as edge:
        joined = join_team(engine(), wid, code)
    if not edge.ok:
        return False
    _remember(Role.TEAM, joined, code)
    return True


def sign_in_form() -> None:
    """Passcode sign-in for facilitators and leadership, and team join, in two tabs."""
    wid = workshop_id()
    if wid is None:
        return
    staff, team_tab = st.tabs([t("gate.staff_tab"), t("gate.team_tab")])
    with staff, st.form("sign_in", clear_on_submit=True):
        chosen = st.radio(
            t("gate.role"),
            [Role.FACILITATOR, Role.LEADERSHIP],
            format_func=lambda r: t(f"role.{r.value}"),
            horizontal=True,
        )
        code = st.text_input(t("gate.passcode"), type="password")
        if st.form_submit_button(t("gate.sign_in")):
            with error_edge() as edge:
                sign_in(engine(), wid, chosen, code)
            if edge.ok:
                _remember(chosen)
                st.rerun()
    with team_tab, st.form("join", clear_on_submit=False):
        code = st.text_input(t("gate.team_code"), max_chars=12)
        if st.form_submit_button(t("gate.join")) and try_join(code):
            st.query_params["code"] = code.strip().upper()
            st.rerun()
