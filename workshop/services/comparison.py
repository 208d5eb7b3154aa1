"""Comparing two workshops (last year's week and this one): who may, and the compared scores."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from workshop.domain.compare import compare_scores
from workshop.domain.model import Role
from workshop.services.access import sign_in
from workshop.services.priorities import workshop_scores
from workshop.services.workshops import list_workshops


@dataclass(frozen=True)
class Comparison:
    """Each space and aim before (the other workshop) and after (this one): workshop.domain.compare."""

    spaces: pd.DataFrame
    aims: pd.DataFrame


def comparable(engine: Engine, workshop_id: int) -> dict[int, str]:
    """The workshops this one may be compared with: every other one, by id, with its name."""
    return {int(w.id): w.name for w in list_workshops(engine) if w.id is not None and w.id != workshop_id}


def unlock(engine: Engine, other_id: int, code: str) -> None:
    """Leadership sees another workshop's figures only with that workshop's leadership code (the code that
    signs its leadership in; wrong ones are throttled alike). AccessDenied when it is not."""
    sign_in(engine, other_id, Role.LEADERSHIP, code)


def compare_workshops(engine: Engine, other_id: int, workshop_id: int) -> Comparison:
    """The other workshop's scores (before) beside this one's (after)."""
    before, after = workshop_scores(engine, other_id), workshop_scores(engine, workshop_id)
    return Comparison(compare_scores(before.spaces, after.spaces), compare_scores(before.aims, after.aims))
