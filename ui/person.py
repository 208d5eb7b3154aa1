"""Who "a person" is on a team's page (issue 29.2): the signed-in person (Streamlit's st.user, when sign-in
is on), else one device session. Only an opaque key leaves this module for storage, never the e-mail."""

from __future__ import annotations

import streamlit as st

from ui.runtime import secrets_section
from workshop.domain.voices import device_person, signed_in_person

DEVICE_KEY = "voice-person"  # this device session's person key (without sign-in)


def signed_in() -> bool:
    """Whether someone signed in with the organisation's account (st.login) uses this session."""
    return st.user.get("is_logged_in") is True and bool(st.user.get("email"))


def _server_secret() -> str:
    """The key of the person hash: the sign-in's cookie secret from .streamlit/secrets.toml (never stored in
    the database or its backups), or "" when there is none."""
    return str(secrets_section("auth").get("cookie_secret") or "")


def person_key(workshop_uid: str) -> str:
    """This person's opaque key: the keyed hash of their e-mail when signed in (the same on every device), else
    this device session's random key (a new person after "Next person")."""
    secret = _server_secret()
    if signed_in() and secret:
        return signed_in_person(secret, workshop_uid, str(st.user.get("email")))
    if DEVICE_KEY not in st.session_state:
        st.session_state[DEVICE_KEY] = device_person()
    return str(st.session_state[DEVICE_KEY])


def next_person() -> None:
    """The device passes to the next colleague: a new person key, and the last person's choices cleared."""
    st.session_state[DEVICE_KEY] = device_person()
    kept = ("own-rating-", "own-choices-", "own-idem-", "own-outcome-")  # ui.own_answers' keys
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(kept)]:
        del st.session_state[key]


def editor_name() -> str:
    """The name the team sees as who last edited an answer: the signed-in person's name (else their e-mail);
    "" without sign-in (the team's device is shared, so the app cannot tell who typed)."""
    if not signed_in():
        return ""
    return str(st.user.get("name") or st.user.get("email") or "")
