"""Facilitator: the teams and their join codes."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.widgets import plain, show_error
from workshop.errors import WorkshopError
from workshop.model import Role
from workshop.services.workshops import add_team, list_teams

require(Role.FACILITATOR)
wid = int(workshop_id() or 0)
st.title(t("teams.title"))
teams = list_teams(engine(), wid)
if not teams:
    st.info(t("teams.empty"))
for team in teams:
    plain(team.name)
st.caption(t("teams.codes_hashed"))

with st.form("add_team", clear_on_submit=True):
    name = st.text_input(t("teams.name"), max_chars=200)
    if st.form_submit_button(t("teams.add")):
        try:
            created, code = add_team(engine(), wid, name)
        except WorkshopError as exc:
            show_error(exc)
        else:
            st.session_state["new_team_code"] = (created.name, code)
            st.rerun()
if "new_team_code" in st.session_state:
    team_name, code = st.session_state["new_team_code"]
    st.success(t("teams.created", team=team_name, code=code), icon="🔑")
