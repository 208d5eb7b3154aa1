"""A team's proposal that the facilitator decides (a proposed asset, a proposed partner): the row locked, so
two tabs deciding at once see one decision, still pending or refused, then accepted or declined."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, select

from workshop.domain.assets import ReviewStatus, require_pending
from workshop.domain.errors import NotFound
from workshop.services.rows import changed


def decide_pending(
    conn: Connection,
    table: Table,
    workshop_id: int,
    proposal_id: int,
    noun: str,
    label: str,
    accept: Callable[[Any], int] | None,
) -> int | None:
    """Decide the pending proposal `proposal_id` of `table` (whose `label` column names it): `accept` makes
    what it proposes from its row and returns the new id, kept in the `<noun>_id` column; None declines it."""
    row = conn.execute(
        select(table)
        .where(table.c.id == proposal_id, table.c.workshop_id == workshop_id)
        .with_for_update()  # two tabs deciding at once: the second waits, then finds it decided
    ).first()
    if row is None:
        raise NotFound("error.missing.proposal", id=proposal_id)
    require_pending(row.status, str(row._mapping[label]))
    made = accept(row) if accept is not None else None
    status = ReviewStatus.ACCEPTED if accept is not None else ReviewStatus.DECLINED
    changed(
        conn,
        table.update().where(table.c.id == proposal_id).values({"status": status.value, f"{noun}_id": made}),
    )
    return made
