"""The network circle's rules: which partnerships miss the weak spaces, and which target groups each
partner's offers reach."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd

from workshop.domain.errors import InvalidInput
from workshop.domain.model import RelationStage


def check_after_latest(changed_on: dt.date, latest: dt.date | None, name: str) -> None:
    """A partner's new stage, set on its form, is dated on or after its latest recorded move (an earlier move
    is recorded in its history instead): InvalidInput naming the date otherwise."""
    if latest is not None and changed_on < latest:
        raise InvalidInput(
            "error.stage_before_latest",
            field="changed_on",
            name=name,
            date=changed_on.isoformat(),
            latest=latest.isoformat(),
        )


def check_not_last_stage(moves: int) -> None:
    """A partner keeps at least one move in its history (its current stage is its latest move's): removing
    the only one is refused, InvalidInput on the date field."""
    if moves <= 1:
        raise InvalidInput("error.last_stage", field="changed_on")


def check_partner_name_free(name: str, others: Iterable[str]) -> None:
    """A partner's name is its own in the register (case ignored): InvalidInput naming it when another partner
    has it."""
    if name.casefold() in {n.casefold() for n in others}:
        raise InvalidInput("error.partner_known", field="name", name=name)


def partnerships_missing_weak_spaces(
    stages: pd.Series, by_space: pd.DataFrame, weak_spaces: Sequence[str]
) -> list[str]:
    """The partners in a partnership (stages: name -> stage) none of whose offers contribute to a weak space
    (by_space: partners x spaces, offers per cell). With no weak space there is nothing to miss."""
    weak = [s for s in weak_spaces if s in by_space.columns]
    if not weak:
        return []
    names = [str(n) for n, stage in stages.items() if stage == RelationStage.PARTNERSHIP]
    helps = by_space.reindex(names, fill_value=0)[weak].sum(axis=1) > 0
    return [n for n in names if not helps[n]]


def target_group_counts(links: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """Per partner (rows, in the given order) and target group (columns, most reached first, then by name):
    how many of its offers reach the group. links: one row per (partner key = casefolded name, offer)
    with the offer's `target_groups`. Groups that only unregistered partners reach are left out."""
    rows = {name.casefold(): i for i, name in enumerate(names)}
    counts: dict[str, list[int]] = {}
    for key, groups in zip(links["key"], links["target_groups"], strict=True):
        row = rows.get(key)
        if row is None:
            continue
        for group in groups:
            counts.setdefault(group, [0] * len(names))[row] += 1
    order = sorted(counts, key=lambda g: (-sum(counts[g]), str(g).casefold()))
    frame = pd.DataFrame({g: counts[g] for g in order}, index=pd.Index(list(names), name="partner"), dtype=int)
    return frame
