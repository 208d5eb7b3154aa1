"""Leadership: hand out the week — the printable HTML report, the same report as a Word document to edit,
the workbook, CSV files, raw JSON. Each file is named after the workshop and the day."""

from collections.abc import Callable

import streamlit as st

from ui.context import engine, lang, t, workshop
from ui.gate import require
from ui.widgets import error_edge, labels_now
from workshop.domain.model import Role
from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx
from workshop.services.whole.reports import docx_report, export_file_name, html_report

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
wid = current.id
st.title(t("reports.title"))
st.caption(t("reports.help"))

contacts: bool  # the box below: whether the files carry contact persons' e-mail and phone
# Each format: its MIME type and how to build the file.
FORMATS: dict[str, tuple[str, Callable[[], str | bytes]]] = {
    "html": ("text/html", lambda: html_report(engine(), wid, lang=lang(), contacts=contacts)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda: docx_report(engine(), wid, lang=lang(), contacts=contacts),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda: to_xlsx(engine(), wid, contacts),
    ),
    "csv": ("application/zip", lambda: to_csv_zip(engine(), wid, contacts)),
    "json": ("application/json", lambda: to_json(engine(), wid, contacts)),
}
chosen = st.radio(
    t("reports.format"), list(FORMATS), format_func=labels_now(FORMATS, lambda f: t(f"reports.format_{f}"))
)
st.caption(t(f"reports.about_{chosen}"))
contacts = st.checkbox(t("reports.include_contacts"), key="include_contacts", help=t("reports.include_contacts_help"))
if st.button(t("reports.prepare"), key="prepare"):
    mime, build = FORMATS[chosen]
    with error_edge() as edge, st.spinner(t("reports.preparing")):
        data = build()
        name = export_file_name(engine(), wid, chosen)
    if edge.ok:
        st.download_button(
            t("reports.download"), data=data, file_name=name, mime=mime, on_click="ignore", key="download"
        )
