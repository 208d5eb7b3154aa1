"""Shared widgets: errors in the user's language, user text as plain text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from ui.context import t
from workshop.domain.errors import ConfigError, WorkshopError


def error_text(exc: WorkshopError) -> str:
    """The translated message for a domain error, with its details (field, row) where known."""
    if isinstance(exc, ConfigError):
        return str(exc)
    message = t(exc.key, **exc.params)
    detail = str(exc) if str(exc) != exc.key else ""
    # Access errors stay generic: the reason is never shown.
    if exc.key in ("error.access_denied", "error.too_many_attempts") or not detail:
        return message
    return f"{message} — {detail}"


def show_error(exc: WorkshopError) -> None:
    st.error(error_text(exc), icon="⚠️")


@dataclass
class Outcome:
    """What happened inside an error edge: the domain error it caught, if any."""

    error: WorkshopError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@contextmanager
def error_edge(show: bool = True) -> Iterator[Outcome]:
    """The one place a domain error becomes a message: the block stops at the error, which is shown
    (unless `show` is False: the caller keeps it in `outcome.error`), and the page goes on."""
    outcome = Outcome()
    try:
        yield outcome
    except WorkshopError as exc:
        outcome.error = exc
        if show:
            show_error(exc)


def plain(text: str) -> None:
    """User-written text exactly as typed: never markdown, never HTML."""
    st.text(text)


def page_start(count: int, per_page: int, label: str, range_key: str, key: str) -> int:
    """Where the shown page of a long list starts: 0, or the page picked when there are more than
    per_page items (`range_key` is a locale key taking {first} and {last})."""
    if count <= per_page:
        return 0
    first = st.selectbox(
        label,
        list(range(0, count, per_page)),
        format_func=lambda s: t(range_key, first=s + 1, last=min(s + per_page, count)),
        key=key,
    )
    return int(first or 0)
