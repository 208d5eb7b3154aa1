"""The teams' mapping of offers: the phase and a team's own mapping (drafts, done, proposals). The
facilitator's review, which alone changes the register, is workshop.services.register.mapping_review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.errors import AccessDenied, NotFound
from workshop.domain.mapping import (
    Contribution,
    MappingScope,
    OfferRef,
    Phase,
    check_not_in_register,
    check_proposed,
    checked,
    offers_for_team,
    progress,
)
from workshop.domain.model import SPACE_KEYS, DayStatus, Team
from workshop.services.register.offers import offers_frame
from workshop.services.rows import MAPPING_PHASES, OFFERS, TEAMS, change_workshop_row
from workshop.store import read, write
from workshop.store.tables import mapping_phases, mappings, offers, teams, workshops


def now() -> dt.datetime:
    """The time a mapping or a decision is stored (UTC)."""
    return dt.datetime.now(dt.UTC)


def _phase(conn: Connection, workshop_id: int) -> Phase:
    row = conn.execute(select(mapping_phases).where(MAPPING_PHASES.of(workshop_id))).first()
    return Phase(DayStatus(row.status), MappingScope(row.scope)) if row else Phase()


def mapping_phase(engine: Engine, workshop_id: int) -> Phase:
    """The workshop's mapping phase (planned with scope `own` until the facilitator sets it)."""
    with read(engine) as conn:
        return _phase(conn, workshop_id)


def set_mapping_phase(
    engine: Engine, workshop_id: int, status: DayStatus | None = None, scope: MappingScope | None = None
) -> Phase:
    """Open, close or reopen the phase, or change which offers each team maps."""
    with write(engine) as conn:
        old = _phase(conn, workshop_id)
        new = old.changed(status, scope)
        values = {"status": new.status.value, "scope": new.scope.value}
        conn.execute(mapping_phases.delete().where(MAPPING_PHASES.of(workshop_id)))
        conn.execute(mapping_phases.insert().values(workshop_id=workshop_id, **values))
    return new


def contribution_of(row: Any) -> Contribution:
    """A mappings row as the team's contribution."""
    return Contribution(
        {k: int(row._mapping[k]) for k in SPACE_KEYS},
        int(row.strength),
        list(row.target_groups or []),
        list(row.partners or []),
        str(row.note or ""),
    )


def _member(conn: Connection, team: Team) -> None:
    """The team must exist in the workshop it claims: a forged team of another workshop is refused."""
    found = conn.execute(select(teams.c.id).where(teams.c.id == team.id, TEAMS.of(team.workshop_id))).first()
    if found is None:
        raise AccessDenied("error.not_a_team_of_this_workshop")


def _refs(conn: Connection, workshop_id: int) -> list[OfferRef]:
    rows = conn.execute(select(offers.c.id, offers.c.name, offers.c.owner_team).where(OFFERS.of(workshop_id)))
    return [OfferRef(r.id, r.name, r.owner_team) for r in rows]


def _assigned(conn: Connection, team: Team, phase: Phase) -> list[OfferRef]:
    team_ids = list(conn.execute(select(teams.c.id).where(TEAMS.of(team.workshop_id))).scalars())
    return offers_for_team(phase.scope, _refs(conn, team.workshop_id), team_ids, team.id, team.name)


@dataclass(frozen=True)
class OfferProposal:
    id: int
    team: str
    name: str
    description: str
    entry: Contribution
    offer_id: int | None  # set once accepted


@dataclass(frozen=True)
class TeamMapping:
    """What a team sees: the phase, its offers in order, its mappings (done or draft), its proposals."""

    phase: Phase
    offers: list[OfferRef]
    entries: dict[int, Contribution]
    done: set[int]
    proposals: list[OfferProposal] = field(default_factory=list)
    prefill: bool = False  # the workshop's setting: a mapping starts from the register's values (else blank)

    @property
    def progress(self) -> tuple[int, int]:
        return progress([o.id for o in self.offers], self.done)


def team_mapping(engine: Engine, team: Team) -> TeamMapping:
    """The team's offers to map and its own mapping so far (never another team's)."""
    with read(engine) as conn:
        _member(conn, team)
        phase = _phase(conn, team.workshop_id)
        assigned = _assigned(conn, team, phase)
        rows = conn.execute(select(mappings).where(mappings.c.team_id == team.id)).fetchall()
        prefill = conn.execute(select(workshops.c.mapping_prefill).where(workshops.c.id == team.workshop_id)).scalar()
    # An accepted proposal points at its new offer and counts as the team's mapping of it.
    entries = {r.offer_id: contribution_of(r) for r in rows if r.offer_id is not None}
    done = {r.offer_id for r in rows if r.done and r.offer_id is not None}
    props = [
        OfferProposal(r.id, team.name, r.proposed_name, r.description, contribution_of(r), None)
        for r in rows
        if r.proposed and r.offer_id is None
    ]
    return TeamMapping(phase, assigned, entries, done, props, bool(prefill))


