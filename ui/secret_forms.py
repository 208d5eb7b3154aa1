"""Every form that takes a secret, in one registry. A secret's field is drawn only by `secret_input`, and
its check is a service that counts wrong codes per browser session (`session=session_key()`): one
visitor's guesses make that visitor wait, never anybody else. tests/app/test_secret_forms.py proves each
form listed here, and fails for a secret field drawn outside it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any, Literal

import streamlit as st

from ui.context import t


@dataclass(frozen=True)
class SecretForm:
    """A form (its st.form key) and its secret's field (the locale key of its label)."""

    form: str
    label: str
    hidden: bool = True  # a team code is read off a sheet and may be shown while typed


SECRET_FORMS: dict[str, SecretForm] = {
    "staff_sign_in": SecretForm("sign_in", "gate.passcode"),  # facilitator and leadership passcodes
    "team_join": SecretForm("join", "gate.team_code", hidden=False),  # also ?code= in a join link
    "owner_sign_in": SecretForm("owner_sign_in", "owner.code"),
    "owner_setup": SecretForm("owner_setup", "owner.setup_code"),
    "compare_unlock": SecretForm("compare_code", "compare.code"),
}

# The services that check a typed secret: the pages call them only with session=session_key().
SECRET_CHECKS = ("sign_in", "join_team", "sign_in_owner", "claim_owner", "unlock")
# Secrets that ride in links and are not typed: 256-bit random tokens, never guessed, so not slowed
# (a wall's projector reloads and a reloaded sign-in must not wait).
LINK_TOKENS = ("resume_session", "projector_workshop")


def session_key() -> str:
    """This browser session's own key: wrong codes slow down only the session that sends them."""
    return str(st.session_state.setdefault("session_key", secrets.token_urlsafe(12)))


def secret_input(name: str, **kwargs: Any) -> str:
    """The field of a registered secret form: the only way a page asks for a code or passcode. `kwargs` go
    to st.text_input as given (key, placeholder, help...)."""
    spec = SECRET_FORMS[name]
    kind: Literal["default", "password"] = "password" if spec.hidden else "default"
    return str(st.text_input(t(spec.label), type=kind, **kwargs))
