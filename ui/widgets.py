"""Shared widgets: errors in the user's language, user text as plain text.

User-written text reaches the screen only through this module: `plain()` shows it as a text element;
`md()` escapes it for any place Streamlit reads markdown (captions, alerts, titles, expander, tab and
widget labels, radio options, a translated message it is put into). Both drop the direction controls
that would reverse the app's own words beside it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ui.context import lang, t, workshop
from workshop.config.i18n import FALLBACK, catalog
from workshop.config.messages import error_message, group_name, render
from workshop.domain.errors import WorkshopError
from workshop.domain.messages import Message
from workshop.domain.model import DEFAULT_TARGET_GROUPS
from workshop.domain.paging import Span, page_span
from workshop.domain.plain_text import BIDI_CONTROLS, neutral, unlinked

T = TypeVar("T")
# The marks Streamlit's markdown acts on anywhere in a line: emphasis, code, links and images ([), HTML (<),
# entities (&), math ($), tables, headings, and the colour, emoji and icon directives (:red[...], :smile:).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&$~|#]|:(?=\S))")
# ... and those that act only at the start of a line: lists (-, +, 1.), setext headings (===).
LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.MULTILINE)
DETAIL_MAX = 400  # characters of an error's detail shown


def error_text(exc: WorkshopError) -> str:
    """A domain error in the session's language, from its message key; the values it quotes (what the user
    typed, a name) escaped for markdown. Access errors stay general: the reason is never shown."""
    return error_message(exc, lang(), md)


def said(text: Message) -> str:
    """A message (a problem of an import report) in the session's language, as plain text (a table cell)."""
    return render(text, lang())


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


def plain(text: object) -> None:
    """User-written text exactly as typed: never markdown, never HTML."""
    st.text(neutral(text))


def _escape_line_start(found: re.Match[str]) -> str:
    indent, mark = found.group(1), found.group(2)
    return indent + (mark + "\\" if mark.isdigit() else "\\" + mark)  # "1." -> "1\.", "- " -> "\- "


