"""The week's log as a conversation: under each answer its comments, the team's own with edit and delete,
a form for a new one (teams), and hide / unhide (facilitator, leadership). User text through plain() only;
in labels escaped with md(), as tr() does."""

from __future__ import annotations

import functools
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t
from ui.widgets import error_edge, md, plain
from ui.writes import on_save
from workshop.config.i18n import translate
from workshop.domain.comments import COMMENT_MAX
from workshop.domain.model import Team
from workshop.services.comments import add_comment, delete_comment, edit_comment, set_hidden

SLOT = "comments"  # a comment's save or delete refused (hidden, deleted, log closed) is said at the top of the log


def answer_comments(
    workshop_id: int, given: pd.DataFrame, comments: pd.DataFrame, team: Team | None, moderator: bool
) -> None:
    """Each answer of one question with its comments; answers nobody commented on are left out unless the
    reader is a team, which may start the conversation. Such an empty conversation draws its form only
    once the team opens it: a page of the log holds hundreds of answers, and a text area per answer made
    every run cost seconds (Streamlit looks through the whole session state for each text area)."""
    by_answer = {int(r): rows for r, rows in comments.groupby("response_id")} if not comments.empty else {}
    language = lang()
    for response_id, team_name in zip(given["response_id"], given["team"], strict=True):
        these = by_answer.get(int(response_id))
        label = _label(language, str(team_name), 0 if these is None else len(these))
        if these is None:
            if team is not None:
                _first_comment(team, int(response_id), label)
            continue
        # Opened a moment ago as an empty conversation (a comment was just posted): it stays open.
        with st.expander(label, expanded=bool(st.session_state.get(_opened(int(response_id))))):
            for comment in these.itertuples():
                _comment(workshop_id, comment, team, moderator)
            if team is not None:
                _new_comment(team, int(response_id))


@functools.lru_cache(maxsize=4096)
def _label(language: str, team: str, n: int) -> str:
    """An answer's conversation label (tr: the team name escaped), made once per team and count: a page of
    the log at L has 2,000 answers, and escaping and translating each label on every run cost 0.2 s."""
    return translate(language, "log.comments_on", team=md(team), n=n)


def _opened(response_id: int) -> str:
    return f"comments_open_{response_id}"


def _first_comment(team: Team, response_id: int, label: str) -> None:
    """An answer nobody has commented on yet: its form is drawn when the team opens the expander."""
    conversation = st.expander(label, key=_opened(response_id), on_change="rerun")
    if conversation.open:
        with conversation:
            _new_comment(team, response_id)


def _comment(workshop_id: int, comment: Any, team: Team | None, moderator: bool) -> None:
    """One comment: its team and text; hidden ones (shown to moderators only) marked, greyed."""
    with st.container(border=True):
        if comment.hidden:
            st.badge(t("log.comment_hidden"), icon="🙈", color="gray")
        plain(f"{comment.team}: {comment.text}")
        if moderator:
            label = t("log.comment_unhide") if comment.hidden else t("log.comment_hide")
            if st.button(label, key=f"hide_comment_{comment.id}"):
                with error_edge() as edge:
                    set_hidden(engine(), workshop_id, int(comment.id), not comment.hidden)
                if edge.ok:
                    st.rerun()
        if team is not None and int(comment.team_id) == team.id:
            _own_comment(team, comment)


def _own_comment(team: Team, comment: Any) -> None:
    """The team's own comment: edit its text, or delete it."""
    with st.popover(t("log.comment_edit")):
        cid = int(comment.id)
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
