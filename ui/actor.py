"""Who acts in this session, for the record of who changed what (workshop.services.history): the signed-in
person (st.login) when sign-in is on, else the role this session holds.

The record asks at the moment of each change, from the thread that makes it: a callback (on_click), a
fragment's own rerun and a page's body all answer for their own session. The answer is read from the session
alone (no database read inside the change's transaction)."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from workshop.domain.history import Actor, ByRole
from workshop.services.history import answered_by


def _person() -> tuple[str, str] | None:
    """The signed-in person's name and e-mail (None: nobody signed in, or sign-in is off)."""
    user = st.user.to_dict()
    if not user.get("is_logged_in"):
        return None
    return str(user.get("name") or ""), str(user.get("email") or "")


def session_actor() -> Actor | None:
    """This session's author of a change (None outside a Streamlit script run: the command line, a test)."""
    if get_script_run_ctx() is None:
        return None
    identity = st.session_state.get("identity") or {}
    held = identity.get("role")
    by = ByRole(held) if held else ByRole.OWNER if st.session_state.get("owner") else ByRole.VISITOR
    person = _person()
    if person is not None:
        return Actor(by, *person)
    return Actor(by, str(identity.get("team_name") or "") if by == ByRole.TEAM else "")


def as_owner() -> Actor:
    """This session as the owner: who sets the first owner passcode is the owner from then on."""
    person = _person()
    return Actor(ByRole.OWNER, *person) if person is not None else Actor(ByRole.OWNER)


def answer_who_acts() -> None:
    """From now on this process's sessions name the authors of their changes (once is enough; idempotent)."""
    answered_by(session_actor)
