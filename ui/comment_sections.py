"""The week's log as a conversation: under each answer its comments, the team's own with edit and delete,
a form for a new one (teams), and hide / unhide (facilitator, leadership). User text through plain() only."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Protocol

import streamlit as st

from ui.context import engine, t
from ui.widgets import error_edge, plain
from ui.writes import on_save
from workshop.domain.comments import COMMENT_MAX
from workshop.domain.model import Team
from workshop.services.week.comments import add_comment, delete_comment, edit_comment, set_hidden

SLOT = "comments"  # a comment's save or delete refused (hidden, deleted, log closed) is said at the top of the log


class LogComment(Protocol):
    """One comment under an answer of the log (workshop.services.week.week_log.LogComment)."""

    @property
    def id(self) -> int: ...
    @property
    def team_id(self) -> int: ...
    @property
    def team(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def hidden(self) -> bool: ...


def conversation(
    workshop_id: int, response_id: int, these: Sequence[LogComment] | None, team: Team | None, moderator: bool
) -> None:
    """One answer's comments, shown under it, and for a team the comment action right there. The action's
    form is drawn only once the team opens it: a page of the log holds many answers, and a text area per
    answer made every run cost seconds (Streamlit looks through the whole session state for each one)."""
    for comment in these or ():
        _comment(workshop_id, comment, team, moderator)
    if team is not None:
        action = st.expander(t("log.comment_action"), key=_opened(response_id), on_change="rerun")
        if action.open:
            with action:
                _new_comment(team, response_id)


def _opened(response_id: int) -> str:
    return f"comments_open_{response_id}"


def _comment(workshop_id: int, comment: LogComment, team: Team | None, moderator: bool) -> None:
    """One comment: its team and text; hidden ones (shown to moderators only) marked, greyed."""
    with st.container(border=True):
        if comment.hidden:
            st.badge(t("log.comment_hidden"), icon="🙈", color="gray")
        plain(f"{comment.team}: {comment.text}")
        if moderator:
            label = t("log.comment_unhide") if comment.hidden else t("log.comment_hide")
            if st.button(label, key=f"hide_comment_{comment.id}"):
                with error_edge() as edge:
                    set_hidden(engine(), workshop_id, comment.id, not comment.hidden)
                if edge.ok:
                    st.rerun()
        if team is not None and comment.team_id == team.id:
            _own_comment(team, comment)


def _own_comment(team: Team, comment: LogComment) -> None:
    """The team's own comment: edit its text, or delete it."""
    with st.popover(t("log.comment_edit")):
        cid = comment.id
        with st.form(f"edit_comment_{cid}", enter_to_submit=False):
            st.text_area(t("log.comment_label", n=COMMENT_MAX), value=comment.text, key=f"edit_comment_text_{cid}")
            edit = partial(
                lambda cid: edit_comment(engine(), team, cid, st.session_state[f"edit_comment_text_{cid}"]), cid
            )
            st.form_submit_button(t("log.comment_save"), on_click=on_save, args=(SLOT, edit))
        gone = partial(delete_comment, engine(), team, cid)
        st.button(t("log.comment_delete"), key=f"delete_comment_{cid}", on_click=on_save, args=(SLOT, gone))


def _new_comment(team: Team, response_id: int) -> None:
    with st.form(f"comment_{response_id}", clear_on_submit=True, enter_to_submit=False):
        st.text_area(t("log.comment_label", n=COMMENT_MAX), key=f"comment_text_{response_id}")
        send = partial(lambda r: add_comment(engine(), team, r, st.session_state[f"comment_text_{r}"]), response_id)
        st.form_submit_button(t("log.comment_send"), on_click=on_save, args=(SLOT, send))
