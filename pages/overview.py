"""Leadership: everything every team said, by main point, against the weak spots, never leaving one out.
Only the open tab is computed (st.tabs with on_change="rerun"); each tab's figures are cached by data version."""

import streamlit as st

from ui import consolidated as view
from ui import data
from ui.context import t, workshop
from ui.gate import require
from workshop import consolidation as cons
from workshop.model import Role

require(Role.LEADERSHIP)
current = workshop()
assert current is not None and current.id is not None
wid = current.id
st.title(t("overview.title"))
everything = data.overview_head(wid, cons.Filters())
if not everything.total:
    st.info(t("overview.empty"))
    st.page_link("pages/week_log.py", label=t("nav.week_log"), icon="📝")
    st.stop()

chosen = view.filters(everything)
head = data.overview_head(wid, chosen) if chosen != cons.Filters() else everything
a, b, c = st.columns(3)
a.metric(t("overview.answers"), f"{head.shown} / {head.total}")
b.metric(t("overview.teams_answered"), f"{head.teams_answered} / {len(head.teams)}")
c.metric(t("overview.unthemed"), head.unthemed)
if not head.shown:
    st.info(t("overview.nothing_matches"))
    st.stop()

SHOW = {
    "points": lambda: view.by_main_point(wid, chosen, head),
    "side": lambda: view.side_by_side(wid, chosen),
    "ratings": lambda: view.ratings(wid, chosen),
    "choices": lambda: view.choices(wid, chosen),
    "participation": lambda: view.participation(wid, chosen),
    "terms": lambda: view.key_terms(wid, chosen, current.language),
    "gaps": lambda: view.against_the_gaps(wid, chosen),
    "unthemed": lambda: view.unthemed(wid, chosen, head),
}
tabs = st.tabs([t(f"overview.tab_{k}") for k in SHOW], key="overview_tab", on_change="rerun")
for tab, show in zip(tabs, SHOW.values(), strict=True):
    if tab.open:  # only the open tab runs
        with tab:
            show()