def md(text: object) -> str:
    """User-written text for a place that reads markdown: every markdown mark escaped, so it shows as typed;
    its web and e-mail addresses unlinked (the frontend links them whatever is escaped); line breaks kept."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", unlinked(text))
    return LINE_START.sub(_escape_line_start, escaped).replace("\n", "  \n")


def bold(text: object) -> None:
    """A short heading in bold: user-written or translated text, its markdown marks escaped (md)."""
    st.markdown(f"**{md(text)}**")


def option(text: object) -> str:
    """User-written text for a place that shows plain text only (selectbox and multiselect options): the
    direction controls dropped."""
    return neutral(text)


def labels_now(options: Iterable[T], label: Callable[[T], str]) -> Callable[[T], str]:
    """A widget's format_func with every option's label made now, in the session's language: Streamlit's
    test runner calls format_func outside the script run, where a label made then would be English."""
    made = [(value, label(value)) for value in options]
    return lambda value: next((text for known, text in made if known == value), str(value))


def target_group(name: object) -> str:
    """A target group in the workshop's words: the default groups, which the store and the spreadsheet import
    keep by their English names (like the spaces' keys), in the workshop's language (content follows the
    workshop, as its questions do); a workshop's own groups as written (plain text, as option())."""
    if name in DEFAULT_TARGET_GROUPS:
        shown = workshop()
        return group_name(str(name), shown.language if shown is not None else lang())
    return option(name)


def tr(key: str, **params: object) -> str:
    """A translated message with user-written values in it (names, titles), escaped with md()."""
    return t(key, **{name: md(value) if isinstance(value, str) else value for name, value in params.items()})


def page_number(key: str) -> int:
    """The page (0-based) the pager under `key` asked for on the last run (to read a page before drawing)."""
    return int(st.session_state.get(key, 1)) - 1


def pager(
    count: int,
    size: int,
    key: str,
    label: str,
    shown: str | None = None,
    *,
    always: bool = False,
    where: DeltaGenerator | None = None,
    on_change: Callable[[], None] | None = None,
    disabled: bool = False,
) -> Span:
    """The one page picker for long lists: a page number (in `where`, when given) once there is more than
    one page, and the caption `shown` (a locale key taking {first}, {last} and {n}) when paged or `always`.
    `label` is a locale key taking {pages} and {total} (and n, the count, for its plural form). Returns the
    slice to show."""
    pages = page_span(count, size, 0).pages
    if st.session_state.get(key, 1) > pages:  # fewer items since the last run (a filter): the last page
        st.session_state[key] = pages
    if pages > 1:
        (where or st).number_input(
            t(label, pages=pages, total=count, n=count),
            1,
            pages,
            step=1,
            key=key,
            on_change=on_change,
            disabled=disabled,
        )
    span = page_span(count, size, page_number(key))
    if shown and (pages > 1 or always):
        st.caption(t(shown, first=span.start + 1 if count else 0, last=span.stop, n=count))
    return span


def _cell(value: object) -> object:
    if isinstance(value, str):
        return neutral(value)
    if isinstance(value, (list, tuple)):  # a list column's cell
        return [neutral(v) if isinstance(v, str) else v for v in value]
    return value


def _text_like(values: pd.Series | pd.Index) -> bool:
    return values.dtype == object or isinstance(values.dtype, (pd.StringDtype, pd.CategoricalDtype))


def _name(name: object) -> object:
    return neutral(name) if isinstance(name, str) else name


def cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A table to show (st.dataframe) with the direction controls dropped from its text: cells, list cells,
    headers and index, as in every other element. Not for a data editor, whose cells are saved back."""
    shown = frame.rename(columns=_name)
    for position in range(len(shown.columns)):
        column = shown.iloc[:, position]
        if isinstance(column.dtype, pd.StringDtype):  # at once (pyarrow's regex), not cell by cell
            shown.isetitem(position, column.str.replace(BIDI_CONTROLS.pattern, "", regex=True))
        elif isinstance(column.dtype, pd.CategoricalDtype):
            shown.isetitem(position, column.map(_cell))  # its categories
        elif _text_like(column):  # one by one: Series.map would make None a NaN
            shown.isetitem(position, pd.Series([_cell(v) for v in column], index=column.index, dtype=column.dtype))
    if _text_like(shown.index) and not isinstance(shown.index, pd.MultiIndex):
        shown.index = shown.index.map(_cell)
    shown.index = shown.index.set_names([_name(n) for n in shown.index.names])
    return shown


def headed(frame: pd.DataFrame) -> pd.DataFrame:
    """A table whose column headers (and index names) that name a field are in the session's language (the
    `column.<field>` texts); other headers (team names, question codes, translated ones) stay as they are.
    Its text goes through cells()."""
    known = catalog(FALLBACK)

    def label(name: object) -> object:
        return t(f"column.{name}") if f"column.{name}" in known else name

    shown = cells(frame).rename(columns=label)
    shown.index = shown.index.set_names([label(n) if n is not None else None for n in shown.index.names])
    return shown


def multiselect(where: Any, label: str, options: Iterable[T], **kwargs: Any) -> list[T]:
    """where.multiselect with its placeholder in the session's language (Streamlit's own is English)."""
    choices = list(options)
    kwargs.setdefault("placeholder", t("widget.choose_options") if choices else t("widget.no_options"))
    kwargs.setdefault("select_all", False)  # Streamlit's "Select all" is English (issue 27.4)
    return where.multiselect(label, choices, **kwargs)


# Streamlit's line under a file box ("50MB per file • CSV, TXT, ...") is English and no parameter changes
# it: it is hidden by the data-testid Streamlit's own tests use (should that change, the English line shows
# again and nothing else breaks), and the page says the same in the session's language.
_UPLOAD_LINE = "<style>[data-testid='stFileUploaderDropzoneInstructions']{display:none}</style>"


def upload_box(label: str, types: list[str], key: str, limits: str) -> Any:
    """st.file_uploader with `limits` (its size limit and file types, in words) instead of Streamlit's line."""
    st.html(_UPLOAD_LINE)
    upload = st.file_uploader(label, type=types, key=key)
    st.caption(limits)
    return upload


def date_format() -> str:
    """st.date_input's format as the session's language writes a date (Streamlit offers nine orders)."""
    return t("widget.date_format")


_QUESTION_REF = re.compile(r"\bD(\d+)\.Q(\d+)\b")


def question_ref(label: object) -> str:
    """A question's short reference as the domain writes it (D<day>.Q<n>, consolidation.participation,
    overview.question_labels) as the session's language writes it: D1.S1 in Danish, D1.V1 in Dutch."""
    return _QUESTION_REF.sub(lambda m: t("overview.question_ref", day=m[1], n=m[2]), str(label))
