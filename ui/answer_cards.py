"""The week's log as cards a phone reads: per answer its team, the question and the whole answer as plain
text (never a grid that cuts it off), and under it its comments and the team's comment action."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd
import streamlit as st

from ui.comment_sections import LogComment, conversation
from ui.context import t
from ui.widgets import plain
from workshop.domain.model import Question, Team


class LogAnswer(Protocol):
    """One answer of the week's log (workshop.services.week.week_log.LogAnswer)."""

    @property
    def team(self) -> str: ...
    @property
    def rating(self) -> int | None: ...
    @property
    def choices(self) -> Sequence[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def spaces(self) -> Sequence[str]: ...
    @property
    def response_id(self) -> int: ...


def answer_card(
    workshop_id: int,
    question: Question,
    answer: LogAnswer,
    comments: Sequence[LogComment] | None,
    names: dict[str, str],
    team: Team | None,
    moderator: bool,
) -> None:
    """One answer of the log as a card: the team, which question, the rating, choices, the whole
    text and the spaces it names; then its conversation."""
    with st.container(border=True):
        plain(answer.team)
        st.caption(t("log.card_question", n=question.position))
        if answer.rating is not None:
            st.caption(t("log.rating", rating=answer.rating))
        if answer.choices:
            plain(" · ".join(answer.choices))
        if answer.text:
            plain(answer.text)
        if answer.spaces:
            st.caption(t("log.card_spaces", spaces=", ".join(names.get(s, s) for s in answer.spaces)))
        conversation(workshop_id, answer.response_id, comments, team, moderator)


def answer_table(given: Sequence[LogAnswer], names: dict[str, str]) -> pd.DataFrame:
    """One question's answers as plain cells, for leadership's table view (to sort): team, rating, text..."""
    return pd.DataFrame(
        {
            t("log.col_team"): [a.team for a in given],
            t("log.col_rating"): [t("log.rating", rating=a.rating) if a.rating is not None else "" for a in given],
            t("log.col_choices"): [" · ".join(a.choices) for a in given],
            t("log.col_text"): [a.text for a in given],
            t("log.col_spaces"): [", ".join(names.get(s, s) for s in a.spaces) for a in given],
        }
    )
