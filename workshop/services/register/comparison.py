"""Comparing two workshops (last year's week and this one): who may, and the compared scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from workshop.domain.compare import compare_scores
from workshop.domain.model import Action, Question, Role
from workshop.domain.year_over_year import (
    CHOICE,
    RATING,
    Match,
    done_or_not,
    family,
    match_questions,
    paired_choices,
    paired_ratings,
    unmatched,
)
from workshop.services.access.codes import sign_in
from workshop.services.loop.actions import list_actions
from workshop.services.register.strengths import workshop_scores
from workshop.services.week.days import answers_frame, list_questions
from workshop.services.workshops.lifecycle import list_workshops


@dataclass(frozen=True)
class Comparison:
    """Each space and aim before (the other workshop) and after (this one): workshop.domain.compare."""

    spaces: pd.DataFrame
    aims: pd.DataFrame


def comparable(engine: Engine, workshop_id: int) -> dict[int, str]:
    """The workshops this one may be compared with: every other one, by id, with its name."""
    return {w.id: w.name for w in list_workshops(engine) if w.id != workshop_id}


def unlock(engine: Engine, other_id: int, code: str, *, session: str) -> None:
    """Leadership sees another workshop's figures only with that workshop's leadership code (the code that
    signs its leadership in; wrong ones make only this browser session wait). AccessDenied when it is not."""
    sign_in(engine, other_id, Role.LEADERSHIP, code, session=session)


def compare_workshops(engine: Engine, other_id: int, workshop_id: int) -> Comparison:
    """The other workshop's scores (before) beside this one's (after)."""
    before, after = workshop_scores(engine, other_id), workshop_scores(engine, workshop_id)
    return Comparison(compare_scores(before.spaces, after.spaces), compare_scores(before.aims, after.aims))


@dataclass(frozen=True)
class PairedAnswers:
    """One matched pair of questions and their answers then (before) and now (after): counts for a rating
    or choice question (workshop.domain.year_over_year), the answers' texts for a text question."""

    match: Match
    counts: pd.DataFrame | None
    texts: tuple[list[str], list[str]]


@dataclass(frozen=True)
class YearOverYear:
    """The matched questions' answers side by side, what may still be matched by hand, and the earlier
    workshop's actions, done and not done."""

    pairs: list[PairedAnswers]
    unmatched_before: list[Question]
    unmatched_after: list[Question]
    actions_done: list[Action]
    actions_not_done: list[Action]


def _answers_of(frame: pd.DataFrame, question_id: int | None) -> pd.DataFrame:
    return frame[frame["question_id"] == question_id] if not frame.empty else frame


def _paired(match: Match, before: pd.DataFrame, after: pd.DataFrame) -> PairedAnswers:
    then, now = _answers_of(before, match.before.id), _answers_of(after, match.after.id)
    kind = family(match.after)
    if kind == RATING:
        return PairedAnswers(match, paired_ratings(then.get("rating", []), now.get("rating", [])), ([], []))
    if kind == CHOICE:
        counts = paired_choices(
            then.get("choices", []), now.get("choices", []), match.before.options, match.after.options
        )
        return PairedAnswers(match, counts, ([], []))
    texts = tuple([str(x) for x in side.get("text", []) if str(x).strip()] for side in (then, now))
    return PairedAnswers(match, None, (texts[0], texts[1]))


def year_over_year(
    engine: Engine, other_id: int, workshop_id: int, by_hand: Mapping[int, int] | None = None
) -> YearOverYear:
    """The other (earlier) workshop's answers beside this one's for every matched question (by text, or
    `by_hand`: this workshop's question id -> the earlier one's), and the earlier workshop's actions."""
    before_q, after_q = list_questions(engine, other_id), list_questions(engine, workshop_id)
    pairs = match_questions(before_q, after_q, by_hand)
    before, after = answers_frame(engine, other_id), answers_frame(engine, workshop_id)
    done, not_done = done_or_not(list_actions(engine, other_id))
    return YearOverYear(
        [_paired(m, before, after) for m in pairs],
        unmatched(before_q, pairs, "before"),
        unmatched(after_q, pairs, "after"),
        done,
        not_done,
    )
