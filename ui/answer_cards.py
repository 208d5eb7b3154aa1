"""The week's log as cards a phone reads: per answer its team, the question and the whole answer as plain
text (never a grid that cuts it off), and under it its comments and the team's comment action."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd
import streamlit as st

from ui.comment_sections import conversation
from ui.context import t
from ui.widgets import plain
from workshop.domain.model import Question, Team


class LogAnswer(Protocol):
    """One row of services.week.log_answers as DataFrame.itertuples() gives it; a missing value is None or NaN."""

    team: str
    rating: float | None
    choices: Sequence[str] | None
    text: object
    spaces: Sequence[str] | None
    response_id: int


def answer_card(
    workshop_id: int,
    question: Question,
    answer: LogAnswer,
    comments: pd.DataFrame | None,
    names: dict[str, str],
    team: Team | None,
    moderator: bool,
) -> None:
    """One answer (a row of log_answers) as a card: the team, which question, the rating, choices, the whole
    text and the spaces it names; then its conversation."""
    with st.container(border=True):
        plain(answer.team)
        st.caption(t("log.card_question", n=question.position))
        rating = answer.rating
        if rating is not None and pd.notna(rating):
            st.caption(t("log.rating", rating=int(rating)))
        choices = list(answer.choices or [])
        if choices:
            plain(" · ".join(str(c) for c in choices))
        text = answer.text
        if isinstance(text, str) and text:
            plain(text)
        named = list(answer.spaces or [])
        if named:
            st.caption(t("log.card_spaces", spaces=", ".join(names.get(s, s) for s in named)))
        conversation(workshop_id, int(answer.response_id), comments, team, moderator)


def answer_table(given: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One question's answers as plain cells, for leadership's table view (to sort): team, rating, text..."""
    return pd.DataFrame(
        {
            t("log.col_team"): given["team"],
            t("log.col_rating"): [t("log.rating", rating=int(r)) if pd.notna(r) else "" for r in given["rating"]],
            t("log.col_choices"): [" · ".join(c) for c in given["choices"]],
            t("log.col_text"): given["text"],
            t("log.col_spaces"): [", ".join(names.get(s, s) for s in ss) for ss in given["spaces"]],
        }
    )
