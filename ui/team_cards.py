"""The facilitator's teams: the join codes made in this session, one team's card (rename, new code, delete)
and the box that shows a new team's code once, with a sheet of its own to print."""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui.confirm import delete_with_confirmation
from ui.context import engine, t
from ui.widgets import pager, plain
from ui.writes import on_save
from workshop.domain.model import Team, Workshop
from workshop.services.week.teams import (
    TeamCode,
    code_sheet_html,
    delete_team,
    join_link,
    regenerate_code,
    rename_team,
    team_answer_count,
)

TEAMS_PER_PAGE = 20
NEW_TEAM_CODE = "new_team_code"


def fresh_codes(wid: int) -> dict[int, TeamCode]:
    """The codes made in this session, by team id. Codes are stored hashed: these are the only ones that can be
    shown or printed."""
    found: dict[int, TeamCode] = st.session_state.setdefault(f"fresh_codes_{wid}", {})
    return found


def remember(wid: int, *made: TeamCode) -> None:
    fresh_codes(wid).update({m.team.id: m for m in made})


def page_of_teams(every: list[Team]) -> list[Team]:
    """All the teams, or a page of them with a page picker when there are many (a big week has hundreds)."""
    span = pager(len(every), TEAMS_PER_PAGE, "teams-page", "teams.page", "teams.range")
    return every[span.start : span.stop]


def delete_warning(wid: int, team_id: int) -> str:
    """What deleting the team takes with it (read only once the delete is asked for)."""
    return t("teams.delete_warning", n=team_answer_count(engine(), wid, team_id))


def rename(wid: int, team_id: int) -> None:
    """The team's name as typed (a callback: it reaches the service even if the team is gone meanwhile)."""
    rename_team(engine(), wid, team_id, st.session_state[f"team-name-{team_id}"])


def team_card(current: Workshop, team: Team, app_url: str, slot: str) -> None:
    """One team: its name, its code and join link when made in this session, and a manage expander."""
    wid, tid = current.id, team.id
    fresh = fresh_codes(wid)
    with st.container(border=True):
        plain(team.name)
        if tid in fresh:
            st.code(f"{fresh[tid].code}   {join_link(app_url, fresh[tid].code, wid, current.language)}", language=None)
        with st.expander(t("teams.manage")):
            st.text_input(t("teams.name"), team.name, key=f"team-name-{tid}")
            st.button(
                t("teams.rename"), key=f"team-rename-{tid}", on_click=on_save, args=(slot, partial(rename, wid, tid))
            )
            if st.button(t("teams.new_code"), key=f"team-code-{tid}", help=t("teams.new_code_help")):
                remember(wid, regenerate_code(engine(), wid, tid))
                st.rerun()
            delete_with_confirmation(
                f"team-{tid}", partial(delete_warning, wid, tid), partial(delete_team, engine(), wid, tid)
            )


def new_team_box(current: Workshop, app_url: str) -> None:
    """The code of a team added just now, at once, with a sheet of its own to print: the whole sheet needs
    every team's code."""
    if NEW_TEAM_CODE not in st.session_state:
        return
    made: TeamCode = st.session_state.pop(NEW_TEAM_CODE)
    wid = current.id
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
