"""Consolidation: pure functions over the answers frame (workshop.services.week.days.answers_frame).

Nothing here drops an answer: every function either keeps every row it is given, or counts it.
Answers with no main point sit in their own group (main_point_id None)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workshop.domain.model import DayStatus, MainPoint, QuestionKind

RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)
RATED_KINDS = {QuestionKind.RATING.value, QuestionKind.SPACE_STRENGTH.value}
CHOICE_KINDS = {QuestionKind.SINGLE.value, QuestionKind.MULTIPLE.value}
ANSWERED, DRAFT, MISSING = "answered", "draft", "missing"
HELD_DAYS = {DayStatus.OPEN.value, DayStatus.CLOSED.value}
ANSWER_COLUMNS = ["id", "team", "day", "question", "answer", "spaces"]


@dataclass(frozen=True)
class Filters:
    """What leadership narrows the view to; an empty selection means everything."""

    teams: tuple[str, ...] = ()
    days: tuple[int, ...] = ()
    spaces: tuple[str, ...] = ()
    main_point_ids: tuple[int | None, ...] = ()


def answer_text(rating: object, choices: Iterable[str], text: str) -> str:
    """One answer as one line: its rating, its choices, then its text."""
    parts = [str(int(rating))] if isinstance(rating, (int, float)) and rating == rating else []  # NaN != NaN
    parts += list(choices or [])
    if text:
        parts.append(text)
    return " · ".join(parts)


def _main_point_key(value: object) -> int | None:
    return None if value is None or value != value else int(value)  # type: ignore[call-overload]


def filter_answers(answers: pd.DataFrame, filters: Filters, concerned: pd.Series | None = None) -> pd.DataFrame:
    """The answers that match every chosen filter. A space matches when the answer concerns it: by
    `concerned` (workshop.domain.gaps.concerned_spaces) when given, else by the spaces the team ticked."""
    keep = pd.Series(True, index=answers.index)
    if filters.teams:
        keep &= answers["team"].isin(filters.teams)
    if filters.days:
        keep &= answers["day"].isin(filters.days)
    if filters.spaces:
        wanted = set(filters.spaces)
        spaces_of = concerned if concerned is not None else answers["spaces"]
        keep &= spaces_of.map(lambda s: bool(wanted & set(s or [])))
    if filters.main_point_ids:
        wanted_points = set(filters.main_point_ids)
        keep &= answers["main_point_id"].map(lambda v: _main_point_key(v) in wanted_points)
    return answers[keep]


def answers_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers as leadership reads them: id, team, day, question, answer, spaces."""
    if answers.empty:
        return pd.DataFrame(columns=ANSWER_COLUMNS)
    table = pd.DataFrame(
        {
            "id": answers["id"].astype(int),
            "team": answers["team"],
            "day": answers["day"].astype(int),
            "question": answers["question"],
            "answer": [
                answer_text(r, c, t)
                for r, c, t in zip(
                    answers["rating"].tolist(), answers["choices"].tolist(), answers["text"].tolist(), strict=True
                )
            ],
            "spaces": answers["spaces"].map(lambda s: ", ".join(s or [])),
        }
    )
    return table.reset_index(drop=True)


def by_main_point(
    answers: pd.DataFrame,
    points: Sequence[MainPoint],
    table: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
) -> list[tuple[MainPoint | None, pd.DataFrame]]:
    """Each main point (in order) with all its answers; then the answers tied to none, if any. Each group
    goes through `table` (answers_table unless given: pass `lambda rows: rows` for the raw rows)."""
    table = table or answers_table
    keys = answers["main_point_id"].map(_main_point_key) if not answers.empty else pd.Series(dtype=object)
    # One pass over the rows for all points (a mask per point copied every column once per point).
    rows_of = keys.groupby(keys, sort=False).indices if not answers.empty else {}
    none = answers.iloc[0:0]
    groups: list[tuple[MainPoint | None, pd.DataFrame]] = [
        (point, table(answers.take(rows_of[point.id]) if point.id in rows_of else none)) for point in points
    ]
    known = {p.id for p in points}
    rest = answers[~keys.isin(known)] if not answers.empty else answers
    if not rest.empty:
        groups.append((None, table(rest)))
    return groups


