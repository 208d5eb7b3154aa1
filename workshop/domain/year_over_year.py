"""Year over year: which question of an earlier workshop is "the same" as one of this workshop, and the
answers of each matched pair counted side by side. Pure functions over models and answer frames.

A pair is made by the questions' text (case and runs of whitespace ignored) or by hand (leadership picks
an earlier question for one of this workshop). Only questions answered alike may pair: a rating with a
rating, a choice with a choice, a text with a text, so a pair can always be drawn the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from workshop.domain.consolidation import RATINGS
from workshop.domain.model import Action, ActionStatus, Question, QuestionKind

RATING, CHOICE, TEXT = "rating", "choice", "text"
_FAMILY = {
    QuestionKind.RATING: RATING,
    QuestionKind.SPACE_STRENGTH: RATING,
    QuestionKind.SINGLE: CHOICE,
    QuestionKind.MULTIPLE: CHOICE,
    QuestionKind.TEXT: TEXT,
}


def normalised(text: str) -> str:
    """A question's text as matching reads it: case folded, whitespace runs as one space, ends trimmed."""
    return " ".join(text.split()).casefold()


def family(question: Question) -> str:
    """How a question is answered and drawn: rating, choice or text."""
    return _FAMILY[QuestionKind(question.kind)]


@dataclass(frozen=True)
class Match:
    """An earlier workshop's question (before) paired with one of this workshop (after)."""

    before: Question
    after: Question
    by_hand: bool


def match_questions(
    before: Sequence[Question], after: Sequence[Question], by_hand: Mapping[int, int] | None = None
) -> list[Match]:
    """Pairs in this workshop's question order. `by_hand` maps this workshop's question id to the earlier
    one's; it wins over a text match; a pick naming a missing question or a question of another family is
    ignored. Every question is in at most one pair; equal texts pair first with first."""
    earlier = {q.id: q for q in before}
    taken: set[int | None] = set()
    chosen: dict[int | None, Question] = {}
    for after_id, before_id in (by_hand or {}).items():
        now = next((q for q in after if q.id == after_id), None)
        then = earlier.get(before_id)
        if now is None or then is None or before_id in taken or family(now) != family(then):
            continue
        chosen[now.id] = then
        taken.add(before_id)
    pairs = []
    for now in after:
        if now.id in chosen:
            pairs.append(Match(chosen[now.id], now, by_hand=True))
            continue
        then = next(
            (
                q
                for q in before
                if q.id not in taken and normalised(q.text) == normalised(now.text) and family(q) == family(now)
            ),
            None,
        )
        if then is not None:
            taken.add(then.id)
            pairs.append(Match(then, now, by_hand=False))
    return pairs


def unmatched(questions: Sequence[Question], pairs: Iterable[Match], side: str) -> list[Question]:
    """The questions of one side ("before" or "after") that are in no pair: what may still be matched by hand."""
    paired = {getattr(p, side).id for p in pairs}
    return [q for q in questions if q.id not in paired]


def paired_ratings(before: Iterable[object], after: Iterable[object]) -> pd.DataFrame:
    """How many answers gave each rating 1-5, then (before) and now (after); ratings not 1-5 are not counted."""
    counts = [Counter(r for r in side if r in RATINGS) for side in (list(before), list(after))]
    return pd.DataFrame(
        {"rating": list(RATINGS), "before": [counts[0][r] for r in RATINGS], "after": [counts[1][r] for r in RATINGS]}
    )


def _picks(answer: object) -> list[str]:
    if isinstance(answer, str):
        return [answer] if answer else []
    return [str(c) for c in answer] if isinstance(answer, Iterable) else []


def paired_choices(
    before: Iterable[object], after: Iterable[object], options_before: Sequence[str], options_after: Sequence[str]
) -> pd.DataFrame:
    """How many answers picked each option then and now. Options in this workshop's order, then those only
    the earlier one offered, then any picked option neither offers any more (a question edited since)."""
    counts = [Counter(c for answer in side for c in _picks(answer)) for side in (before, after)]
    order = list(dict.fromkeys([*options_after, *options_before, *counts[1], *counts[0]]))
    return pd.DataFrame(
        {"option": order, "before": [counts[0][o] for o in order], "after": [counts[1][o] for o in order]}
    )


def done_or_not(actions: Iterable[Action]) -> tuple[list[Action], list[Action]]:
    """The earlier workshop's actions split into done and not done (planned or in progress), each in order."""
    listed = list(actions)
    done = [a for a in listed if ActionStatus(a.status) == ActionStatus.DONE]
    return done, [a for a in listed if ActionStatus(a.status) != ActionStatus.DONE]


def candidates(before: Iterable[Question], after: Question) -> list[Question]:
    """The earlier questions that may be matched by hand with `after`: those answered alike."""
    return [q for q in before if family(q) == family(after)]
