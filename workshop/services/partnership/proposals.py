"""Proposals to the library (a project or a partner's offer): the facilitator adds, edits, opens and closes
them for screening and deletes them; leadership records a verdict with its reason. The screening itself:
workshop.services.partnership.screening."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Engine, select

from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.history import Kind
from workshop.domain.messages import message
from workshop.domain.screening import NewProposal, Proposal, checked_verdict
from workshop.domain.validation import validated
from workshop.services.history import record_saved
from workshop.services.rows import PARTNERS, PROPOSALS, changed
from workshop.store import read, write
from workshop.store.tables import partners, proposals

PROPOSAL_FIELDS = ("title", "proposer", "description", "spaces", "target_groups", "partner_id")


def _row(r: Any) -> Proposal:
    return Proposal.model_validate(dict(r._mapping))


def list_proposals(engine: Engine, workshop_id: int) -> list[Proposal]:
    """The workshop's proposals, oldest first."""
    with read(engine) as conn:
        rows = conn.execute(select(proposals).where(PROPOSALS.of(workshop_id)).order_by(proposals.c.id))
        return [_row(r) for r in rows]


def get_proposal(conn: Connection, workshop_id: int, proposal_id: int, lock: bool = False) -> Proposal:
    """One proposal of this workshop; one of another workshop is as unknown as one that does not exist.
    `lock`: its row stays locked to the end of the transaction (PostgreSQL), so writes to it queue."""
    query = select(proposals).where(proposals.c.id == proposal_id)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None or row.workshop_id != workshop_id:
        raise NotFound("error.missing.proposal", id=proposal_id)
    return _row(row)


def save_proposal(
    engine: Engine, workshop_id: int, fields: Mapping[str, object], proposal_id: int | None = None
) -> int:
    """Add a proposal, or edit one (its screening and verdict stay); InvalidInput names the field."""
    given = {k: v for k, v in fields.items() if k in PROPOSAL_FIELDS and v is not None}
    proposal = validated(NewProposal, given, message("subject.proposal", name=str(fields.get("title") or "")))
    values = proposal.model_dump(include=set(PROPOSAL_FIELDS), mode="json")
    with write(engine) as conn:
        if proposal.partner_id is not None:
            owner = conn.execute(select(partners.c.workshop_id).where(partners.c.id == proposal.partner_id)).scalar()
            if owner != workshop_id:
                raise InvalidInput("error.partner_not_in_register", field="partner_id", title=proposal.title)
        if proposal_id is None:
            inserted = conn.execute(proposals.insert().values(workshop_id=workshop_id, **values))
            return int(inserted.inserted_primary_key[0])  # type: ignore[index]
        get_proposal(conn, workshop_id, proposal_id)
        changed(conn, proposals.update().where(proposals.c.id == proposal_id).values(**values))
        return proposal_id


def set_proposal_open(engine: Engine, workshop_id: int, proposal_id: int, open_: bool) -> None:
    """Open a proposal for the teams' screening, or close it (the answers given stay)."""
    with write(engine) as conn:
        get_proposal(conn, workshop_id, proposal_id)
        changed(
            conn,
            proposals.update().where(proposals.c.id == proposal_id).values(is_open=open_),
        )


def delete_proposal(engine: Engine, workshop_id: int, proposal_id: int) -> None:
    """Delete a proposal with its screening."""
    with write(engine) as conn:
        get_proposal(conn, workshop_id, proposal_id)
        changed(conn, proposals.delete().where(proposals.c.id == proposal_id))


def record_verdict(engine: Engine, workshop_id: int, proposal_id: int, verdict: str, reason: str) -> None:
    """Leadership's verdict on a proposal — yes, yes with conditions, or no — with its reason (required)."""
    chosen, reason = checked_verdict(verdict, reason)
    with write(engine) as conn:
        current = get_proposal(conn, workshop_id, proposal_id)
        checked = validated(Proposal, current.model_dump() | {"verdict": chosen, "verdict_reason": reason.strip()})
        after = {"verdict": chosen.value, "verdict_reason": checked.verdict_reason}
        changed(conn, proposals.update().where(proposals.c.id == proposal_id).values(**after))
        before = {"verdict": current.verdict.value if current.verdict else "", "verdict_reason": current.verdict_reason}
        record_saved(conn, workshop_id, Kind.VERDICT, proposal_id, before, after, current.title)


def carry_proposals(conn: Connection, earlier_id: int, new_id: int) -> None:
    """The earlier workshop's proposals under a new one: the proposal only — open again, with no screening
    and no verdict; a linked partner is kept when the new workshop has a partner of that name."""
    names = dict(conn.execute(select(partners.c.name, partners.c.id).where(PARTNERS.of(new_id))).all())
    old = dict(conn.execute(select(partners.c.id, partners.c.name).where(PARTNERS.of(earlier_id))).all())
    rows = conn.execute(select(proposals).where(PROPOSALS.of(earlier_id)).order_by(proposals.c.id)).fetchall()
    carried = [
        {k: getattr(r, k) for k in PROPOSAL_FIELDS}
        | {"workshop_id": new_id, "partner_id": names.get(old.get(r.partner_id))}
        for r in rows
    ]
    if carried:
        conn.execute(proposals.insert(), carried)
