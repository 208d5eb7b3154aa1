"""The offer register: every offer of the library and how it serves the four spaces.
Facilitators edit it in the table; teams and leadership read it."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.register import COLUMN_ORDER, delete_with_confirmation, offer_columns
from ui.widgets import show_error
from workshop.errors import WorkshopError
from workshop.model import Role
from workshop.register_export import register_csv, register_xlsx
from workshop.services.offers import (
    list_target_groups,
    partners_frame,
    register_frame,
    save_register,
    set_target_groups,
)

held = require(*Role)
wid = int(workshop_id() or 0)
st.title(t("offers.title"))
frame = register_frame(engine(), wid)
groups = list_target_groups(engine(), wid)
columns = offer_columns(frame, groups, list(partners_frame(engine(), wid)["name"]))
if flash := st.session_state.pop("register_flash", None):
    st.success(flash)
if frame.empty:
    st.info(t("offers.empty"))
else:
    st.caption(t("offers.count", n=len(frame)))
if undecided := int(frame["primary"].isna().sum()) if len(frame) else 0:
    st.warning(t("offers.ties", n=undecided), icon="⚖️")

if held != Role.FACILITATOR:
    if not frame.empty:
        st.dataframe(frame, column_config=columns, column_order=COLUMN_ORDER, hide_index=True, width="stretch")
else:
    st.caption(t("offers.edit_help"))
    key = f"register_{st.session_state.get('register_version', 0)}"
    edited = st.data_editor(
        frame,
        key=key,
        num_rows="add",
        column_config=columns,
        column_order=COLUMN_ORDER,
        hide_index=True,
        width="stretch",
    )
    if st.button(t("offers.save"), type="primary"):
        changes = st.session_state[key]
        updated = {int(frame.iloc[int(i)]["id"]): edited.iloc[int(i)].to_dict() for i in changes["edited_rows"]}
        added = [row.to_dict() for _, row in edited.iloc[len(frame) :].iterrows()]
        try:
            saved = save_register(engine(), wid, updated, added)
        except WorkshopError as exc:
            show_error(exc)
        else:
            st.session_state["register_flash"] = t("offers.saved", n=saved)
            st.session_state["register_version"] = st.session_state.get("register_version", 0) + 1
            st.rerun()
    if not frame.empty:
        delete_with_confirmation(frame, wid)
    with st.expander(t("offers.groups_title")), st.form("target_groups"):
        text = st.text_area(t("offers.groups_help"), "\n".join(groups), height=180)
        if st.form_submit_button(t("offers.groups_save")):
            try:
                set_target_groups(engine(), wid, text.splitlines())
            except WorkshopError as exc:
                show_error(exc)
            else:
                st.session_state["register_flash"] = t("offers.groups_saved")
                st.rerun()
    st.page_link("pages/import_offers.py", label=t("nav.import_offers"), icon="📥")

if not frame.empty:
    left, right = st.columns(2)
    left.download_button(t("offers.export_csv"), register_csv(engine(), wid), f"offers-{wid}.csv", "text/csv")
    right.download_button(
        t("offers.export_xlsx"),
        register_xlsx(engine(), wid),
        f"offers-{wid}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
