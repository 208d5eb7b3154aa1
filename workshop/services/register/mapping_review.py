"""The facilitator's review of the teams' mapping: the spread per offer (widest first), decisions that put
values into the register with the teams they came from, proposals, the staff's picture, the export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.errors import NotFound
from workshop.domain.history import Kind
from workshop.domain.mapping import (
    Contribution,
    OfferSpread,
    check_name_free,
    checked,
    offer_spread,
    primary_on_tie,
    union,
    widest_first,
)
from workshop.domain.model import SPACE_KEYS
from workshop.domain.scoring import Thresholds, score_spaces
from workshop.services.history import record_saved
from workshop.services.register.mapping import OfferProposal, aware, contribution_of, now, register_names
from workshop.services.register.offers import offers_frame
from workshop.services.rows import MAPPING_DECISIONS, MAPPING_PHASES, MAPPINGS, OFFERS, changed
from workshop.store import read, write
from workshop.store.tables import mapping_decisions, mapping_phases, mappings, offers, teams

# --- the facilitator's review ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """One offer the teams mapped: what each team said, the spread, the register, the decision."""

    offer_id: int
    name: str
    register: Contribution
    by_team: dict[str, Contribution]
    spread: OfferSpread
    decided_by: list[str] | None  # the teams whose mapping the accepted values came from; None: open
    changed_since: bool  # a team mapped again after the decision

    @property
    def open(self) -> bool:
        return self.decided_by is None or self.changed_since


def review(engine: Engine, workshop_id: int) -> list[ReviewItem]:
    """Every offer some team has mapped: the open ones first, widest spread first, then the decided."""
    with read(engine) as conn:
        rows = conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(MAPPINGS.of(workshop_id), mappings.c.done.is_(True), mappings.c.offer_id.is_not(None))
            .order_by(teams.c.name)
        ).fetchall()
        register = {r.id: r for r in conn.execute(select(offers).where(OFFERS.of(workshop_id)))}
        decided = {
            r.offer_id: r for r in conn.execute(select(mapping_decisions).where(MAPPING_DECISIONS.of(workshop_id)))
        }
    by_offer: dict[int, list[Any]] = {}
    for r in rows:
        by_offer.setdefault(r.offer_id, []).append(r)
    spreads = widest_first(offer_spread(oid, [contribution_of(r) for r in found]) for oid, found in by_offer.items())
    items = []
    for s in spreads:
        reg, decision = register[s.offer_id], decided.get(s.offer_id)
        latest = max(aware(r.updated_at) for r in by_offer[s.offer_id])
        items.append(
            ReviewItem(
                s.offer_id,
                reg.name,
                Contribution(
                    {k: int(reg._mapping[k]) for k in SPACE_KEYS},
                    int(reg.strength),
                    list(reg.target_groups),
                    list(reg.partners),
                ),
                {r.team: contribution_of(r) for r in by_offer[s.offer_id]},
                s,
                list(decision.mapped_by) if decision else None,
                bool(decision and latest > aware(decision.decided_at)),
            )
        )
    return sorted(items, key=lambda i: not i.open)  # a stable sort keeps widest first within each part


def pending_proposals(engine: Engine, workshop_id: int) -> list[OfferProposal]:
    """Offers teams proposed that the facilitator has not accepted yet."""
    with read(engine) as conn:
        rows = conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(MAPPINGS.of(workshop_id), mappings.c.proposed.is_(True), mappings.c.offer_id.is_(None))
            .order_by(mappings.c.id)
        ).fetchall()
    return [OfferProposal(r.id, r.team, r.proposed_name, r.description, contribution_of(r), None) for r in rows]


def _done_entries(conn: Connection, workshop_id: int, offer_id: int) -> list[Any]:
    return list(
        conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(MAPPINGS.of(workshop_id), mappings.c.offer_id == offer_id, mappings.c.done.is_(True))
            .order_by(teams.c.name)
        )
    )


def accept(engine: Engine, workshop_id: int, offer_id: int, decision: Contribution) -> list[str]:
    """Put the decided values into the register (contributions, strength, target groups, partners) and
    record which teams' mappings they came from; returns those teams."""
    clean = checked(decision, complete=True)
    with write(engine) as conn:
        return _accept(conn, workshop_id, offer_id, clean)


def _accept(conn: Connection, workshop_id: int, offer_id: int, clean: Contribution) -> list[str]:
    row = conn.execute(select(offers).where(offers.c.id == offer_id, OFFERS.of(workshop_id))).first()
    if row is None:
        raise NotFound("error.missing.offer", id=offer_id)
    found = _done_entries(conn, workshop_id, offer_id)
    who = [r.team for r in found]
    primary = primary_on_tie(clean.spaces, row.primary_space, [contribution_of(r) for r in found])
    changed(
        conn,
        offers.update()
        .where(offers.c.id == offer_id)
        .values(
            **clean.spaces,
            strength=clean.strength,
            target_groups=clean.target_groups,
            partners=clean.partners,
            primary_space=primary,
        ),
    )
    conn.execute(mapping_decisions.delete().where(mapping_decisions.c.offer_id == offer_id))
    conn.execute(
        mapping_decisions.insert().values(
            workshop_id=workshop_id,
            offer_id=offer_id,
            **clean.spaces,
            strength=clean.strength,
            mapped_by=who,
            decided_at=now(),
        )
    )
    decided = {**clean.spaces, "strength": clean.strength, "mapped_by": who}
    record_saved(conn, workshop_id, Kind.MAPPING_DECISION, offer_id, dict(row._mapping), decided, row.name)
    return who


