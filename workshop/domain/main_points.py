"""Main points as in Aarhus: leadership decides them at its seminar. Leadership (or the facilitator) proposes a
main point; leadership or the facilitator approves it; only approved ones carry the week's days and
questions, and a proposed one is shown as proposed until then. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from workshop.domain.errors import InvalidInput
from workshop.domain.model import MainPoint, PointStatus, Role

# Who may do what with a main point: leadership decides the main points, the facilitator builds on them.
PROPOSERS = frozenset({Role.LEADERSHIP, Role.FACILITATOR})
APPROVERS = frozenset({Role.LEADERSHIP, Role.FACILITATOR})


def new_status(role: Role) -> PointStatus:
    """The status of a main point someone in `role` adds: leadership proposes (it approves in a second step,
    as at a seminar); a facilitator's own point is approved at once, as before (it builds the days on it)."""
    if role not in PROPOSERS:
        raise InvalidInput("error.main_point_propose_role", field="role")
    return PointStatus.PROPOSED if role == Role.LEADERSHIP else PointStatus.APPROVED


def approve(point: MainPoint, role: Role) -> MainPoint:
    """The point approved; InvalidInput when the role may not approve, or it is approved already."""
    if role not in APPROVERS:
        raise InvalidInput("error.main_point_approve_role", field="role")
    if point.status == PointStatus.APPROVED:
        raise InvalidInput("error.main_point_approved_already", field="status", title=point.title)
    return point.model_copy(update={"status": PointStatus.APPROVED})


def require_approved(status: PointStatus | str, title: str) -> None:
    """Questions are built only on an approved main point: InvalidInput naming a proposed one."""
    if PointStatus(status) != PointStatus.APPROVED:
        raise InvalidInput("error.main_point_not_approved", field="main_point_id", title=title)


def approved(points: Iterable[MainPoint]) -> list[MainPoint]:
    """The main points the week is built on, in their order."""
    return [p for p in points if p.status == PointStatus.APPROVED]


def proposed(points: Iterable[MainPoint]) -> list[MainPoint]:
    """The main points waiting for approval, in their order."""
    return [p for p in points if p.status == PointStatus.PROPOSED]
