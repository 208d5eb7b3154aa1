"""The facilitator's checklist of the week: its steps in order and the rule of which state each is in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class StepState(StrEnum):
    DONE = "done"
    NOW = "now"  # the first step not done yet: what to do next
    TODO = "todo"


class StepKey(StrEnum):
    """The week as a facilitator runs it, in order (the book: offers mapped, then the strategy week)."""

    OFFERS = "offers"  # the library's offers imported into the register
    TEAMS = "teams"  # teams made, their codes printed on a sheet
    MAPPING_OPENED = "mapping_opened"
    MAPPING_CLOSED = "mapping_closed"
    MAPPING_RESOLVED = "mapping_resolved"  # every disagreement and proposed offer decided
    WEEK_PLANNED = "week_planned"  # main points, days and their questions
    PROJECTOR = "projector"  # the projector link for the morning meeting
    DAYS_OPENED = "days_opened"
    DAYS_CLOSED = "days_closed"
    QUOTES = "quotes"  # answers quoted in each closed day's recap
    HANDOVER = "handover"  # leadership has taken the answers on (its first theme)


@dataclass(frozen=True)
class Progress:
    """How far a step is: `done` of `total` (a step without parts counts 1 of 1 or 0 of 1)."""

    done: int
    total: int = 1

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass(frozen=True)
class Step:
    key: StepKey
    state: StepState
    progress: Progress


def checklist(progress: Mapping[StepKey, Progress]) -> list[Step]:
    """Every step in the week's order with its state: a complete step is done, the first step that is not
    is "now", every later one not complete is "to do" (a step missing from `progress` counts as not begun).
    A later step done out of order stays done: the facilitator did it, the list does not undo it."""
    steps: list[Step] = []
    now_given = False
    for key in StepKey:
        found = progress.get(key, Progress(0))
        if found.complete:
            state = StepState.DONE
        elif not now_given:
            state, now_given = StepState.NOW, True
        else:
            state = StepState.TODO
        steps.append(Step(key, state, found))
    return steps
