"""An open day's answer cards, redrawn together when one of them saves or keeps a draft."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.answering import WHOLE_PAGE, answer_card
from ui.own_answers import own_answer_card
from workshop.domain.model import MainPoint, Question, Response, Team
from workshop.domain.voices import PersonAnswer


@dataclass(frozen=True)
class Card:
    """One question of the day with what the team (or, for a question each person answers, this person) has
    saved and the team's unsent text."""

    question: Question
    point: MainPoint | None
    earlier: Response | PersonAnswer | None
    draft: str | None = None


@st.fragment
def day_cards(team: Team, cards: list[Card]) -> None:
    """The day's cards as one fragment: saving an answer or keeping its draft redraws the day's cards, not the
    whole page (issue 17: one fragment per card was 5 fragments, and each costs a page's first run as much as
    a card: issue 25); a failed save redraws the whole page once, so an answer refused because the day closed
    moves to the closed days."""
    if st.session_state.pop(WHOLE_PAGE, False):
        st.rerun(scope="app")
    for card in cards:
        q = card.question
        if q.each_person:
            own_answer_card(team, q, card.point, card.earlier if isinstance(card.earlier, PersonAnswer) else None)
        else:
            earlier = card.earlier if isinstance(card.earlier, Response) else None
            answer_card(team, q, card.point, earlier, card.draft)
