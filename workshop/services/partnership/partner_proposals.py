"""Teams propose partners and contacts from their answers ("who do we know?", issue 16); the facilitator
accepts a proposal into the partner register (workshop.services.partnership.partners) or declines it. Two teams naming
the same partner or contact person, or a partner the register has, get a warning (workshop.domain.assets)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select

from workshop.domain.assets import (
    PartnerProposal,
    ProposalWarning,
    Proposed,
    ReviewStatus,
    check_not_a_known_partner,
    warnings,
)
from workshop.domain.messages import message
from workshop.domain.model import Partner, Sector, Team
from workshop.domain.validation import validated
from workshop.services.register.mapping import _member
from workshop.services.register.offers import insert_partners
from workshop.services.register.proposal_review import decide_pending
from workshop.services.rows import PARTNER_PROPOSALS, PARTNERS
from workshop.services.workshops.lifecycle import now
from workshop.store import read, write
from workshop.store.tables import partner_proposals, partners, teams


@dataclass(frozen=True)
class ProposedPartner:
    id: int
    team_id: int
    team: str
    name: str
    sector: Sector
    contact: str
    reason: str
    status: ReviewStatus
    warnings: list[ProposalWarning] = field(default_factory=list)


def _read(conn: Connection, workshop_id: int) -> list[ProposedPartner]:
    """Every proposal of the workshop, each with its warnings against the others and the register."""
    rows = conn.execute(
        select(partner_proposals, teams.c.name.label("team"))
        .join(teams, teams.c.id == partner_proposals.c.team_id)
        .where(PARTNER_PROPOSALS.of(workshop_id))
        .order_by(partner_proposals.c.id)
    ).fetchall()
    register = conn.execute(select(partners.c.name).where(PARTNERS.of(workshop_id))).scalars()
    # Declined proposals are out of the comparison; accepted ones are in the register already.
    live = [Proposed(r.id, r.team, r.name, r.contact) for r in rows if r.status == ReviewStatus.PENDING.value]
    found = warnings(live, list(register))
    return [
        ProposedPartner(
            r.id,
            r.team_id,
            r.team,
            r.name,
            Sector(r.sector),
            r.contact,
            r.reason,
            ReviewStatus(r.status),
            found.get(r.id, []),
        )
        for r in rows
    ]


def propose_partner(engine: Engine, team: Team, fields: Mapping[str, object]) -> ProposedPartner:
    """A team proposes a partner (name, sector, contact person, why); returns it with its warnings."""
    proposal = validated(PartnerProposal, fields, message("subject.partner", name=str(fields.get("name", "")).strip()))
    with write(engine) as conn:
        _member(conn, team)
        row = {
            "workshop_id": team.workshop_id,
            "team_id": team.id,
            "created_at": now(),
            **proposal.model_dump(mode="json"),
        }
        new_id = conn.execute(partner_proposals.insert().values(**row).returning(partner_proposals.c.id)).scalar_one()
        return next(p for p in _read(conn, team.workshop_id) if p.id == new_id)


def team_partner_proposals(engine: Engine, team: Team) -> list[ProposedPartner]:
    """The team's own proposals, what became of them, and their warnings (which name the other teams that
    know the same partner or contact: they should talk before anyone calls); never another team's proposals."""
    with read(engine) as conn:
        _member(conn, team)
        return [p for p in _read(conn, team.workshop_id) if p.team_id == team.id]


def partner_proposals_of(engine: Engine, workshop_id: int) -> list[ProposedPartner]:
    """Every proposal of the workshop with its warnings, oldest first (the facilitator's view)."""
    with read(engine) as conn:
        return _read(conn, workshop_id)


def decide_partner_proposal(engine: Engine, workshop_id: int, proposal_id: int, accept: bool) -> int | None:
    """Accept a pending proposal into the register (returns the new partner's id) or decline it. A partner
    the register has already is refused, naming the field: decline the proposal instead."""

    def add(row: Any) -> int:
        taken = conn.execute(select(partners.c.name).where(PARTNERS.of(workshop_id))).scalars()
        check_not_a_known_partner(row.name, taken)
        partner = Partner(name=row.name, sector=row.sector, contact=row.contact, description=row.reason)
        return insert_partners(conn, workshop_id, [partner])[0]  # with its first stage, dated today

    with write(engine) as conn:
        return decide_pending(
            conn, partner_proposals, workshop_id, proposal_id, "partner", "name", add if accept else None
        )
