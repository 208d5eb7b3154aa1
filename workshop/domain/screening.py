"""Screening a proposal with the "How to Say No" questions (California Academy of Sciences, from "Byg
partnerskaber!"): each team answers yes / no / unsure per question; the card counts the answers per
question and marks where the teams disagree; leadership gives a verdict with its reason. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, field_validator

from workshop.domain.errors import InvalidInput, ScreeningClosed
from workshop.domain.messages import invalid
from workshop.domain.model import SPACE_KEYS, Label, LongText, Name, ShortText, Strict
from workshop.domain.text_fields import text_problem

NOTE_MAX = 500  # a short note beside one answer
QUESTION_COUNT = 14
FACILITATOR_RATER = "facilitator"  # a workshop without teams: the facilitator screens alone
# A template's screening question: "Screening 3 of 14: <the question>" (an aside may follow the count).
_NUMBERED = re.compile(r"^(?:Screening|Vurdering|Toets) (\d+) (?:of|af|av|van) (\d+)[^:]*:\s*(.+)$", re.DOTALL)


class ScreeningAnswer(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Verdict(StrEnum):
    YES = "yes"
    CONDITIONS = "conditions"  # yes, with conditions
    NO = "no"


def checked_verdict(verdict: str, reason: str) -> tuple[Verdict, str]:
    """Leadership's verdict and its reason (required), or InvalidInput naming the field."""
    try:
        chosen = Verdict(verdict)
    except ValueError:
        raise InvalidInput("error.choose_verdict", field="verdict") from None
    if not reason.strip():
        raise InvalidInput("error.verdict_reason", field="verdict_reason")
    return chosen, reason.strip()


def check_facilitator_screens(teams: int) -> None:
    """The facilitator screens a proposal only in a workshop without teams (with teams, the teams screen):
    InvalidInput on the rater otherwise."""
    if teams:
        raise InvalidInput("error.teams_screen", field="rater")


def team_rater(team_id: int) -> str:
    """How a team is named as the one who screened."""
    return f"team:{team_id}"


def _spaces(value: list[str]) -> list[str]:
    unknown = [s for s in value if s not in SPACE_KEYS]
    if unknown:
        raise invalid("problem.unknown_space", space=unknown[0])
    return list(dict.fromkeys(value))


class NewProposal(Strict):
    """A project or a partner's offer to the library, to be screened, as the facilitator writes it (no id yet)."""

    title: Name
    proposer: Annotated[ShortText, StringConstraints(strip_whitespace=True)] = ""
    description: LongText = ""
    spaces: Annotated[list[str], AfterValidator(_spaces)] = Field(default_factory=list)
    target_groups: list[Label] = Field(default_factory=list)
    partner_id: int | None = None
    is_open: bool = True
    verdict: Verdict | None = None
    verdict_reason: LongText = ""


class Proposal(NewProposal):
    """A stored proposal: always with its id and its workshop's."""

    id: int
    workshop_id: int

    def require_open(self) -> None:
        """Screening is stored only while the facilitator keeps the proposal open: ScreeningClosed otherwise."""
        if not self.is_open:
            raise ScreeningClosed("error.screening_closed", title=self.title)


class Answered(Strict):
    """One answer to one question, with an optional short note."""

    question: int = Field(ge=1, le=QUESTION_COUNT)
    answer: ScreeningAnswer
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=NOTE_MAX)] = ""

    @field_validator("note")
    @classmethod
    def _plain_note(cls, value: str) -> str:
        problem = text_problem(value, NOTE_MAX)
        if problem:
            raise invalid("problem.as_said", problem=problem)
        return value


@dataclass(frozen=True)
class QuestionSpread:
    """How the raters answered one question."""

    number: int
    question: str
    yes: int
    no: int
    unsure: int

    @property
    def disagree(self) -> bool:
        """Teams disagree on a question when at least one said yes and at least one said no."""
        return self.yes > 0 and self.no > 0

    @property
    def answered(self) -> int:
        return self.yes + self.no + self.unsure


def spread(questions: Sequence[str], answers: Iterable[tuple[int, ScreeningAnswer | str]]) -> list[QuestionSpread]:
    """Per question (numbered from 1): how many answered yes, no and unsure. `answers`: (number, answer)."""
    counts = {n: dict.fromkeys(ScreeningAnswer, 0) for n in range(1, len(questions) + 1)}
    for number, answer in answers:
        if number in counts:
            counts[number][ScreeningAnswer(answer)] += 1
    return [
        QuestionSpread(
            n, text, counts[n][ScreeningAnswer.YES], counts[n][ScreeningAnswer.NO], counts[n][ScreeningAnswer.UNSURE]
        )
        for n, text in enumerate(questions, start=1)
    ]


def disagreements(found: Sequence[QuestionSpread]) -> list[int]:
    """The numbers of the questions the raters disagree on."""
    return [s.number for s in found if s.disagree]


def disagreement(found: QuestionSpread) -> int:
    """How contested a question is: the smaller side of its yes and no (1 yes against 3 no is 1; 2 against 2
    is 2); 0 where the raters do not disagree."""
    return min(found.yes, found.no)


def contested_first(found: Iterable[QuestionSpread]) -> list[QuestionSpread]:
    """Every question, the most contested first: the larger minority against the majority (2 against 2 before
    1 against 3), then the more raters on either side, then in their own order; the agreed ones follow in
    theirs. Where leadership's discussion of a proposal starts."""
    return sorted(found, key=lambda s: (-disagreement(s), -(s.yes + s.no) if s.disagree else 0, s.number))


def questions_from(texts: Iterable[str]) -> tuple[str, ...]:
    """The screening questions among a template's question texts, in their numbered order, without the
    "Screening n of 14" lead-in; ValueError unless they are exactly 1..14."""
    found: dict[int, str] = {}
    for text in texts:
        match = _NUMBERED.match(text.strip())
        if match:
            found[int(match.group(1))] = " ".join(match.group(3).split())
    if sorted(found) != list(range(1, QUESTION_COUNT + 1)):
        raise ValueError(f"expected the screening questions 1..{QUESTION_COUNT}, found {sorted(found)}")
    return tuple(found[n] for n in range(1, QUESTION_COUNT + 1))
