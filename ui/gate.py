"""The role gate, built once: sign in with a passcode or a team code; pages ask who is signed in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from ui.context import (
    choose_workshop,
    clear_role,
    engine,
    forget_workshop,
    lang,
    t,
    workshop_by_id,
    workshop_id,
)
from ui.first_run import page_starts
from ui.secret_forms import secret_input, session_key
from ui.widgets import error_edge, show_error, tr
from workshop.config.i18n import time_text
from workshop.domain.errors import NotFound
from workshop.domain.model import Role, Team
from workshop.services.access.codes import join_team, recent_wrong_codes, sign_in
from workshop.services.access.sessions import end_session, resume_session, start_session

GATE_RAN = "gate_ran"  # app.py's gate has run in this session
WORKSHOP_GONE = "workshop_gone"  # this session's sign-in ended with its deleted workshop: said once


def _held() -> dict[str, Any] | None:
    """This session's sign-in, while the workshop it was made in exists: that very workshop (its uid), not
    whichever now has its number (issue 24). Checked on every run; a sign-in whose workshop is gone ends
    here, and the session is told so (workshop_gone_notice)."""
    identity = st.session_state.get("identity")
    if not identity:
        return None
    try:
        uid = workshop_by_id(int(identity["workshop_id"])).uid
    except NotFound:
        uid = None
    if uid is not None and uid == identity.get("workshop_uid"):
        return dict(identity)
    token = identity.get("session_token")
    if token:
        end_session(engine(), str(token))
    forget_workshop()
    _drop_sign_in_from_address()
    st.session_state[WORKSHOP_GONE] = True
    return None


SIGN_IN_IN_ADDRESS = ("s", "code", "w")  # the address would sign in again, or name the deleted workshop


def _drop_sign_in_from_address() -> None:
    # Set whole, so the change is sent even when an earlier pop this run took the keys already: in a run a
    # page link started, a change made before st.navigation is lost when the browser moves to the page.
    kept = {k: st.query_params.get_all(k) for k in st.query_params if k not in SIGN_IN_IN_ADDRESS}
    st.query_params.from_dict(kept)


def workshop_gone_notice() -> None:
    """Once, after a session's sign-in ended with its deleted workshop: what happened, and the way back.
    (Called after st.navigation, so the address it leaves is the one the browser keeps.)"""
    if st.session_state.pop(WORKSHOP_GONE, False):
        _drop_sign_in_from_address()
        st.warning(t("gate.workshop_gone"), icon="🗑️")
        st.page_link("pages/home.py", label=t("gate.back_to_sign_in"), icon="🏠")


def role() -> Role | None:
    """The role this session holds in the workshop it looks at."""
    identity = _held()
    if identity is None or identity.get("workshop_id") != workshop_id():
        return None
    return Role(identity["role"])


def team() -> Team | None:
    """The team this session answers for, if it joined one."""
    identity = _held()
    if role() != Role.TEAM or identity is None:
        return None
    return Team(id=identity["team_id"], workshop_id=identity["workshop_id"], name=identity["team_name"])


def run_through_app() -> None:
    """First thing on a page: a run that skipped app.py starts again through it (ui/first_run.py), and a
    sign-in whose workshop is gone ends now, whichever script runs (app.py has said so already)."""
    page_starts()
    role()
    if st.session_state.get(WORKSHOP_GONE):
        workshop_gone_notice()
        st.stop()


def signed_in_as(held: Role) -> str:
    """Who this session is, as a sentence says it: "facilitator", "teamet Børn og familier" (not the
    capitalised role names of the sign-in form)."""
    found = team()
    return tr(f"home.signed_in_as.{held.value}", team=found.name if found else "")


def projector_token() -> str | None:
    """The projector link's token (/?projector=TOKEN), kept in the address so a reload shows the wall again."""
    token = st.query_params.get("projector")
    return str(token) if token else None


def require(*allowed: Role) -> Role:
    """Stop the page unless this session holds one of the roles (navigation hides it too)."""
    run_through_app()
    held = role()  # a sign-in in a workshop deleted meanwhile has ended here (_held)
    if held not in allowed:
        st.warning(t("gate.not_allowed"), icon="🔒")
        st.page_link("pages/home.py", label=t("nav.home"), icon="🏠")
        st.stop()
    assert held is not None
    return held


def held_workshop_id() -> int:
    """The workshop this session holds its role in, which is the one it looks at: a page asks after
    require(...), which has stopped a session holding no role (this stops it too, never says workshop 0)."""
    identity = _held()
    if identity is None or identity.get("workshop_id") != workshop_id():
        st.stop()
    return int(identity["workshop_id"])


def require_team() -> Team:
    """The signed-in team, or stop the page."""
    require(Role.TEAM)
    found = team()
    assert found is not None
    return found


def hold(role_: Role, uid: str, team_: Team | None = None, code: str = "", token: str = "") -> None:
    """This session now holds the role in the workshop it looks at, whose uid the sign-in checked."""
    earlier = (st.session_state.get("identity") or {}).get("session_token")
    if earlier and earlier != token:
        end_session(engine(), str(earlier))  # a sign-in replaces this tab's earlier one: its link ends
    clear_role()
    identity: dict[str, object] = {"role": role_.value, "workshop_id": workshop_id(), "workshop_uid": uid}
    if team_ is not None:
        identity |= {"team_id": team_.id, "team_name": team_.name, "code": code.strip().upper()}
    if token:
        identity["session_token"] = token
    st.session_state["identity"] = identity


