"""Leadership: everything every team said, by main point, against the weak spots, never leaving one out.
Only the open tab is computed (st.tabs with on_change="rerun"); it is cached by data version and filters,
and brings the figures above the tabs with it, so a run after a write reads the week once."""

import streamlit as st

from ui import data
from ui import overview_tabs as view
from ui.context import t, workshop
from ui.gate import require
from workshop.domain.model import Role

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
wid = current.id
st.title(t("overview.title"))
options = data.overview_options(wid)
if not options.total:
    st.info(t("overview.empty"))
    st.page_link("pages/week_log.py", label=t("nav.week_log"), icon="📝")
    st.stop()

chosen = view.filters(options)
st.toggle(t("log.table_view"), key=view.TABLE_VIEW)
top = st.container()
tabs = st.tabs([t(f"overview.tab_{k}") for k in view.SHOW], key="overview_tab", on_change="rerun")
for (name, show), tab in zip(view.SHOW.items(), tabs, strict=True):
    if tab.open:  # only the open tab runs
        shown = view.read_tab(name, wid, chosen, options, current.language)
        if view.figures(top, shown.head):
            with tab:
                show(shown)
