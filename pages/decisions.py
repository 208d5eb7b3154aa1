"""Team: what leadership decided from the week's answers ("you said -> we decided"), and the team's reactions."""

import streamlit as st

from ui import data
from ui.context import t
from ui.gate import require_team
from ui.loop_sections import outcome_card
from ui.widgets import pager
from ui.writes import outcomes_left

PAGE_SIZE = 10  # themes per page

me = require_team()
st.title(t("loop.title"))
st.caption(t("loop.help"))
found = data.team_outcomes(me.workshop_id, me.id)
if not found:
    outcomes_left()  # a reaction sent as leadership withdrew the decisions: refused, and said so
if found is None:
    st.info(t("loop.not_published_yet"), icon="⏳")
    st.stop()
if not found:
    st.info(t("loop.no_themes"))
    st.stop()
decided = sum(1 for o in found if o.decided)
st.caption(t("loop.summary", n=len(found), decided=decided))
span = pager(len(found), PAGE_SIZE, "decisions-page", "loop.page", "loop.range")
notices = st.container()  # a reaction to a theme no longer shown (deleted, or unpublished) is said up here
for outcome in found[span.start : span.stop]:
    outcome_card(me, outcome)
with notices:
    outcomes_left()
