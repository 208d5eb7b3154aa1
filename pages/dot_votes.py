"""Leadership: dot votes on the themes or the actions; each team spreads its dots; the ranking as a chart."""

import streamlit as st

from ui.context import engine, t
from ui.gate import held_workshop_id, require
from ui.vote_sections import new_vote_form, open_switch, results
from ui.widgets import plain
from workshop.domain.model import Role
from workshop.services.loop.votes import list_votes

require(Role.LEADERSHIP)
wid = held_workshop_id()
st.title(t("vote.title"))
st.caption(t("vote.help"))
with st.expander(t("vote.new")):
    new_vote_form(wid)
votes = list_votes(engine(), wid)
if not votes:
    st.info(t("vote.empty"))
for vote in votes:
    with st.container(border=True):
        plain(vote.title)
        about = "vote.about_person" if vote.each_person else "vote.about"
        st.caption(t(about, target=t(f"vote.target.{vote.target.value}"), n=vote.dots))
        open_switch(wid, vote)
        results(wid, vote)