def keep_role_session() -> None:
    """A facilitator's or leadership's sign-in rides in the address as a random token (?s=...), kept across
    pages: on a session's first run (a reload) it signs in again. A token that does not work is dropped
    silently; one left in the address after this session changed role or workshop ends and is dropped."""
    token = st.query_params.get("s")
    held = str((st.session_state.get("identity") or {}).get("session_token") or "")
    if held and role() is not None:
        if token != held:
            st.query_params["s"] = held
        return
    if not token:
        return
    if GATE_RAN not in st.session_state:
        resumed = resume_session(engine(), token)
        if resumed is not None:
            choose_workshop(resumed.workshop_id)
            hold(resumed.role, resumed.workshop_uid, token=token)
            return
    else:
        end_session(engine(), token)  # this session left that sign-in (another role or workshop): it ends
    st.query_params.pop("s", None)


def _link_workshop() -> int | None:
    """The workshop a join link names (?w=ID), if it names one that exists."""
    value = st.query_params.get("w")
    if not value:
        return None
    try:
        return workshop_by_id(int(value)).id
    except (ValueError, NotFound):
        return None


def keep_team_code() -> bool:
    """The browser tab keeps a team's workshop and code in its address (?w=ID&code=): kept across pages,
    and a reload joins again. The link's workshop is joined whichever one is current; a code that does
    not work is tried once and dropped from the address. True when the address joined a team in this run."""
    st.session_state[GATE_RAN] = True
    held = role()  # first: a sign-in whose workshop is gone ends here and takes the code from the address
    code = st.query_params.get("code")
    if held is None and code:
        named, linked = st.query_params.get("w"), _link_workshop()
        if named and linked is None:
            show_error(NotFound("no such workshop"))
        elif linked is not None:
            choose_workshop(linked)
        if (named and linked is None) or not try_join(code):
            st.query_params.pop("code", None)
            st.query_params.pop("w", None)
            return False
        return True
    identity = st.session_state.get("identity") or {}
    if role() == Role.TEAM and identity.get("code"):
        if code != identity["code"]:
            st.query_params["code"] = identity["code"]
        if st.query_params.get("w") != str(identity["workshop_id"]):
            st.query_params["w"] = str(identity["workshop_id"])
    return False


def sign_out() -> None:
    token = (st.session_state.get("identity") or {}).get("session_token")
    if token:
        end_session(engine(), str(token))
    clear_role()
    st.session_state.pop("owner", None)
    st.query_params.pop("code", None)
    st.query_params.pop("w", None)
    st.query_params.pop("s", None)


def try_join(code: str) -> bool:
    """Join the team whose code this is; shows a message and returns False when it is not."""
    wid = workshop_id()
    if wid is None:
        return False
    with error_edge() as edge:
        joined = join_team(engine(), wid, code, session=session_key())
    if not edge.ok:
        return False
    hold(Role.TEAM, workshop_by_id(wid).uid, joined, code)
    return True


def sign_in_form() -> None:
    """Passcode sign-in for facilitators and leadership, and team join, in two tabs."""
    wid = workshop_id()
    if wid is None:
        return
    staff, team_tab = st.tabs([t("gate.staff_tab"), t("gate.team_tab")])
    with staff, st.form("sign_in", clear_on_submit=True, enter_to_submit=False):
        # The labels are made here, in the session's language: Streamlit may call format_func outside the run.
        labels = {r: t(f"role.{r.value}") for r in (Role.FACILITATOR, Role.LEADERSHIP)}
        chosen = st.radio(
            t("gate.role"),
            list(labels),
            format_func=labels.__getitem__,
            horizontal=True,
        )
        code = secret_input("staff_sign_in")
        if st.form_submit_button(t("gate.sign_in")):
            with error_edge() as edge:
                sign_in(engine(), wid, chosen, code, session=session_key())
            if edge.ok:
                token = start_session(engine(), wid, chosen)
                hold(chosen, workshop_by_id(wid).uid, token=token)
                st.query_params["s"] = token
                st.rerun()
    with team_tab, st.form("join", clear_on_submit=False, enter_to_submit=False):
        code = secret_input("team_join", placeholder="KX7P-2MQ4")
        if st.form_submit_button(t("gate.join")) and try_join(code):
            st.query_params["code"] = code.strip().upper()
            st.query_params["w"] = str(wid)
            st.rerun()


def guessing_warning(wid: int) -> None:
    """Tell the facilitator when many wrong codes were tried on this workshop lately (nobody is locked out)."""
    recent = recent_wrong_codes(engine(), wid)
    if recent.alarming:
        at = time_text(dt.datetime.fromtimestamp(recent.last_at), lang())
        st.warning(t("gate.guessing_warning", n=recent.count, time=at), icon="🚨")


def is_owner() -> bool:
    """Whether this session signed in as the database's owner (creates, deletes, picks the current workshop)."""
    return bool(st.session_state.get("owner"))
