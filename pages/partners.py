"""The partner register: who the library works with, and which of the four spaces each partner serves."""

import streamlit as st

from ui.context import engine, lang, t, workshop_id
from ui.data import partner_register, partners_by_space, register_frame
from ui.gate import require
from ui.widgets import error_edge, headed, multiselect, option, plain, tr
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS, RelationStage, Role, Sector
from workshop.services.partners import add_partner, served_in_space
from workshop.services.register_export import register_csv

held = require(*Role)
wid = int(workshop_id() or 0)
st.title(t("partners.title"))
if flash := st.session_state.pop("partners_flash", None):
    st.success(flash)
register = partner_register(wid)
space_name = lambda key: spaces().space_name(key, lang())  # noqa: E731
if register.empty:
    st.info(t("partners.empty"))
else:
    shown = register.assign(
        sector=register["sector"].map(lambda s: t(f"partners.sector.{s}")),
        stage=register["stage"].map(lambda s: t(f"partners.stage.{s}")),
        spaces=register["spaces"].map(lambda keys: [space_name(k) for k in keys]),
    )
    labels = {
        k: t(f"partners.col.{k}") for k in ("name", "sector", "stage", "contact", "description", "offers", "spaces")
    }
    st.dataframe(shown.drop(columns=["id"]).rename(columns=labels), hide_index=True, width="stretch")
    eng = engine()  # the file is made when the button is clicked, not on every run
    st.download_button(
        t("partners.export_csv"), lambda: register_csv(eng, wid, "partners"), f"{t('file.partners')}-{wid}.csv"
    )

    st.subheader(t("partners.by_space"))
    st.caption(t("partners.by_space_help"))
    by_space = partners_by_space(wid)
    st.dataframe(headed(by_space.rename(columns=space_name)), width="stretch")
    for column, key in zip(st.columns(4), SPACE_KEYS, strict=True):
        column.markdown(f"**{space_name(key)}**")
        served = served_in_space(by_space, key)
        with column:
            plain("\n".join(served) if served else t("partners.none_in_space"))

if held == Role.FACILITATOR:
    offers = register_frame(wid)
    names = {int(i): str(n) for i, n in zip(offers["id"], offers["name"], strict=True)}
    with st.form("add_partner", clear_on_submit=True):
        st.subheader(t("partners.add_title"))
        name = st.text_input(t("partners.col.name"), max_chars=200)
        sector = st.selectbox(t("partners.col.sector"), list(Sector), format_func=lambda s: t(f"partners.sector.{s}"))
        stage = st.selectbox(
            t("partners.col.stage"), list(RelationStage), format_func=lambda s: t(f"partners.stage.{s}")
        )
        contact = st.text_input(t("partners.col.contact"), max_chars=200)
        about = st.text_area(t("partners.col.description"), max_chars=5000)
        linked = multiselect(st, t("partners.col.offers"), list(names), format_func=lambda k: option(names[k]))
        if st.form_submit_button(t("partners.add")):
            fields = {"name": name, "sector": sector, "stage": stage, "contact": contact, "description": about}
            with error_edge() as edge:
                add_partner(engine(), wid, fields, linked)
            if edge.ok:
                st.session_state["partners_flash"] = tr("partners.added", name=name.strip())
                st.rerun()
