"""Facilitator: the teams, their join codes and links, and the printable code sheet."""

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from ui import data
from ui.confirm import delete_with_confirmation
from ui.context import engine, t, workshop
from ui.gate import guessing_warning, require
from ui.team_cards import NEW_TEAM_CODE, fresh_codes, new_team_box, page_of_teams, remember, team_card
from ui.widgets import cells, error_edge
from ui.writes import outcome
from workshop.domain.model import Role
from workshop.services.week.teams import TeamCode, code_sheet_html, join_link, regenerate_all_codes
from workshop.services.workshops.lifecycle import add_team

SLOT = "teams"  # a rename of a team another session deleted meanwhile is said at the top of the page

require(Role.FACILITATOR)
current = workshop()
assert current is not None
wid = current.id
st.title(t("teams.title"))
outcome(SLOT)
guessing_warning(wid)
fresh = fresh_codes(wid)

here = urlsplit(st.context.url or "")
app_url = st.text_input(
    t("teams.app_url"), f"{here.scheme}://{here.netloc}" if here.netloc else "http://localhost:8501", key="app_url"
)
st.caption(t("teams.app_url_help"))

teams = data.list_teams(wid)
if not teams:
    st.info(t("teams.empty"))

for team in page_of_teams(teams):
    team_card(current, team, app_url, SLOT)
st.caption(t("teams.codes_hashed"))

with st.form("add_team", clear_on_submit=True, enter_to_submit=False):
    name = st.text_input(t("teams.name"), key="new_team_name")
    if st.form_submit_button(t("teams.add")):
        with error_edge() as edge:
            created, code = add_team(engine(), wid, name)
        if edge.ok:
            remember(wid, TeamCode(created, code))
            st.session_state[NEW_TEAM_CODE] = TeamCode(created, code)
            st.rerun()
new_team_box(current, app_url)

st.subheader(t("teams.sheet_title"))
st.caption(t("teams.sheet_help"))
printable = [fresh[tm.id] for tm in teams if tm.id in fresh]
if teams:
    delete_with_confirmation(
        "all-codes",
        t("teams.regenerate_warning"),
        lambda: remember(wid, *regenerate_all_codes(engine(), wid)),
        label=t("teams.regenerate_all"),
        yes_label=t("teams.regenerate_yes"),
    )
if printable:
    rows = [
        {
            t("teams.col_team"): m.team.name,
            t("teams.col_code"): m.code,
            t("teams.col_link"): join_link(app_url, m.code, wid, current.language),
        }
        for m in printable
    ]
    st.dataframe(cells(pd.DataFrame(rows)), hide_index=True, width="stretch")
    if len(printable) < len(teams):
        st.warning(t("teams.sheet_incomplete", n=len(teams) - len(printable)), icon="ℹ️")
    sheet = code_sheet_html(current.name, printable, app_url, current.language)  # printed in the workshop's language
    st.download_button(t("teams.download_sheet"), sheet, f"{t('file.team_codes')}.html", "text/html", type="primary")
