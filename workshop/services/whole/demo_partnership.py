"""The demo's partnership side: the teams' finished mapping of the offers, the screened proposals with
leadership's verdicts, the library's assets and the teams' proposals still to be decided (services/demo.py
makes the rest of the demo workshop)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select

from workshop.config.demo_library import Demo, DemoMapping
from workshop.domain.mapping import MappingScope
from workshop.domain.model import SPACE_KEYS, DayStatus
from workshop.domain.screening import team_rater
from workshop.store.tables import (
    asset_proposals,
    assets,
    mapping_phases,
    mappings,
    offers,
    partner_proposals,
    partners,
    proposals,
    screenings,
)


def add_mapping(
    conn: Connection, workshop_id: int, plan: DemoMapping, team_ids: dict[str, int], stamp: dt.datetime
) -> None:
    """The teams' finished mapping: every offer as the register has it, except the listed differences."""
    conn.execute(
        mapping_phases.insert().values(
            workshop_id=workshop_id, status=DayStatus(plan.status).value, scope=MappingScope(plan.scope).value
        )
    )
    register = conn.execute(select(offers).where(offers.c.workshop_id == workshop_id).order_by(offers.c.id)).fetchall()
    differ = {(d.team, d.offer): d for d in plan.differ if not d.proposed}
    rows = []
    for team in plan.teams:
        for offer in register:
            own = differ.get((team, offer.name))
            values = own.spaces if own else {k: offer._mapping[k] for k in SPACE_KEYS}
            rows.append(
                {
                    "workshop_id": workshop_id,
                    "team_id": team_ids[team],
                    "offer_id": offer.id,
                    **{k: int(values.get(k, 0)) for k in SPACE_KEYS},
                    "strength": own.strength if own else offer.strength,
                    "target_groups": list(offer.target_groups),
                    "partners": list(offer.partners),
                    "note": own.note if own else "",
                }
            )
    for p in (d for d in plan.differ if d.proposed):
        rows.append(
            {
                "workshop_id": workshop_id,
                "team_id": team_ids[p.team],
                "offer_id": None,
                "proposed": True,
                "proposed_name": p.offer,
                "description": p.description,
                **{k: int(p.spaces.get(k, 0)) for k in SPACE_KEYS},
                "strength": p.strength,
                "target_groups": [],
                "partners": [],
                "note": p.note,
            }
        )
    conn.execute(
        mappings.insert(),
        [
            {"done": True, "updated_at": stamp, "proposed": False, "proposed_name": "", "description": ""} | r
            for r in rows
        ],
    )


def add_proposals(conn: Connection, workshop_id: int, data: Demo, team_ids: dict[str, int], stamp: dt.datetime) -> None:
    """The screened proposals, each with every listed team's answers and leadership's verdict."""
    partner_ids = dict(
        conn.execute(select(partners.c.name, partners.c.id).where(partners.c.workshop_id == workshop_id)).all()
    )
    for p in data.proposals:
        fields = p.model_dump(exclude={"partner", "screenings", "verdict"}, mode="json")
        proposal_id = conn.execute(
            proposals.insert()
            .values(workshop_id=workshop_id, partner_id=partner_ids.get(p.partner), verdict=p.verdict, **fields)
            .returning(proposals.c.id)
        ).scalar_one()
        rows = [
            {
                "workshop_id": workshop_id,
                "proposal_id": proposal_id,
                "rater": team_rater(team_ids[s.team]),
                "team_id": team_ids[s.team],
                "question": n,
                "answer": answer.value,
                "note": s.notes.get(n, ""),
                "updated_at": stamp,
            }
            for s in p.screenings
            for n, answer in s.answered()
        ]
        if rows:
            conn.execute(screenings.insert(), rows)


def add_partnership(
    conn: Connection, workshop_id: int, data: Demo, team_ids: dict[str, int], stamp: dt.datetime
) -> None:
    """The library's assets in order, and the teams' proposed assets and partners, still to be decided."""
    rows = [{"workshop_id": workshop_id, "position": n, **a.model_dump()} for n, a in enumerate(data.assets, 1)]
    if rows:
        conn.execute(assets.insert(), rows)
    for table, items in ((asset_proposals, data.asset_proposals), (partner_proposals, data.partner_proposals)):
        for p in items:
            values = p.model_dump(mode="json", exclude={"team"})
            conn.execute(
                table.insert().values(workshop_id=workshop_id, team_id=team_ids[p.team], created_at=stamp, **values)
            )
