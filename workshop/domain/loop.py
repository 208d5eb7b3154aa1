"""Closing the loop: what teams see of leadership's decisions ("you said -> we decided"), and the rules
for their reactions. Pure: models and frames in, a team's view out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import pandas as pd
from pydantic import StringConstraints

from workshop.domain.consolidation import answer_text
from workshop.domain.errors import InvalidInput, ReactionsClosed
from workshop.domain.model import SPACE_KEYS, ActionStatus, Strict, Theme, ThemeStatus
from workshop.domain.text_fields import MAX_NAME, check_text
from workshop.domain.validation import validated

REACTION_MAX = 500  # a short comment: one per team and theme


class Stance(StrEnum):
    AGREE = "agree"
    CONCERNS = "concerns"


class Reaction(Strict):
    """One team's reaction to one theme: agree or concerns, and a short plain-text comment."""

    theme_id: int
    team_id: int
    stance: Stance
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=REACTION_MAX)] = ""


def checked_reaction(theme_id: int, team_id: int, stance: str, comment: str) -> Reaction:
    """The reaction cleaned, or InvalidInput naming the field that is wrong."""
    return validated(Reaction, {"theme_id": theme_id, "team_id": team_id, "stance": stance, "comment": comment})


def check_theme_title(title: str) -> str:
    """A theme's title stripped, or InvalidInput naming the title: blank, too long, a control character."""
    clean = title.strip()
    if not clean:
        raise InvalidInput("error.theme_title", field="title")
    return check_text(clean, "title", MAX_NAME)


def check_answers_known(wanted: Iterable[int], found: Iterable[int]) -> None:
    """A theme gathers only answers of its workshop: InvalidInput naming the first wanted answer not found."""
    unknown = sorted(set(wanted) - set(found))
    if unknown:
        raise InvalidInput("error.missing.answer", field="response_ids", id=unknown[0])


def check_action_space(space: str | None) -> str | None:
    """An action concerns one of the four spaces, or none: InvalidInput naming the space otherwise."""
    if space is not None and space not in SPACE_KEYS:
        raise InvalidInput("error.unknown_space", field="space", space=str(space))
    return space


def may_react(published: bool, theme: Theme) -> bool:
    """Teams react only to a published theme that leadership keeps open for reactions."""
    return published and theme.reactions_open


def require_may_react(published: bool, theme: Theme) -> None:
    """ReactionsClosed (naming the theme) unless teams may react to it now."""
    if not may_react(published, theme):
        raise ReactionsClosed("error.reactions_closed", title=theme.title)


@dataclass(frozen=True)
class SaidAnswer:
    """An answer behind a theme, as a team reads it; `own` marks the reading team's answers."""

    team: str
    question: str
    answer: str
    own: bool


@dataclass(frozen=True)
class DecidedAction:
    title: str
    owner: str
    due: dt.date | None
    status: ActionStatus


@dataclass(frozen=True)
class ThemeOutcome:
    """One theme as teams see it: the decision and its note, the answers behind it, the actions."""

    theme_id: int
    title: str
    status: ThemeStatus
    decision: str
    answers: tuple[SaidAnswer, ...]
    actions: tuple[DecidedAction, ...]
    reactions_open: bool
    own_reaction: Reaction | None

    @property
    def decided(self) -> bool:
        return self.status != ThemeStatus.OPEN


def _due(value: object) -> dt.date | None:
    if value is None or value != value:  # NaN/NaT from pandas: no date
        return None
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def outcomes(
    themes: Sequence[Theme],
    answers: pd.DataFrame,
    actions: pd.DataFrame,
    team_id: int,
    own_reactions: Mapping[int, Reaction],
) -> list[ThemeOutcome]:
    """Every theme for one team: decided themes first, then those still open; the team's own answers
    first within a theme. `answers`: response_id, team_id, team, question, rating, choices, text;
    `actions`: theme_id, title, owner, due, status."""
    by_id = {int(r.response_id): r for r in answers.itertuples()} if not answers.empty else {}
    found = []
    for theme in themes:
        said = [
            SaidAnswer(
                team=str(row.team),
                question=str(row.question),
                answer=answer_text(row.rating, row.choices, str(row.text or "")),
                own=int(row.team_id) == team_id,
            )
            for row in (by_id[r] for r in theme.response_ids if r in by_id)
        ]
        said.sort(key=lambda a: not a.own)  # stable: the week's order within own and others
        done = actions[actions["theme_id"] == theme.id] if not actions.empty else actions
        decided = tuple(
            DecidedAction(str(a.title), str(a.owner or ""), _due(a.due), ActionStatus(a.status))
            for a in done.itertuples()
        )
        found.append(
            ThemeOutcome(
                theme_id=theme.id,
                title=theme.title,
                status=theme.status,
                decision=theme.decision,
                answers=tuple(said),
                actions=decided,
                reactions_open=theme.reactions_open,
                own_reaction=own_reactions.get(theme.id),
            )
        )
    found.sort(key=lambda o: not o.decided)
    return found


def reaction_counts(stances: Sequence[str]) -> dict[Stance, int]:
    """How many teams agree and how many have concerns."""
    return {s: sum(1 for x in stances if x == s.value) for s in Stance}
