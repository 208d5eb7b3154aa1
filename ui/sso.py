"""Single sign-on (issue 29.1) with Streamlit's own st.login / st.user / st.logout (OpenID Connect), set up in
`.streamlit/secrets.toml` under [auth] (docs/sign-in.md). Off unless configured; then the codes and passcodes
work as before. The contract other code relies on: the signed-in person is `st.user` (is_logged_in, email,
name), which Streamlit fills from the ID token Authlib verified and keeps in a signed cookie; a role comes
only from those claims and the owner's rules (workshop.domain.identity), never from the address or a form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from ui.context import choose_workshop, clear_role, engine, lang, t, workshop, workshop_by_id, workshop_id
from ui.gate import hold, sign_out, try_join
from ui.runtime import secrets_section
from ui.secret_forms import secret_input
from ui.widgets import error_edge, option, tr
from workshop.domain.identity import Person, TeamAccess, person_from_claims
from workshop.domain.model import Role
from workshop.services.access.sign_in import Placement, place, remember_team
from workshop.services.whole.demo_language import pickable
from workshop.services.workshops.lifecycle import list_workshops

VIA = "sso"  # identity["via"]: the role this session holds came from the signed-in person
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def _auth_section() -> Mapping[str, Any]:
    # No secrets file, or one Streamlit cannot read (it logs why at start): sign-on is off, the codes work.
    return secrets_section("auth")


def providers() -> list[str]:
    """The configured providers by their names in [auth.NAME] ("default" for keys right under [auth]); none
    unless [auth] has the redirect_uri and cookie_secret st.login needs."""
    section = _auth_section()
    if not section.get("redirect_uri") or not section.get("cookie_secret"):
        return []
    named = [
        name
        for name, value in section.items()
        if isinstance(value, Mapping) and all(key in value for key in _PROVIDER_KEYS) and "_" not in name
    ]
    if all(key in section for key in _PROVIDER_KEYS):
        named.insert(0, "default")
    return named


def sso_on() -> bool:
    """Whether single sign-on is configured on this server."""
    return bool(providers())


def person() -> Person | None:
    """The signed-in person (st.user), or None: sign-on off, or nobody signed in."""
    if not sso_on():
        return None
    return person_from_claims(st.user.to_dict())


def follow_identity() -> Placement | None:
    """For a signed-in person: the role the owner's rules give them in the workshop they look at, held by this
    session (again on every run, so a changed rule holds at once); a role they hold no more ends. A person in
    a workshop that lets people join by code, who joined a team by its code or link in this session, is
    remembered in that team from then on. None when nobody is signed in."""
    found = person()
    identity = st.session_state.get("identity") or {}
    if found is None:
        if identity.get("via") == VIA:  # signed out of the provider in this session
            clear_role()
        return None
    wid = workshop_id()
    if wid is None:
        return None
    placement = place(engine(), wid, found)
    # A team's code typed (or its link opened) in this session, not yet the person's remembered team: where
    # people join by code, the code is what proves the team, so the latest one the person used is kept.
    joined = (
        identity.get("role") == Role.TEAM.value
        and identity.get("via") != VIA
        and identity.get("workshop_id") == wid
        and identity.get("team_id")
    )
    elsewhere = placement.role is None or (placement.team is not None and placement.team.id != identity.get("team_id"))
    if placement.team_access == TeamAccess.CODE and found.email and joined and elsewhere:
        with error_edge():
            remember_team(engine(), wid, found.email, int(identity["team_id"]))
        placement = place(engine(), wid, found)
    if placement.role is None:
        if identity:
            clear_role()
        return placement
    team_id = placement.team.id if placement.team else None
    same = (identity.get("via"), identity.get("email"), identity.get("role"), identity.get("workshop_id")) == (
        VIA,
        found.email,
        placement.role.value,
        wid,
    )
    if not same or identity.get("team_id") != team_id:
        hold(placement.role, workshop_by_id(wid).uid, placement.team)
        st.session_state["identity"] = {**st.session_state["identity"], "via": VIA, "email": found.email}
    return placement


def by_identity() -> bool:
    """Whether this session's role came from the signed-in person (not from a passcode or a team code)."""
    return (st.session_state.get("identity") or {}).get("via") == VIA


def account_caption() -> None:
    """In the sidebar: whose account this session is signed in with."""
    found = person()
    if found is not None:
        who = " · ".join(part for part in (found.name, found.email) if part) or "—"
        st.sidebar.caption(tr("sso.signed_in_account", account=who))


def sign_out_everywhere() -> None:
    """The sidebar's sign-out: the app's roles end, and with a signed-in person Streamlit's identity cookie too,
    then the provider's own session where it offers an end_session_endpoint (st.logout sends the browser
    there and back)."""
    signed_in = person() is not None
    sign_out()
    if signed_in:
        st.logout()
        st.stop()
    st.rerun()


def sign_in_buttons() -> None:
    """On the home page, above the code forms: one button per configured provider."""
    names = providers()
    if not names:
        return
    st.subheader(t("sso.sign_in_title"))
    for name in names:
        label = t("sso.sign_in") if name == "default" else t("sso.sign_in_with", provider=name.capitalize())
        if st.button(label, key=f"sso_{name}", type="primary"):
            st.login(None if name == "default" else name)
    st.caption(t("sso.or_code"))


def _who(found: Person) -> str:
    return found.email or found.name or "—"


def no_role_page() -> None:
    """All a signed-in person without a role sees: what happened and what to do, politely."""
    found = person()
    current = workshop()
    st.title(t("sso.no_role_title"))
    st.info(
        tr("sso.no_role_body", account=_who(found) if found else "—", workshop=current.name if current else ""),
        icon="🙂",
    )
    st.caption(t("sso.no_role_next"))
    other_workshops()


def other_workshops() -> None:
    """The way to another workshop, where the person may have a role (as the home page's picker)."""
    current = workshop()
    shown = pickable(list_workshops(engine()), current.id if current else None, lang())
    if len(shown) < 2:
        return
    ids = [w.id for w in shown]
    names = {w.id: w.name for w in shown}
    at = ids.index(current.id) if current is not None and current.id in ids else 0
    picked = st.selectbox(t("home.pick_workshop"), ids, index=at, format_func=lambda i: option(names[i]))
    if picked is not None and (current is None or picked != current.id):
        choose_workshop(picked)
        st.rerun()


def team_code_once_page() -> None:
    """A signed-in person not yet in a team, where the owner lets people join by code: the code, once."""
    found = person()
    st.title(t("sso.code_once_title"))
    st.caption(tr("sso.code_once_body", account=_who(found) if found else "—"))
    with st.form("join", clear_on_submit=False, enter_to_submit=False):
        code = secret_input("team_join", placeholder="KX7P-2MQ4")
        if st.form_submit_button(t("gate.join")) and found is not None and try_join(code):
            follow_identity()  # remembers the team the code found
            st.rerun()
    st.caption(t("sso.code_once_staff"))
    other_workshops()


def page_without_role(placement: Placement) -> st.navigation.page.StreamlitPage:  # type: ignore[name-defined]
    """The one page for a signed-in person the rules place nowhere (yet)."""
    found = person()
    if placement.team_access == TeamAccess.CODE and found is not None and found.email:
        return st.Page(team_code_once_page, title=t("sso.code_once_title"), icon="👥", default=True)
    return st.Page(no_role_page, title=t("sso.no_role_title"), icon="🙂", default=True)
