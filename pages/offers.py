"""The offer register: every offer of the library and how it serves the four spaces.
Facilitators edit it in the table; teams and leadership read it."""

import streamlit as st

from ui.context import engine, t
from ui.data import list_target_groups, partners_frame, register_frame
from ui.gate import held_workshop_id, require
from ui.register import (
    COLUMN_ORDER,
    as_edited,
    delete_with_confirmation,
    offer_columns,
    register_key,
    register_view,
    unsaved_edits,
)
from ui.widgets import cells, error_edge, target_group
from workshop.domain.model import Role
from workshop.services.register.offers import save_register, set_target_groups
from workshop.services.whole.register_files import register_csv, register_xlsx

held = require(*Role)
wid = held_workshop_id()
st.title(t("offers.title"))
frame = register_frame(wid)
groups = list_target_groups(wid)
partner_names = list(partners_frame(wid)["name"])
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
        view = register_view(frame)
        columns = offer_columns(frame, groups, partner_names, read_only=True)
        st.dataframe(cells(view), column_config=columns, column_order=COLUMN_ORDER, hide_index=True, width="stretch")
else:
    st.caption(t("offers.edit_help"))
    key = register_key()
    columns = offer_columns(frame, groups, partner_names)
    view, columns = as_edited(key, register_view(frame, locked=unsaved_edits(key)), columns)
    edited = st.data_editor(
        view,
        key=key,
        num_rows="add",
        column_config=columns,
        column_order=COLUMN_ORDER,
        hide_index=True,
        width="stretch",
    )
    if st.button(t("offers.save"), type="primary"):
        changes = st.session_state[key]
        updated = {int(view.iloc[int(i)]["id"]): edited.iloc[int(i)].to_dict() for i in changes["edited_rows"]}
        added = [row.to_dict() for _, row in edited.iloc[len(view) :].iterrows()]
        with error_edge() as edge:
            saved = save_register(engine(), wid, updated, added)
        if edge.ok:
            st.session_state["register_flash"] = t("offers.saved", n=saved)
            st.session_state["register_version"] = st.session_state.get("register_version", 0) + 1
            st.rerun()
    if not view.empty:
        delete_with_confirmation(view, wid)
    with st.expander(t("offers.groups_title")), st.form("target_groups", enter_to_submit=False):
        text = st.text_area(t("offers.groups_help"), "\n".join(map(target_group, groups)), height=180)
        if st.form_submit_button(t("offers.groups_save")):
            with error_edge() as edge:
                set_target_groups(engine(), wid, text.splitlines())
            if edge.ok:
                st.session_state["register_flash"] = t("offers.groups_saved")
                st.rerun()
    st.page_link("pages/import_offers.py", label=t("nav.import_offers"), icon="📥")

if not frame.empty:
    # The files are made when the button is clicked, not on every run of the page.
    eng = engine()
    left, right = st.columns(2)
    left.download_button(
        t("offers.export_csv"), lambda: register_csv(eng, wid), f"{t('file.offers')}-{wid}.csv", "text/csv"
    )
    right.download_button(
        t("offers.export_xlsx"),
        lambda: register_xlsx(eng, wid),
        f"{t('file.offers')}-{wid}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
