"""Facilitator: bring the library's offer list in from a CSV or Excel file, all or nothing."""

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t
from ui.data import uploaded_sheets, uploaded_source
from ui.gate import held_workshop_id, require
from ui.widgets import cells, error_edge, labels_now, md, option, said, show_error, tr, upload_box
from workshop.config.spaces import spaces
from workshop.domain.errors import ImportRejected
from workshop.domain.model import SPACE_KEYS, Role
from workshop.domain.offer_fields import IMPORT_FIELDS
from workshop.files.limits import MAX_UPLOAD_BYTES, MB
from workshop.files.spreadsheet import IGNORE, SEPARATORS, guess_mapping, ignored_columns
from workshop.services.register.offer_import import import_offers

require(Role.FACILITATOR)
wid = held_workshop_id()
st.title(t("import.title"))
st.caption(t("import.help"))
limits = t("import.limit", mb=MAX_UPLOAD_BYTES // MB)
upload = upload_box(t("import.file"), ["csv", "txt", "tsv", "xlsx"], "import_file", limits)
if upload is None:
    st.info(t("import.empty"))
    st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")
    st.stop()

data = upload.getvalue()
sheets = uploaded_sheets(upload.file_id, data)
sheet = None
if len(sheets) > 1:
    sheet = st.selectbox(t("import.sheet"), sheets, format_func=option, key=f"sheet_{upload.file_id}")
with error_edge() as edge:
    table = uploaded_source(upload.file_id, upload.name, sheet, data)
if not edge.ok:
    st.stop()

if table.kind == "xlsx":
    st.caption(tr("import.detected_sheet", sheet=table.sheet, n=len(table.rows)))
else:
    separator = t(f"import.sep.{SEPARATORS[table.separator]}")
    st.caption(t("import.detected", encoding=table.encoding, separator=separator, n=len(table.rows)))
preview = pd.DataFrame([[str(c) if c is not None else "" for c in r] for r in table.rows[:10]], columns=table.header)
st.dataframe(cells(preview), hide_index=True)


def field_label(field: str) -> str:
    if field == IGNORE:
        return t("import.ignore")
    return spaces().space_name(field, lang()) if field in SPACE_KEYS else t(f"import.field.{field}")


st.subheader(t("import.mapping"))
st.caption(t("import.mapping_help"))
options = [IGNORE, *IMPORT_FIELDS]
mapping = []
grid = st.columns(4)
for i, (header, guess) in enumerate(zip(table.header, guess_mapping(table.header), strict=True)):
    key = f"map_{upload.file_id}_{table.sheet}_{i}"
    with grid[i % 4]:
        mapping.append(
            st.selectbox(
                md(header), options, options.index(guess), format_func=labels_now(options, field_label), key=key
            )
        )
if ignored := ignored_columns(table.header, mapping):
    st.info(tr("import.ignored", columns=", ".join(ignored)), icon="ℹ️")

if st.button(t("import.run"), type="primary"):
    bar = st.progress(0.0, text=t("import.progress"))
    with error_edge(show=False) as edge:
        result = import_offers(engine(), wid, table, mapping, progress=lambda done: bar.progress(min(done, 1.0)))
    if edge.error is not None:
        bar.empty()
        show_error(edge.error)
        if isinstance(edge.error, ImportRejected):
            columns = [t("import.row"), t("import.column"), t("import.problem")]
            rows = [(row, column, said(problem)) for row, column, problem in edge.error.problems]
            st.dataframe(cells(pd.DataFrame(rows, columns=columns)), hide_index=True, width="stretch")
    else:
        st.success(t("import.done", added=result.added, updated=result.updated, partners=result.new_partners))
        if result.undecided:
            st.warning(t("offers.ties", n=result.undecided), icon="⚖️")
        st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")
        st.page_link("pages/offer_map.py", label=t("nav.offer_map"), icon="🗺️")
