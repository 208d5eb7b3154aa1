"""The room's answers as they come in, for the wall: per question of an open day, how many teams chose each
option or gave each rating, or the key terms of the written answers. Counts only: no team is named, so the
wall shows what the room thinks, never who thought it. Pure: it reads questions and answers, nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop.domain.keyterms import Reading, key_terms, left_out
from workshop.domain.model import Question
from workshop.domain.recap import CHOICE_KINDS, RATING_KINDS

RATING_SCALE = tuple(range(1, 6))
LIVE_TERMS = 6  # key terms a text question shows on the wall
CYCLE_SECONDS = 10  # "in turn": each question stays on the wall for two of its 5 s refreshes
IN_TURN = "turn"


@dataclass(frozen=True)
class LiveAnswer:
    """One answer as the wall counts it: no team, no answer id."""

    question_id: int
    text: str = ""
    rating: int | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class LiveResult:
    """One question's answers so far: `counts` (option or rating, teams) for choice and rating questions,
    every option in the question's order, zeros included, so bars grow in place; `terms` (term, answers
    using it) for text questions."""

    question: Question
    answers: int
    counts: tuple[tuple[str, int], ...] = ()
    terms: tuple[tuple[str, int], ...] = ()

    @property
    def shows_bars(self) -> bool:
        return self.question.kind in CHOICE_KINDS or self.question.kind in RATING_KINDS


def _choice_counts(question: Question, answers: Sequence[LiveAnswer]) -> tuple[tuple[str, int], ...]:
    counted = Counter(c for a in answers for c in dict.fromkeys(a.choices))
    # An option the facilitator removed after teams chose it still counts, after the offered ones.
    shown = list(question.options) + sorted(set(counted) - set(question.options))
    return tuple((option, counted[option]) for option in shown)


def _rating_counts(answers: Sequence[LiveAnswer]) -> tuple[tuple[str, int], ...]:
    counted = Counter(a.rating for a in answers if a.rating is not None)
    return tuple((str(value), counted[value]) for value in RATING_SCALE)


def live_result(
    question: Question, answers: Iterable[LiveAnswer], read: Reading, leave_out: Iterable[str] = ()
) -> LiveResult:
    """One question's distribution (choice, rating) or key terms (text, read as `read` says) from its answers
    so far."""
    mine = [a for a in answers if a.question_id == question.id]
    if question.kind in CHOICE_KINDS:
        return LiveResult(question, len(mine), counts=_choice_counts(question, mine))
    if question.kind in RATING_KINDS:
        return LiveResult(question, len(mine), counts=_rating_counts(mine))
    texts = [a.text for a in mine]  # names and places the room wrote never reach the wall (keyterms.left_out)
    stop = left_out(texts, read.stop_words, leave_out)
    terms = key_terms(texts, stop, LIVE_TERMS, read.language)
    return LiveResult(question, len(mine), terms=tuple(zip(terms["term"], map(int, terms["answers"]), strict=True)))


def live_results(
    questions: Sequence[Question], answers: Sequence[LiveAnswer], read: Reading, leave_out: Iterable[str] = ()
) -> list[LiveResult]:
    """Every question's live result, in the day's order."""
    return [live_result(q, answers, read, leave_out) for q in questions]


def shown_index(choice: object, count: int, now: float) -> int:
    """The question on the wall (0-based): the one the facilitator picked (1-based), or, in turn, each
    question for CYCLE_SECONDS by the clock (every wall and morning view of the room shows the same one)."""
    if isinstance(choice, int) and not isinstance(choice, bool) and 1 <= choice <= count:
        return choice - 1
    return int(now // CYCLE_SECONDS) % count if count > 0 else 0
