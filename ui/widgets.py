"""Shared widgets: errors in the user's language, user text as plain text.

User-written text reaches the screen only through this module: `plain()` shows it as a text element;
`md()` escapes it for any place Streamlit reads markdown (captions, alerts, titles, expander, tab and
widget labels, radio options, a translated message it is put into). Both drop the direction controls
that would reverse the app's own words beside it."""

from __future__ import annotations

import re

import streamlit as st

from ui.context import t
from workshop.domain.errors import ConfigError, WorkshopError
from workshop.domain.plain_text import neutral

# The marks Streamlit's markdown acts on anywhere in a line: emphasis, code, links and images ([), HTML (<),
# entities (&), math ($), tables, headings, and the colour, emoji and icon directives (:red[...], :smile:).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&$~|#]|:(?=\S))")
# ... and those that act only at the start of a line: lists (-, +, 1.), setext headings (===).
LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)
# A bare www. address becomes a link (GFM autolinks); http: ones are broken by the escaped colon.
AUTOLINK = re.compile(r"(?i)\b(www)\.")


def error_text(exc: WorkshopError) -> str:
    """The translated message for a domain error, with its details (field, row) where known."""
    if isinstance(exc, ConfigError):
        return str(exc)
    message = t(exc.key, **exc.params)
    detail = str(exc) if str(exc) != exc.key else ""
    # Access errors stay generic: the reason is never shown.
    if exc.key in ("error.access_denied", "error.too_many_attempts") or not detail:
        return message
    return f"{message} — {md(detail)}"  # the detail may quote what the user typed


def show_error(exc: WorkshopError) -> None:
    st.error(error_text(exc), icon="⚠️")


def plain(text: object) -> None:
    """User-written text exactly as typed: never markdown, never HTML."""
    st.text(neutral(text))


def _escape_line_start(found: re.Match[str]) -> str:
    indent, mark = found.group(1), found.group(2)
    return indent + (mark + "\\" if mark.isdigit() else "\\" + mark)  # "1." -> "1\.", "- " -> "\- "


def md(text: object) -> str:
    """User-written text for a place that reads markdown: every markdown mark escaped, so it shows as typed;
    line breaks kept as breaks."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", neutral(text))
    escaped = AUTOLINK.sub(r"\1\\.", LINE_START.sub(_escape_line_start, escaped))
    return escaped.replace("\n", "  \n")


def option(text: object) -> str:
    """User-written text for a place that shows plain text only (selectbox and multiselect options): the
    direction controls dropped."""
    return neutral(text)


def tr(key: str, **params: object) -> str:
    """A translated message with user-written values in it (names, titles), escaped with md()."""
    return t(key, **{name: md(value) if isinstance(value, str) else value for name, value in params.items()})


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
