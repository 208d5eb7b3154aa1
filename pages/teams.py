"""Facilitator: the teams, their join codes and links, and the printable code sheet."""

from functools import partial
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from ui import data
from ui.confirm import delete_with_confirmation
from ui.context import engine, t, workshop
from ui.gate import guessing_warning, require
from ui.widgets import cells, error_edge, pager, plain
from ui.writes import on_save, outcome
from workshop.domain.model import Role, Team
from workshop.services.teams import (
    TeamCode,
    code_sheet_html,
    delete_team,
    join_link,
    regenerate_all_codes,
    regenerate_code,
    rename_team,
    team_answer_count,
)
from workshop.services.workshops import add_team

TEAMS_PER_PAGE = 20
SLOT = "teams"  # a rename of a team another session deleted meanwhile is said at the top of the page

require(Role.FACILITATOR)
current = workshop()
assert current is not None and current.id is not None
wid = current.id
st.title(t("teams.title"))
outcome(SLOT)
guessing_warning(wid)
# Codes are stored hashed: the ones made in this session are the only ones that can be shown or printed.
fresh: dict[int, TeamCode] = st.session_state.setdefault(f"fresh_codes_{wid}", {})


def remember(*made: TeamCode) -> None:
    fresh.update({int(m.team.id or 0): m for m in made})


def page_of_teams(every: list[Team]) -> list[Team]:
    """All the teams, or a page of them with a page picker when there are many (a big week has hundreds)."""
    span = pager(len(every), TEAMS_PER_PAGE, "teams-page", "teams.page", "teams.range")
    return every[span.start : span.stop]


here = urlsplit(st.context.url or "")
app_url = st.text_input(
    t("teams.app_url"), f"{here.scheme}://{here.netloc}" if here.netloc else "http://localhost:8501", key="app_url"
)
st.caption(t("teams.app_url_help"))

teams = data.list_teams(wid)
if not teams:
    st.info(t("teams.empty"))


def delete_warning(team_id: int) -> str:
    """What deleting the team takes with it (read only once the delete is asked for)."""
    return t("teams.delete_warning", n=team_answer_count(engine(), wid, team_id))


for team in page_of_teams(teams):
    tid = int(team.id or 0)
    with st.container(border=True):
        plain(team.name)
        if tid in fresh:
            st.code(f"{fresh[tid].code}   {join_link(app_url, fresh[tid].code, wid, current.language)}", language=None)
        with st.expander(t("teams.manage")):
            st.text_input(t("teams.name"), team.name, key=f"team-name-{tid}")
            rename = partial(lambda tid: rename_team(engine(), wid, tid, st.session_state[f"team-name-{tid}"]), tid)
            st.button(t("teams.rename"), key=f"team-rename-{tid}", on_click=on_save, args=(SLOT, rename))
            if st.button(t("teams.new_code"), key=f"team-code-{tid}", help=t("teams.new_code_help")):
                remember(regenerate_code(engine(), wid, tid))
                st.rerun()
            delete_with_confirmation(
                f"team-{tid}",
                partial(delete_warning, tid),
                partial(delete_team, engine(), wid, tid),
            )
st.caption(t("teams.codes_hashed"))

with st.form("add_team", clear_on_submit=True, enter_to_submit=False):
    name = st.text_input(t("teams.name"), key="new_team_name")
    if st.form_submit_button(t("teams.add")):
        with error_edge() as edge:
            created, code = add_team(engine(), wid, name)
        if edge.ok:
            remember(TeamCode(created, code))
            st.session_state["new_team_code"] = TeamCode(created, code)
            st.rerun()
if "new_team_code" in st.session_state:
    # The new code at once, with a sheet of its own to print: the whole sheet needs every team's code.
    made: TeamCode = st.session_state.pop("new_team_code")
    with st.container(border=True, key="new-team"):
        st.success(t("teams.code_made"), icon="🔑")
        plain(t("teams.created", team=made.team.name, code=made.code))  # the name is user text: plain
        st.code(f"{made.code}   {join_link(app_url, made.code, wid, current.language)}", language=None)
        st.download_button(
            t("teams.download_team_sheet"),
            code_sheet_html(current.name, [made], app_url, current.language),
            f"{t('file.team_codes')}.html",
            "text/html",
            type="primary",
            key="new-team-sheet",
            on_click="ignore",  # no rerun: the one-time code box stays on screen after the download
        )

st.subheader(t("teams.sheet_title"))
st.caption(t("teams.sheet_help"))
printable = [fresh[int(tm.id or 0)] for tm in teams if int(tm.id or 0) in fresh]
if teams:
    delete_with_confirmation(
        "all-codes",
        t("teams.regenerate_warning"),
        lambda: remember(*regenerate_all_codes(engine(), wid)),
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
