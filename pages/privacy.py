"""Privacy: what the app keeps about people, why, who sees it, for how long, and whom to ask for a copy or
erasure (issue 30). Open to everyone, reached from every page's footer; the wording is the locale files', the
organisation's contact the owner's (Workshops page)."""

import streamlit as st

from ui.context import engine, lang, t, workshop
from ui.gate import run_through_app
from ui.widgets import plain
from workshop.config.i18n import date_text
from workshop.domain.model import DEFAULT_RETENTION_MONTHS
from workshop.services.privacy.people import privacy_contact
from workshop.services.privacy.retention import retention_of

run_through_app()
st.title(t("privacy.title"))
st.write(t("privacy.intro"))
for part in ("what", "why", "who"):
    st.subheader(t(f"privacy.{part}.title"))
    st.write(t(f"privacy.{part}.body"))
st.subheader(t("privacy.how_long.title"))
st.write(t("privacy.how_long.body", months=DEFAULT_RETENTION_MONTHS))
current = workshop()
if current is not None:
    _, until = retention_of(engine(), current.id)
    st.info(t("privacy.this_workshop", date=date_text(until, lang())), icon="🗓️")
st.subheader(t("privacy.rights.title"))
st.write(t("privacy.rights.body"))
st.subheader(t("privacy.contact.title"))
contact = privacy_contact(engine())
if contact:
    plain(contact)  # the owner's text, shown as typed
else:
    st.write(t("privacy.contact.none"))
