"""Glue for the offer register: table columns in the user's language, deleting with confirmation."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from ui.context import engine, lang, t
from ui.widgets import error_edge, labels_now, multiselect, option, pager, plain, target_group
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS, OfferStatus
from workshop.domain.offer_fields import FIELDS
from workshop.services.register.offers import delete_offers

# A table's column settings by column name (None: the column is hidden), as st.dataframe/st.data_editor take them.
Columns = dict[str, ColumnConfig | None]

PAGE_SIZE = 100  # offers per page: a table of thousands of rows is slow to send and to edit
# The register's columns: the offer fields, the primary space as the register computes it ("primary").
COLUMN_ORDER = tuple("primary" if f == "primary_space" else f for f in FIELDS)


def _used(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted({item for items in frame[column] for item in items}) if len(frame) else []


def _options(names: Iterable[str], read_only: bool) -> list[str]:
    """A multiselect column's options: in a read-only table as its cells are shown (cells(): no direction
    controls); in the editor as stored, since the chosen ones are saved."""
    return list(dict.fromkeys(option(n) if read_only else n for n in names))


def offer_columns(
    frame: pd.DataFrame, groups: list[str], partner_names: list[str], *, read_only: bool = False
) -> Columns:
    """Column settings for st.dataframe (`read_only`, its frame through cells()) / st.data_editor, labelled in
    the user's language."""
    cc = st.column_config
    space = lambda key: spaces().space_name(key, lang())  # noqa: E731
    status = [s.value for s in OfferStatus]
    columns: Columns = {
        "id": None,
        "name": cc.TextColumn(t("offers.col.name"), required=True, pinned=True),
        "description": cc.TextColumn(t("offers.col.description")),
        "owner_team": cc.TextColumn(t("offers.col.owner_team")),
        "target_groups": cc.MultiselectColumn(
            t("offers.col.target_groups"),
            options=(group_options := _options([*groups, *_used(frame, "target_groups")], read_only)),
            format_func=labels_now(group_options, target_group),
        ),
        "status": cc.SelectboxColumn(
            t("offers.col.status"), options=status, format_func=labels_now(status, lambda s: t(f"offers.status.{s}"))
        ),
        "reach": cc.NumberColumn(t("offers.col.reach"), min_value=0, step=1, format="%d"),
        "strength": cc.NumberColumn(
            t("offers.col.strength"), min_value=1, max_value=5, step=1, help=t("offers.help.strength")
        ),
        "primary": cc.SelectboxColumn(
            t("offers.col.primary"),
            options=list(SPACE_KEYS),
            format_func=labels_now(SPACE_KEYS, space),
            help=t("offers.help.primary"),
        ),
        "partners": cc.MultiselectColumn(
            t("offers.col.partners"), options=_options([*partner_names, *_used(frame, "partners")], read_only)
        ),
        "tags": cc.MultiselectColumn(
            t("offers.col.tags"), options=_options(_used(frame, "tags"), read_only), accept_new_options=True
        ),
    }
    for key in SPACE_KEYS:
        columns[key] = cc.NumberColumn(space(key), min_value=0, max_value=3, step=1, help=t("offers.help.contribution"))
    return columns


def register_key() -> str:
    """The key of the register's editor; a new key starts the editor afresh (after a save, a turned page)."""
    return f"register_{st.session_state.get('register_version', 0)}"


def _start_afresh() -> None:
    st.session_state["register_version"] = st.session_state.get("register_version", 0) + 1


def _searched() -> None:
    st.session_state["register_page"] = 1
    _start_afresh()


def unsaved_edits(key: str) -> bool:
    """Whether the editor holds changes not saved yet (they are lost if the page turns)."""
    state = st.session_state.get(key) or {}
    return bool(state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows"))


def register_view(frame: pd.DataFrame, locked: bool = False) -> pd.DataFrame:
    """The offers shown: those whose name holds the search text, one page of PAGE_SIZE at a time.
    While `locked` (unsaved edits) the search and the page stay as they are."""
    left, right = st.columns([3, 1])
    query = left.text_input(t("offers.search"), key="register_search", on_change=_searched, disabled=locked).strip()
    found = frame[frame["name"].str.contains(query, case=False, regex=False)] if query and len(frame) else frame
    if query and found.empty:
        st.info(t("offers.no_match"))
    span = pager(
        len(found),
        PAGE_SIZE,
        "register_page",
        "offers.page",
        "offers.showing",
        always=bool(query) and not found.empty,
        where=right,
        on_change=_start_afresh,
        disabled=locked,
    )
    if locked:
        st.caption(t("offers.pending"))
        st.button(t("offers.discard"), on_click=_start_afresh)
    return found.iloc[span.start : span.stop]


SHOWN = "register_shown"  # (editor key, rows, columns) as the editor last drew them


def as_edited(key: str, view: pd.DataFrame, columns: Columns) -> tuple[pd.DataFrame, Columns]:
    """The rows and columns to give the editor: while it holds unsaved edits, those it drew when they were
    made. The editor keeps its edits only while its data and columns stay the same; read afresh, an offer
    deleted (or a partner added) in another session meanwhile made a new, empty editor, and the save said
    "Saved 0 offer(s)" for edits dropped in silence. Kept, each edit stays on the offer it was made to, and
    the save names an offer that is gone (NotFound)."""
    held = st.session_state.get(SHOWN)
    if unsaved_edits(key) and held is not None and held[0] == key:
        return held[1], held[2]
    st.session_state[SHOWN] = (key, view, columns)
    return view, columns


def delete_with_confirmation(frame: pd.DataFrame, workshop_id: int) -> None:
    """Pick offers to delete; nothing goes until the user confirms the list of names."""
    names = {int(i): str(n) for i, n in zip(frame["id"], frame["name"], strict=True)}
    with st.expander(t("offers.delete_title")):
        chosen = multiselect(
            st, t("offers.delete_pick"), list(names), format_func=lambda k: option(names[k]), key="delete_pick"
        )
        if st.button(t("offers.delete"), disabled=not chosen):
            st.session_state["delete_pending"] = [int(i) for i in chosen]
        pending = [i for i in st.session_state.get("delete_pending", []) if i in names]
        if not pending:
            return
        st.warning(t("offers.delete_confirm", n=len(pending)), icon="🗑️")
        plain("\n".join(str(names[i]) for i in pending))
        yes, no = st.columns(2)
        if yes.button(t("offers.delete_yes"), type="primary"):
            with error_edge() as edge:
                gone = delete_offers(engine(), workshop_id, pending)
            if not edge.ok:
                return
            st.session_state.pop("delete_pending", None)
            st.session_state["register_flash"] = t("offers.deleted", n=gone)
            st.session_state["register_version"] = st.session_state.get("register_version", 0) + 1
            st.rerun()
        if no.button(t("offers.delete_no")):
            st.session_state.pop("delete_pending", None)
            st.rerun()
