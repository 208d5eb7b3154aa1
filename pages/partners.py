"""The partner register: who the library works with, where each stands in the network circle and how it
moved there over the years, and which spaces and target groups each partner's offers serve."""

import streamlit as st

from ui.context import engine, lang, t
from ui.data import partner_register, partners_by_space, partners_by_target_group, register_frame
from ui.gate import held_workshop_id, require
from ui.partners import (
    SLOT,
    add_section,
    circle_section,
    edit_section,
    history_section,
    sector_label,
    stage_label,
    weak_space_flag,
)
from ui.widgets import cells, headed, option, plain, target_group
from ui.writes import outcome
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS, Role
from workshop.services.partnership.partners import served_in_space
from workshop.services.whole.register_files import register_csv

held = require(*Role)
facilitator = held == Role.FACILITATOR
wid = held_workshop_id()
st.title(t("partners.title"))
if flash := st.session_state.pop("partners_flash", None):
    st.success(flash)
outcome(SLOT)
register = partner_register(wid)
space_name = lambda key: spaces().space_name(key, lang())  # noqa: E731
offers = register_frame(wid)
offer_names = {int(i): str(n) for i, n in zip(offers["id"], offers["name"], strict=True)}
if register.empty:
    st.info(t("partners.empty"))
else:
    shown = register.assign(
        sector=register["sector"].map(sector_label),
        stage=register["stage"].map(stage_label),
        spaces=register["spaces"].map(lambda keys: [space_name(k) for k in keys]),
    )
    labels = {
        k: t(f"partners.col.{k}") for k in ("name", "sector", "stage", "contact", "description", "offers", "spaces")
    }
    st.dataframe(cells(shown.drop(columns=["id"]).rename(columns=labels)), hide_index=True, width="stretch")
    eng = engine()  # the file is made when the button is clicked, not on every run
    st.download_button(
        t("partners.export_csv"), lambda: register_csv(eng, wid, "partners"), f"{t('file.partners')}-{wid}.csv"
    )

    per_space = partners_by_space(wid)
    circle_section(register)
    weak_space_flag(wid, register, per_space)

    by_space, by_group = st.columns(2)
    by_space.subheader(t("partners.by_space"))
    by_space.caption(t("partners.by_space_help"))
    by_space.dataframe(headed(per_space.rename(columns=space_name)), width="stretch")
    by_group.subheader(t("partners.by_group"))
    by_group.caption(t("partners.by_group_help"))
    per_group = partners_by_target_group(wid)
    if per_group.columns.empty:
        by_group.info(t("partners.no_groups"))
    else:
        by_group.dataframe(headed(per_group.rename(columns=target_group)), width="stretch")
    for column, key in zip(st.columns(4), SPACE_KEYS, strict=True):
        column.markdown(f"**{space_name(key)}**")
        served = served_in_space(per_space, key)
        with column:
            plain("\n".join(served) if served else t("partners.none_in_space"))

    st.subheader(t("partners.movement"))
    names = {int(i): str(n) for i, n in zip(register["id"], register["name"], strict=True)}
    chosen = st.selectbox(t("partners.pick"), list(names), format_func=lambda k: option(names[k]), key="partner_pick")
    if chosen is not None:
        history_section(wid, chosen, names[chosen], facilitator)
        if facilitator:
            edit_section(wid, register[register["id"] == chosen].iloc[0], offer_names)

if facilitator:
    add_section(wid, offer_names)
