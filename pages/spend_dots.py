"""Team: spread the team's dots over leadership's themes or actions while a vote is open; see the ranking."""

import streamlit as st

from ui.context import engine, t
from ui.gate import require_team
from ui.vote_sections import results, spend
from ui.widgets import plain
from workshop.services.loop.votes import list_votes

me = require_team()
wid = me.workshop_id
st.title(t("vote.team_title"))
st.caption(t("vote.team_help"))
votes = list_votes(engine(), wid)
if not votes:
    st.info(t("vote.none_yet"))
for vote in votes:
    with st.container(border=True):
        plain(vote.title)
        if vote.is_open:
            spend(me, vote)
        else:
            st.caption(t("vote.closed"))
            results(wid, vote)