def side_by_side(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per question (day, question), one column per team: every team's answer next to the others'."""
    table = answers_table(answers)
    if table.empty:
        return pd.DataFrame(columns=["day", "question"])
    order = answers[["day", "question_position", "question"]].drop_duplicates()
    wide = table.pivot_table(index=["day", "question"], columns="team", values="answer", aggfunc="first")
    wide = wide.reindex(pd.MultiIndex.from_frame(order[["day", "question"]])).fillna("")
    wide.columns.name = None
    return wide.reset_index()


def rating_distribution(answers: pd.DataFrame) -> pd.DataFrame:
    """Per rated question: how many teams gave each rating 1-5, how many rated, and the mean."""
    columns = ["question_id", "question", *map(str, RATINGS), "answers", "mean"]
    rated = answers[answers["kind"].isin(RATED_KINDS) & answers["rating"].notna()] if not answers.empty else answers
    rows = []
    for (_day, _pos, qid, text), group in rated.groupby(["day", "question_position", "question_id", "question"]):
        counts = group["rating"].astype(int).value_counts()
        rows.append(
            [int(qid), text, *(int(counts.get(r, 0)) for r in RATINGS), len(group), round(group["rating"].mean(), 2)]
        )
    return pd.DataFrame(rows, columns=columns)


def choice_tallies(answers: pd.DataFrame, options: dict[int, list[str]]) -> pd.DataFrame:
    """Per choice question: each option with how many teams chose it, ranked, options nobody chose included.
    `options` maps a question id to its options; a chosen value not among them is still counted."""
    columns = ["question_id", "question", "rank", "option", "count", "share"]
    chosen = answers[answers["kind"].isin(CHOICE_KINDS)] if not answers.empty else answers
    rows = []
    for (_day, _pos, qid, text), group in chosen.groupby(["day", "question_position", "question_id", "question"]):
        counts = dict.fromkeys(options.get(int(qid), []), 0)
        for picked in group["choices"]:
            for option in picked or []:
                counts[option] = counts.get(option, 0) + 1
        # Rank by count; equal counts keep the question's own option order.
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        for rank, (option, count) in enumerate(ranked, start=1):
            rows.append([int(qid), text, rank, option, count, round(count / len(group), 2)])
    return pd.DataFrame(rows, columns=columns)


def participation(
    answers: pd.DataFrame, drafts: pd.DataFrame, teams: Sequence[str], questions: pd.DataFrame
) -> pd.DataFrame:
    """Team × question: answered, draft (typed but not sent) or missing. `questions` has id, day, position,
    day_status; `drafts` has team, question_id. Columns are labelled D<day>.Q<position>. Only the questions
    of days that are open or closed count: a day not yet held has nothing missing."""
    held = questions[questions["day_status"].isin(HELD_DAYS)]
    ordered = held.sort_values(["day", "position"])
    labels = {int(q.id): f"D{int(q.day)}.Q{int(q.position)}" for q in ordered.itertuples()}
    index = pd.Index(list(teams), name="team")
    columns = list(labels.values())
    codes = np.zeros((len(index), len(columns)), dtype=np.int8)  # 0 missing, 1 draft, 2 answered
    column_of = {qid: i for i, qid in enumerate(labels)}
    for frame, code in ((drafts, 1), (answers, 2)):
        if frame is None or frame.empty or "team" not in frame:
            continue
        rows = index.get_indexer(frame["team"])
        cols = frame["question_id"].map(lambda q: column_of.get(int(q), -1)).to_numpy(dtype=np.int64)
        known = (rows >= 0) & (cols >= 0)
        codes[rows[known], cols[known]] = code
    states = np.array([MISSING, DRAFT, ANSWERED], dtype=object)
    return pd.DataFrame(states[codes], index=index, columns=columns).astype(pd.StringDtype(na_value=np.nan))


def participation_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per team: how many questions answered, in draft, missing."""
    states = [ANSWERED, DRAFT, MISSING]
    cells = matrix.to_numpy(dtype=object)  # compared as plain objects: on string columns it took 0.1 s at M
    counts = {state: (cells == state).sum(axis=1).astype(int) for state in states}
    return pd.DataFrame(counts, index=matrix.index)


def unthemed(answers: pd.DataFrame, themed_ids: Iterable[int]) -> pd.DataFrame:
    """The answers that sit in no theme yet."""
    taken = set(themed_ids)
    return answers[~answers["id"].isin(taken)] if not answers.empty else answers


def short(text: str, width: int = 70) -> str:
    """The text cut to `width` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"
