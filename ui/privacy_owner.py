"""The owner's personal-data tools on the Workshops page (issue 30): the organisation's contact the privacy
page names, the workshop's retention period, and one person's data found, handed over (JSON) or erased."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, lang, t
from ui.widgets import error_edge, plain
from workshop.config.i18n import date_text
from workshop.domain.model import MAX_RETENTION_MONTHS, Workshop
from workshop.services.privacy.people import (
    erase_person,
    person_data,
    person_document,
    privacy_contact,
    set_privacy_contact,
    set_retention,
)
from workshop.services.privacy.retention import retention_of

PERSON = "privacy_person"  # the name or address the owner last looked for


def contact_form() -> None:
    """The organisation's contact for privacy requests (for every workshop)."""
    with st.form("privacy_contact", enter_to_submit=False):
        typed = st.text_input(t("privacy.owner.contact"), privacy_contact(engine()))
        st.caption(t("privacy.owner.contact_help"))
        if st.form_submit_button(t("privacy.owner.save_contact")):
            with error_edge() as edge:
                set_privacy_contact(engine(), typed)
            if edge.ok:
                st.toast(t("privacy.owner.saved"))


def retention_form(this: Workshop) -> None:
    """How many months after its last day the workshop keeps personal data, and until which day that is."""
    wid = this.id
    months, until = retention_of(engine(), wid)
    with st.form("privacy_retention", enter_to_submit=False):
        chosen = st.number_input(t("privacy.owner.months"), 1, MAX_RETENTION_MONTHS, months, step=1)
        st.caption(t("privacy.owner.until", date=date_text(until, lang())))
        if st.form_submit_button(t("privacy.owner.save_months")):
            with error_edge() as edge:
                set_retention(engine(), wid, int(chosen))
            if edge.ok:
                st.rerun()


def person_tools(this: Workshop) -> None:
    """Find one person, download what names them, and erase them after a confirmation."""
    wid = this.id
    with st.form("privacy_find", enter_to_submit=False):
        typed = st.text_input(t("privacy.owner.person"), st.session_state.get(PERSON, ""))
        st.caption(t("privacy.owner.person_help"))
        if st.form_submit_button(t("privacy.owner.find")):
            st.session_state[PERSON] = typed
    who = st.session_state.get(PERSON, "")
    if not who:
        return
    with error_edge() as edge:
        hits = person_data(engine(), wid, who)
    if not edge.ok:
        return
    if not hits:
        st.info(t("privacy.owner.none"))
        return
    st.write(t("privacy.owner.found", n=len(hits)))
    places: dict[str, int] = {}
    for hit in hits:
        places[f"{hit.table}.{hit.field}"] = places.get(f"{hit.table}.{hit.field}", 0) + 1
    plain("\n".join(f"{place}: {n}" for place, n in sorted(places.items())))
    st.download_button(
        t("privacy.owner.download"),
        person_document(engine(), wid, who),
        f"person-data-{wid}.json",
        "application/json",
        on_click="ignore",
        key="privacy_download",
    )
    sure = st.checkbox(t("privacy.owner.erase_confirm"), key="privacy_erase_sure")
    if st.button(t("privacy.owner.erase"), disabled=not sure, type="primary", key="privacy_erase"):
        with error_edge() as edge:
            changed = erase_person(engine(), wid, who)
        if edge.ok:
            st.success(t("privacy.owner.erased"))
            for table, fields in sorted(changed.items()):
                plain(f"{table}: " + ", ".join(f"{field} {n}" for field, n in sorted(fields.items())))


def privacy_section(this: Workshop | None) -> None:
    """The owner's expander on the Workshops page."""
    with st.expander(t("privacy.owner.title"), expanded=False):
        contact_form()
        if this is not None:
            retention_form(this)
            person_tools(this)