def set_mapping_prefill(engine: Engine, workshop_id: int, prefill: bool) -> None:
    """The facilitator's setting: teams' mappings start from the register's values (True) or blank (False)."""
    with write(engine) as conn:
        change_workshop_row(conn, workshop_id, mapping_prefill=prefill)


def register_values(engine: Engine, workshop_id: int, offer_id: int) -> Contribution:
    """What the register holds for an offer: the starting point of a team's mapping."""
    with read(engine) as conn:
        row = conn.execute(select(offers).where(offers.c.id == offer_id, OFFERS.of(workshop_id))).first()
    if row is None:
        raise NotFound("error.missing.offer", id=offer_id)
    return Contribution(
        {k: int(row._mapping[k]) for k in SPACE_KEYS}, int(row.strength), list(row.target_groups), list(row.partners)
    )


def save_mapping(engine: Engine, team: Team, offer_id: int, entry: Contribution, done: bool) -> None:
    """Store the team's mapping of one of its offers: a draft (done=False) or mapped (done=True).
    Refused when the phase is not open, or the offer is not one this team maps."""
    clean = checked(entry, complete=done)
    with write(engine) as conn:
        _member(conn, team)
        phase = _phase(conn, team.workshop_id)
        phase.require_open()
        if offer_id not in {o.id for o in _assigned(conn, team, phase)}:
            raise NotFound("error.missing.offer", id=offer_id)
        values = row_values(clean) | {"done": done, "updated_at": now()}
        mine = (mappings.c.team_id == team.id) & (mappings.c.offer_id == offer_id)
        if conn.execute(select(mappings.c.id).where(mine)).first() is None:
            conn.execute(
                mappings.insert().values(workshop_id=team.workshop_id, team_id=team.id, offer_id=offer_id, **values)
            )
        else:
            conn.execute(mappings.update().where(mine).values(**values))


def row_values(entry: Contribution) -> dict[str, object]:
    return {
        **entry.spaces,
        "strength": entry.strength,
        "target_groups": entry.target_groups,
        "partners": entry.partners,
        "note": entry.note,
    }


def register_names(conn: Connection, workshop_id: int) -> list[str]:
    """The names of the workshop's offers."""
    return list(conn.execute(select(offers.c.name).where(OFFERS.of(workshop_id))).scalars())


def propose_offer(engine: Engine, team: Team, name: str, description: str, entry: Contribution) -> int:
    """A team proposes an offer the register lacks, mapped as the team sees it; returns the proposal's id."""
    name, clean = check_proposed(name, description), checked(entry, complete=True)
    with write(engine) as conn:
        _member(conn, team)
        _phase(conn, team.workshop_id).require_open()
        check_not_in_register(name, register_names(conn, team.workshop_id))
        return int(
            conn.execute(
                mappings.insert()
                .returning(mappings.c.id)
                .values(
                    workshop_id=team.workshop_id,
                    team_id=team.id,
                    proposed=True,
                    proposed_name=name,
                    description=description.strip(),
                    done=True,
                    updated_at=now(),
                    **row_values(clean),
                )
            ).scalar_one()
        )


def team_map_frame(engine: Engine, team: Team, mine: TeamMapping | None = None) -> pd.DataFrame:
    """The team's mapped offers as the four-spaces map draws them (workshop.charts.offer_map), with the
    team's own contributions and strength, not the register's (`mine`: the team's mapping, if read)."""
    mine = mine or team_mapping(engine, team)
    reg = offers_frame(engine, team.workshop_id).set_index("id")
    rows = []
    for offer in mine.offers:
        if offer.id in mine.done and offer.id in reg.index:
            e = mine.entries[offer.id]
            rows.append(
                _map_row(offer.id, offer.name, str(reg.at[offer.id, "owner_team"]), e, int(reg.at[offer.id, "reach"]))
            )
    for p in mine.proposals:
        rows.append(_map_row(-p.id, p.name, team.name, p.entry, 0))
    columns = ["id", "name", "owner_team", "partners", "reach", "strength", *SPACE_KEYS, "primary"]
    return pd.DataFrame(rows, columns=columns)


def _map_row(offer_id: int, name: str, owner: str, e: Contribution, reach: int) -> dict[str, object]:
    return {
        "id": offer_id,
        "name": name,
        "owner_team": owner,
        "partners": e.partners,
        "reach": reach,
        "strength": e.strength,
        **e.spaces,
        "primary": None,
    }


def aware(stamp: dt.datetime) -> dt.datetime:
    """A stored time as UTC (SQLite keeps no zone; we only ever store UTC)."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
