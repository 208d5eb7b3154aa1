"""Answers against the gaps: which spaces the teams' answers concern, beside the weak spots the
scoring finds in the offers (workshop.domain.scoring). Pure functions over DataFrames."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from workshop.domain.model import SPACE_KEYS, MainPoint

WEAK_DISCUSSED, WEAK_SILENT, DISCUSSED, SILENT = "weak_discussed", "weak_silent", "discussed", "silent"
ATTENTION_COLUMNS = ["key", "answers", "teams", "answer_share"]


def concerned_spaces(answers: pd.DataFrame, questions: pd.DataFrame, points: Sequence[MainPoint]) -> pd.Series:
    """Per answer, the spaces it concerns: those its team ticked, its question's space, and its main
    point's spaces (in SPACE_KEYS order)."""
    question_space = {int(q.id): q.space for q in questions.itertuples()}
    point_spaces = {p.id: set(p.spaces) for p in points}
    concerned = []
    for ticked, qid, point in zip(answers["spaces"], answers["question_id"], answers["main_point_id"], strict=True):
        found = set(ticked or [])
        if question_space.get(int(qid)):
            found.add(question_space[int(qid)])
        if point == point:  # not NaN
            found |= point_spaces.get(int(point), set()) if point is not None else set()
        concerned.append([key for key in SPACE_KEYS if key in found])
    return pd.Series(concerned, index=answers.index, dtype=object)


def attention(answers: pd.DataFrame, concerned: pd.Series) -> pd.DataFrame:
    """Per space: how many answers concern it, from how many teams, and its share of all answers."""
    total = len(answers)
    rows = []
    for key in SPACE_KEYS:
        mask = concerned.map(lambda spaces, k=key: k in spaces) if total else pd.Series(dtype=bool)
        hits = answers[mask] if total else answers
        rows.append([key, len(hits), int(hits["team"].nunique()) if total else 0, len(hits) / total if total else 0.0])
    return pd.DataFrame(rows, columns=ATTENTION_COLUMNS)


def verdict(weak: bool, answers: int) -> str:
    """Where staff talk about a weak spot, and where a weak spot gets no attention at all."""
    if weak:
        return WEAK_DISCUSSED if answers else WEAK_SILENT
    return DISCUSSED if answers else SILENT


def against_gaps(attention_frame: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Per space: the answers' attention beside the scoring's share, gap and weak/strong verdicts."""
    merged = attention_frame.merge(
        scores[["key", "share", "target_share", "gap", "weak", "strong"]], on="key", how="left"
    )
    merged["weak"] = merged["weak"].fillna(False).astype(bool)
    merged["strong"] = merged["strong"].fillna(False).astype(bool)
    merged["verdict"] = [verdict(w, int(n)) for w, n in zip(merged["weak"], merged["answers"], strict=True)]
    return merged
