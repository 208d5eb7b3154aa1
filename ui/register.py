"""Glue for the offer register: table columns in the user's language, deleting with confirmation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t
from ui.widgets import show_error
from workshop.errors import WorkshopError
from workshop.model import SPACE_KEYS, OfferStatus
from workshop.services.offers import delete_offers
from workshop.spaces import spaces

COLUMN_ORDER = ("name", "description", "owner_team", "target_groups", "status", "reach", "strength",
                *SPACE_KEYS, "primary", "partners", "tags")  # fmt: skip


def _used(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted({item for items in frame[column] for item in items}) if len(frame) else []


def offer_columns(frame: pd.DataFrame, groups: list[str], partner_names: list[str]) -> dict[str, object]:
    """Column settings for st.dataframe / st.data_editor, labelled in the user's language."""
    cc = st.column_config
    space = lambda key: spaces().space_name(key, lang())  # noqa: E731
    status = [s.value for s in OfferStatus]
    columns: dict[str, object] = {
        "id": None,
        "name": cc.TextColumn(t("offers.col.name"), required=True, max_chars=200, pinned=True),
        "description": cc.TextColumn(t("offers.col.description"), max_chars=5000),
        "owner_team": cc.TextColumn(t("offers.col.owner_team"), max_chars=200),
        "target_groups": cc.MultiselectColumn(
            t("offers.col.target_groups"), options=list(dict.fromkeys([*groups, *_used(frame, "target_groups")]))
        ),
        "status": cc.SelectboxColumn(
            t("offers.col.status"), options=status, format_func=lambda s: t(f"offers.status.{s}")
        ),
        "reach": cc.NumberColumn(t("offers.col.reach"), min_value=0, step=1, format="%d"),
        "strength": cc.NumberColumn(
            t("offers.col.strength"), min_value=1, max_value=5, step=1, help=t("offers.help.strength")
        ),
        "primary": cc.SelectboxColumn(
            t("offers.col.primary"), options=list(SPACE_KEYS), format_func=space, help=t("offers.help.primary")
        ),
        "partners": cc.MultiselectColumn(
            t("offers.col.partners"), options=list(dict.fromkeys([*partner_names, *_used(frame, "partners")]))
        ),
        "tags": cc.MultiselectColumn(t("offers.col.tags"), options=_used(frame, "tags"), accept_new_options=True),
    }
    for key in SPACE_KEYS:
        columns[key] = cc.NumberColumn(space(key), min_value=0, max_value=3, step=1, help=t("offers.help.contribution"))
    return columns


def delete_with_confirmation(frame: pd.DataFrame, workshop_id: int) -> None:
    """Pick offers to delete; nothing goes until the user confirms the list of names."""
    names = {int(i): str(n) for i, n in zip(frame["id"], frame["name"], strict=True)}
    with st.expander(t("offers.delete_title")):
        chosen = st.multiselect(t("offers.delete_pick"), list(names), format_func=names.get, key="delete_pick")
        if st.button(t("offers.delete"), disabled=not chosen):
            st.session_state["delete_pending"] = [int(i) for i in chosen]
        pending = [i for i in st.session_state.get("delete_pending", []) if i in names]
        if not pending:
            return
        st.warning(t("offers.delete_confirm", n=len(pending)), icon="🗑️")
        st.text("\n".join(str(names[i]) for i in pending))
        yes, no = st.columns(2)
        if yes.button(t("offers.delete_yes"), type="primary"):
            try:
                gone = delete_offers(engine(), workshop_id, pending)
            except WorkshopError as exc:
                show_error(exc)
                return
            st.session_state.pop("delete_pending", None)
            st.session_state["register_flash"] = t("offers.deleted", n=gone)
            st.session_state["register_version"] = st.session_state.get("register_version", 0) + 1
            st.rerun()
        if no.button(t("offers.delete_no")):
            st.session_state.pop("delete_pending", None)
            st.rerun()
