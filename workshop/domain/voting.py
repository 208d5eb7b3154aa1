"""Dot voting: leadership opens a vote on its themes or actions, each team spreads N dots over them.
Pure rules: how many dots a team may still spend, and the ranking."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from workshop.domain.errors import InvalidInput, TooManyDots
from workshop.domain.model import Name, Strict
from workshop.domain.validation import validated

MAX_DOTS = 20


class VoteTarget(StrEnum):
    THEMES = "themes"
    ACTIONS = "actions"


class NewVote(Strict):
    """A vote as leadership opens it, before it is stored."""

    title: Name
    target: VoteTarget = VoteTarget.THEMES
    dots: Annotated[int, Field(ge=1, le=MAX_DOTS)] = 3  # per team, or per person when each person votes
    is_open: bool = True
    each_person: bool = False  # each person spends their own dots, anonymous to leadership (domain.voices)


class Vote(NewVote):
    """A stored vote: always with its id and its workshop's."""

    id: int
    workshop_id: int

    def require_open(self) -> None:
        """Teams spend dots only while the vote is open."""
        if not self.is_open:
            raise InvalidInput("error.vote_closed", field="vote")

    def require_way(self, each_person: bool) -> None:
        """A team's dot goes on a vote the team takes part in as one, a person's own dot on a vote each person
        takes part in: each refuses the other's (InvalidInput on the vote)."""
        if self.each_person and not each_person:
            raise InvalidInput("error.voice.vote_each_person", field="vote")
        if each_person and not self.each_person:
            raise InvalidInput("error.voice.vote_team", field="vote")


def checked_vote(title: str, target: str, dots: int, each_person: bool = False) -> NewVote:
    """The vote cleaned, or InvalidInput naming the field that is wrong."""
    return validated(NewVote, {"title": title, "target": target, "dots": dots, "each_person": each_person})


def dots_left(dots: int, spent: Mapping[int, int]) -> int:
    """A team's dots still to spend."""
    return dots - sum(spent.values())


def check_change(change: int) -> int:
    """A team, or a person, spends (+1) or takes back (-1) one dot at a time."""
    if change not in (1, -1):
        raise InvalidInput("error.one_dot_at_a_time", field="dots")
    return change


def check_spend(dots: int, spent: Mapping[int, int], item_id: int, change: int) -> int:
    """The team's new count on the item after spending (change +1) or taking back (-1) a dot; refused
    beyond the team's dots, or below zero."""
    new = spent.get(item_id, 0) + change
    if new < 0:
        raise InvalidInput("error.no_dot_to_take_back", field="dots")
    if change > 0 and dots_left(dots, spent) < change:
        raise TooManyDots("error.too_many_dots", dots=dots)  # the translated message says it all
    return new


def ranking(labels: Mapping[int, str], totals: Mapping[int, int]) -> list[tuple[int, str, int]]:
    """Every item with its dots, most first (ties in the items' order); items without dots at the end."""
    order = {item: n for n, item in enumerate(labels)}
    return sorted(
        ((item, label, int(totals.get(item, 0))) for item, label in labels.items()),
        key=lambda row: (-row[2], order[row[0]]),
    )
