"""Glue for the partnership toolkit's pages (issue 16): an asset as a card, the facilitator's editing and
ordering, the one accept / decline pair, a proposal's status and warnings."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from ui.confirm import delete_with_confirmation
from ui.context import engine, t
from ui.widgets import bold, error_edge, plain, tr
from ui.writes import on_save, outcome
from workshop.domain.assets import Clash, ProposalWarning, ReviewStatus
from workshop.services.register.assets import ListedAsset, delete_asset, move_asset, update_asset

EDITING = "asset-editing"
FLASH = "partnership-flash"
SLOT = "assets"  # the outcome of an asset's edit, said by show_flash() (the asset may be gone by then)
WARNINGS = {
    Clash.SAME_PARTNER: "proposals.warn.same_partner",
    Clash.SAME_CONTACT: "proposals.warn.same_contact",
    Clash.IN_REGISTER: "proposals.warn.in_register",
}
STATUS_ICON = {ReviewStatus.PENDING: "⏳", ReviewStatus.ACCEPTED: "✅", ReviewStatus.DECLINED: "✖️"}


def flash(message: str) -> None:
    """Show `message` as a success after the rerun that follows a save."""
    st.session_state[FLASH] = message
    st.rerun()


def show_flash() -> None:
    if message := st.session_state.pop(FLASH, None):
        st.success(message)
    outcome(SLOT)


def asset_fields(key: str, title: str = "", description: str = "") -> tuple[str, str]:
    """The asset's title and short description, typed into a form (inside st.form)."""
    typed = st.text_input(t("assets.field.title"), title, key=f"{key}-title")
    about = st.text_area(t("assets.field.description"), description, key=f"{key}-description")
    return typed, about


def _update(wid: int, asset_id: int) -> None:
    """The asset's form as sent (a callback: it runs even when another session deleted the asset meanwhile)."""
    key = f"asset-{asset_id}"
    update_asset(engine(), wid, asset_id, st.session_state[f"{key}-title"], st.session_state[f"{key}-description"])
    st.session_state.pop(EDITING, None)


def asset_card(asset: ListedAsset) -> None:
    bold(asset.title)
    if asset.description:
        plain(asset.description)


def editable_asset(wid: int, asset: ListedAsset, first: bool, last: bool) -> None:
    """An asset with the facilitator's buttons: up, down, edit (a form in place), delete (confirmed)."""
    with st.container(border=True):
        if st.session_state.get(EDITING) == asset.id:
            with st.form(f"asset-edit-{asset.id}", enter_to_submit=False):
                asset_fields(f"asset-{asset.id}", asset.title, asset.description)
                save, cancel = st.columns(2)
                sent = (SLOT, partial(_update, wid, asset.id), t("assets.saved"))
                save.form_submit_button(t("assets.save"), type="primary", on_click=on_save, args=sent)
                if cancel.form_submit_button(t("assets.cancel")):
                    st.session_state.pop(EDITING, None)
                    st.rerun()
            return
        asset_card(asset)
        up, down, edit, remove = st.columns([1, 1, 1, 5], vertical_alignment="top")
        if up.button("↑", key=f"asset-up-{asset.id}", disabled=first, help=t("assets.up")):
            move_asset(engine(), wid, asset.id, -1)
            st.rerun()
        if down.button("↓", key=f"asset-down-{asset.id}", disabled=last, help=t("assets.down")):
            move_asset(engine(), wid, asset.id, 1)
            st.rerun()
        if edit.button("✏️", key=f"asset-edit-{asset.id}", help=t("assets.edit")):
            st.session_state[EDITING] = asset.id
            st.rerun()
        with remove:
            delete_with_confirmation(
                f"asset-{asset.id}", t("assets.delete_confirm"), lambda: delete_asset(engine(), wid, asset.id)
            )


def decide(key: str, accept: Callable[[], object], decline: Callable[[], object], done: str) -> None:
    """Accept and decline buttons for a team's proposal; the error, if any, names the field."""
    yes, no, _ = st.columns([1, 1, 3])
    for column, label, act in ((yes, "proposals.accept", accept), (no, "proposals.decline", decline)):
        if column.button(t(label), key=f"{key}-{label}", type="primary" if act is accept else "secondary"):
            with error_edge() as edge:
                act()
            if edge.ok:
                flash(done)


def status_caption(status: ReviewStatus) -> None:
    st.caption(f"{STATUS_ICON[status]} {t(f'proposals.status.{status.value}')}")


def warning_lines(found: list[ProposalWarning]) -> None:
    """The warnings on a partner proposal, one alert each (team names are user text: escaped by tr)."""
    for w in found:
        st.warning(tr(WARNINGS[w.clash], teams=", ".join(w.teams)), icon="⚠️")
