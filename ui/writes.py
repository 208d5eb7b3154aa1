"""Saves that reach their service even when what they change has gone from the page.

A form drawn for one item (a theme, a partner, a proposal, a reaction to a theme) that saves inside
`if st.form_submit_button(...)` loses the click when the next run no longer draws that form: the item was
deleted in another session, or leadership closed reactions meanwhile. The page simply draws without it, and
the change vanishes in silence. Streamlit runs a widget's on_click at the start of the next run, from the
widget the last run drew, whether or not this run draws it again; saved through `on_save`, the service is
called with the item's id and says why it stored nothing (NotFound, ReactionsClosed, InvalidInput), and
`outcome` shows that — or the confirmation — where the page puts it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.widgets import error_edge, error_text

OUTCOMES = "write-outcomes"


def form_key(kind: str, item_id: object, *stored: object) -> str:
    """The key prefix of the widgets of one item's form. It changes when the stored item does, so the form
    shows what is stored now (as an unkeyed widget would); the callback reads the typed values by it."""
    digest = hashlib.sha256(repr(stored).encode()).hexdigest()[:10]
    return f"{kind}-{item_id}-{digest}"


def typed(prefix: str, field: str) -> object:
    """What the form's widget `field` held when its form was sent."""
    return st.session_state.get(f"{prefix}-{field}")


def typed_text(prefix: str, field: str) -> str:
    """What the form's text widget `field` held when its form was sent ('' when it held nothing)."""
    return str(typed(prefix, field) or "")


def typed_ids(prefix: str, field: str) -> list[int]:
    """The ids the form's multiselect `field` held when its form was sent."""
    value = typed(prefix, field)
    return [int(i) for i in value] if isinstance(value, list) else []


def typed_date(prefix: str, field: str) -> dt.date | None:
    """The day the form's date widget `field` held when its form was sent (None: no day)."""
    value = typed(prefix, field)
    return value if isinstance(value, dt.date) else None


def on_save(slot: str, action: Callable[[], object], done: str | Callable[[Any], str] = "") -> None:
    """An on_click: run `action` (a service call) and keep its error, or the confirmation `done` (a text,
    or one made from what the action returned), for outcome(slot)."""
    result: object = None
    with error_edge(show=False) as edge:
        result = action()
    kept = st.session_state.setdefault(OUTCOMES, {})
    if edge.error is not None:
        kept[slot] = ("error", error_text(edge.error))
    elif done:
        kept[slot] = ("saved", done(result) if callable(done) else done)


def outcome(slot: str) -> bool | None:
    """Show what the last save in `slot` came to: its error or its confirmation (None: no save to report)."""
    found = st.session_state.get(OUTCOMES, {}).pop(slot, None)
    if found is None:
        return None
    kind, message = found
    if kind == "error":
        st.error(message, icon="⚠️")
    else:
        st.success(message, icon="✅")
    return kind == "saved"


def outcomes_left() -> None:
    """Every outcome no form of this run showed (its item is no longer drawn): said all the same."""
    for slot in list(st.session_state.get(OUTCOMES, {})):
        outcome(slot)
