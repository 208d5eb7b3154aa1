"""The main points' approval rule (workshop.domain.main_points): pure, no database."""

from __future__ import annotations

import pytest

from workshop.domain.errors import InvalidInput
from workshop.domain.main_points import approve, approved, new_status, proposed
from workshop.domain.model import MainPoint, PointStatus, Role


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.LEADERSHIP, PointStatus.PROPOSED), (Role.FACILITATOR, PointStatus.APPROVED)],
)
def test_leadership_proposes_and_the_facilitators_own_point_is_approved(role: Role, status: PointStatus) -> None:
    assert new_status(role) == status


def test_a_team_may_neither_propose_nor_approve() -> None:
    with pytest.raises(InvalidInput):
        new_status(Role.TEAM)
    with pytest.raises(InvalidInput):
        approve(MainPoint(id=1, workshop_id=1, title="x", status=PointStatus.PROPOSED), Role.TEAM)


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.FACILITATOR])
def test_a_proposed_point_is_approved_once(role: Role) -> None:
    done = approve(MainPoint(id=1, workshop_id=1, title="Reading", status=PointStatus.PROPOSED), role)
    assert done.status == PointStatus.APPROVED
    with pytest.raises(InvalidInput, match="approved already"):
        approve(done, role)


def test_only_approved_points_carry_the_week_in_their_order() -> None:
    points = [
        MainPoint(id=1, workshop_id=1, title="a", position=1),
        MainPoint(id=2, workshop_id=1, title="b", position=2, status=PointStatus.PROPOSED),
        MainPoint(id=3, workshop_id=1, title="c", position=3),
    ]
    assert [p.title for p in approved(points)] == ["a", "c"]
    assert [p.title for p in proposed(points)] == ["b"]