def median_of(item: ReviewItem) -> Contribution:
    """The teams' median values, with every target group and partner some team named."""
    entries = list(item.by_team.values())
    return Contribution(
        dict(item.spread.medians),
        item.spread.strength_median,
        union(e.target_groups for e in entries),
        union(e.partners for e in entries),
    )


def accept_agreed(engine: Engine, workshop_id: int) -> int:
    """Accept every open offer the teams agree on (no spread in any space nor in strength); returns how many."""
    agreed = [i for i in review(engine, workshop_id) if i.open and i.spread.agreed]
    with write(engine) as conn:
        for item in agreed:
            _accept(conn, workshop_id, item.offer_id, checked(median_of(item), complete=True))
    return len(agreed)


def accept_proposal(engine: Engine, workshop_id: int, proposal_id: int) -> int:
    """Add a proposed offer to the register as the team mapped it; returns the new offer's id."""
    with write(engine) as conn:
        row = conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(mappings.c.id == proposal_id, MAPPINGS.of(workshop_id), mappings.c.proposed.is_(True))
        ).first()
        if row is None or row.offer_id is not None:
            raise NotFound("error.missing.open_proposal", id=proposal_id)
        check_name_free(row.proposed_name, register_names(conn, workshop_id))
        entry = checked(contribution_of(row), complete=True)
        offer_id = int(
            conn.execute(
                offers.insert()
                .returning(offers.c.id)
                .values(
                    workshop_id=workshop_id,
                    name=row.proposed_name,
                    description=row.description,
                    owner_team=row.team,
                    **entry.spaces,
                    strength=entry.strength,
                    target_groups=entry.target_groups,
                    partners=entry.partners,
                    tags=[],
                )
            ).scalar_one()
        )
        changed(
            conn,
            mappings.update().where(mappings.c.id == proposal_id).values(offer_id=offer_id),
        )
        _accept(conn, workshop_id, offer_id, entry)
        return offer_id


# --- the staff's picture beside the register's, and the export ------------------------------------


def staff_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The register with each mapped offer's contributions and strength replaced by the teams' medians
    (offers no team mapped keep the register's values): the staff's picture, scored like the register."""
    frame = offers_frame(engine, workshop_id)
    for item in review(engine, workshop_id):
        where = frame["id"] == item.offer_id
        for key, value in item.spread.medians.items():
            frame.loc[where, key] = value
        frame.loc[where, "strength"] = item.spread.strength_median
    return frame


def staff_beside_register(engine: Engine, workshop_id: int, weights: dict[str, float]) -> pd.DataFrame:
    """Per space: the register's share of coverage and the staff's (from the teams' mapping), and how
    many offers the teams mapped. Empty when no team has mapped anything."""
    mapped = len(review(engine, workshop_id))
    if not mapped:
        return pd.DataFrame(columns=["space", "register_share", "staff_share"])
    register = score_spaces(offers_frame(engine, workshop_id), weights, Thresholds())
    staff = score_spaces(staff_frame(engine, workshop_id), weights, Thresholds())
    return pd.DataFrame(
        {"space": list(SPACE_KEYS), "register_share": register["share"], "staff_share": staff["share"]}
    ).assign(mapped_offers=mapped)


def export_mappings(conn: Connection, workshop_id: int) -> list[dict[str, object]]:
    """One entry per team and offer, as the JSON export holds them (key `mappings`)."""
    rows = conn.execute(
        select(mappings, teams.c.name.label("team"), offers.c.name.label("offer"))
        .join(teams, teams.c.id == mappings.c.team_id)
        .outerjoin(offers, offers.c.id == mappings.c.offer_id)
        .where(MAPPINGS.of(workshop_id))
        .order_by(mappings.c.id)
    ).fetchall()
    return [
        {
            "team_id": r.team_id,
            "team": r.team,
            "offer_id": r.offer_id,
            "offer": r.offer if r.offer is not None else r.proposed_name,
            "proposed": bool(r.proposed),
            "done": bool(r.done),
            "spaces": {k: int(r._mapping[k]) for k in SPACE_KEYS},
            "strength": int(r.strength),
            "target_groups": list(r.target_groups),
            "partners": list(r.partners),
            "note": r.note,
            "updated_at": aware(r.updated_at).isoformat(),
        }
        for r in rows
    ]


def export_decisions(conn: Connection, workshop_id: int) -> dict[str, object]:
    """The mapping phase and the facilitator's decisions, as the JSON export holds them (key
    `mapping`): status, scope, and per decided offer the accepted values and the teams they came from."""
    phase = conn.execute(select(mapping_phases).where(MAPPING_PHASES.of(workshop_id))).first()
    rows = conn.execute(
        select(mapping_decisions, offers.c.name.label("offer"))
        .join(offers, offers.c.id == mapping_decisions.c.offer_id)
        .where(MAPPING_DECISIONS.of(workshop_id))
        .order_by(mapping_decisions.c.offer_id)
    ).fetchall()
    return {
        "status": phase.status if phase else "planned",
        "scope": phase.scope if phase else "own",
        "decisions": [
            {
                "offer_id": r.offer_id,
                "offer": r.offer,
                "spaces": {k: int(r._mapping[k]) for k in SPACE_KEYS},
                "strength": int(r.strength),
                "mapped_by": list(r.mapped_by),
                "decided_at": aware(r.decided_at).isoformat(),
            }
            for r in rows
        ],
    }
