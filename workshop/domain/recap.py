"""A closed day's recap for the next morning: top choices, rating spread, where teams disagree most.
Pure: it reads the day's questions and answers, nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop.domain.errors import InvalidInput
from workshop.domain.model import Question, QuestionKind

RATING_KINDS = (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
TOP_CHOICES = 3
MAX_QUOTES = 3  # answers the facilitator quotes in a closed day's recap


def check_quotes(response_ids: Iterable[int]) -> list[int]:
    """The answers the facilitator picks to quote, each once, at most MAX_QUOTES: InvalidInput otherwise."""
    chosen = list(dict.fromkeys(response_ids))
    if len(chosen) > MAX_QUOTES:
        raise InvalidInput("error.too_many_quotes", field="quotes", limit=MAX_QUOTES, n=len(chosen))
    return chosen


@dataclass(frozen=True)
class AnswerRow:
    """One team's answer, as the recap needs it."""

    id: int
    question_id: int
    team: str
    text: str = ""
    rating: int | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionRecap:
    question: Question
    answers: int
    top_choices: list[tuple[str, int]] = field(default_factory=list)  # most chosen first, at most three
    ratings: dict[int, int] = field(default_factory=dict)  # rating value -> number of teams, 1..5
    low: int | None = None
    high: int | None = None
    mean: float | None = None

    @property
    def spread(self) -> int:
        """Highest minus lowest rating: 0 when all teams agree (or fewer than two rated)."""
        return (self.high - self.low) if self.low is not None and self.high is not None else 0


@dataclass(frozen=True)
class DayRecap:
    questions: list[QuestionRecap]
    disagreement: QuestionRecap | None  # the rating question with the widest spread, if any spread at all


def question_recap(question: Question, answers: Iterable[AnswerRow]) -> QuestionRecap:
    mine = [a for a in answers if a.question_id == question.id]
    if question.kind in CHOICE_KINDS:
        counted = Counter(c for a in mine for c in a.choices)
        top = sorted(counted.items(), key=lambda item: (-item[1], item[0]))[:TOP_CHOICES]
        return QuestionRecap(question, len(mine), top_choices=top)
    if question.kind in RATING_KINDS:
        values = [a.rating for a in mine if a.rating is not None]
        if values:
            counts = {v: values.count(v) for v in range(1, 6)}
            return QuestionRecap(
                question,
                len(mine),
                ratings=counts,
                low=min(values),
                high=max(values),
                mean=round(sum(values) / len(values), 1),
            )
    return QuestionRecap(question, len(mine))


def day_recap(questions: list[Question], answers: list[AnswerRow]) -> DayRecap:
    """Each question's figures in order; the widest rating spread (the first of equals) is where teams disagree."""
    by_question: dict[int | None, list[AnswerRow]] = {}
    for answer in answers:  # grouped once: each question's recap reads its own answers, not the whole day's
        by_question.setdefault(answer.question_id, []).append(answer)
    recaps = [question_recap(q, by_question.get(q.id, [])) for q in questions]
    rated = [r for r in recaps if r.spread > 0]
    widest = max(rated, key=lambda r: r.spread, default=None)
    return DayRecap(recaps, widest)
