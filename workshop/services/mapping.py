"""The teams' mapping of offers: the phase, a team's own mapping (drafts, done, proposals), and the
facilitator's review that accepts values into the register. Nothing reaches the register before that."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.errors import AccessDenied, InvalidInput, MappingClosed, NotFound
from workshop.domain.mapping import (
    Contribution,
    MappingScope,
    OfferRef,
    OfferSpread,
    checked,
    offer_spread,
    offers_for_team,
    primary_on_tie,
    progress,
    union,
    widest_first,
)
from workshop.domain.model import SPACE_KEYS, DayStatus, Team
from workshop.domain.scoring import Thresholds, score_spaces
from workshop.services.offers import offers_frame
from workshop.store import read, write
from workshop.store.tables import mapping_decisions, mapping_phases, mappings, offers, teams


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Phase:
    status: DayStatus = DayStatus.PLANNED
    scope: MappingScope = MappingScope.OWN

    @property
    def is_open(self) -> bool:
        return self.status == DayStatus.OPEN


def _phase(conn: Connection, workshop_id: int) -> Phase:
    row = conn.execute(select(mapping_phases).where(mapping_phases.c.workshop_id == workshop_id)).first()
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
        new = Phase(status or old.status, scope or old.scope)
        values = {"status": new.status.value, "scope": new.scope.value}
        conn.execute(mapping_phases.delete().where(mapping_phases.c.workshop_id == workshop_id))
        conn.execute(mapping_phases.insert().values(workshop_id=workshop_id, **values))
    return new


def _contribution(row: Any) -> Contribution:
    return Contribution(
        {k: int(row._mapping[k]) for k in SPACE_KEYS},
        int(row.strength),
        list(row.target_groups or []),
        list(row.partners or []),
        str(row.note or ""),
    )


def _member(conn: Connection, team: Team) -> None:
    """The team must exist in the workshop it claims: a forged team of another workshop is refused."""
    found = conn.execute(
        select(teams.c.id).where(teams.c.id == team.id, teams.c.workshop_id == team.workshop_id)
    ).first()
    if found is None:
        raise AccessDenied("this team is not part of the workshop")


def _refs(conn: Connection, workshop_id: int) -> list[OfferRef]:
    rows = conn.execute(
        select(offers.c.id, offers.c.name, offers.c.owner_team).where(offers.c.workshop_id == workshop_id)
    )
    return [OfferRef(r.id, r.name, r.owner_team) for r in rows]


def _assigned(conn: Connection, team: Team, phase: Phase) -> list[OfferRef]:
    assert team.workshop_id is not None and team.id is not None
    team_ids = list(conn.execute(select(teams.c.id).where(teams.c.workshop_id == team.workshop_id)).scalars())
    return offers_for_team(phase.scope, _refs(conn, team.workshop_id), team_ids, team.id, team.name)


@dataclass(frozen=True)
class Proposal:
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
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def progress(self) -> tuple[int, int]:
        return progress([o.id for o in self.offers], self.done)


def team_mapping(engine: Engine, team: Team) -> TeamMapping:
    """The team's offers to map and its own mapping so far (never another team's)."""
    with read(engine) as conn:
        _member(conn, team)
        phase = _phase(conn, int(team.workshop_id or 0))
        assigned = _assigned(conn, team, phase)
        rows = conn.execute(select(mappings).where(mappings.c.team_id == team.id)).fetchall()
    # An accepted proposal points at its new offer and counts as the team's mapping of it.
    entries = {r.offer_id: _contribution(r) for r in rows if r.offer_id is not None}
    done = {r.offer_id for r in rows if r.done and r.offer_id is not None}
    props = [
        Proposal(r.id, team.name, r.proposed_name, r.description, _contribution(r), None)
        for r in rows
        if r.proposed and r.offer_id is None
    ]
    return TeamMapping(phase, assigned, entries, done, props)


def register_values(engine: Engine, workshop_id: int, offer_id: int) -> Contribution:
    """What the register holds for an offer: the starting point of a team's mapping."""
    with read(engine) as conn:
        row = conn.execute(select(offers).where(offers.c.id == offer_id, offers.c.workshop_id == workshop_id)).first()
    if row is None:
        raise NotFound(f"no offer {offer_id}")
    return Contribution(
        {k: int(row._mapping[k]) for k in SPACE_KEYS}, int(row.strength), list(row.target_groups), list(row.partners)
    )


def save_mapping(engine: Engine, team: Team, offer_id: int, entry: Contribution, done: bool) -> None:
    """Store the team's mapping of one of its offers: a draft (done=False) or mapped (done=True).
    Refused when the phase is not open, or the offer is not one this team maps."""
    clean = checked(entry, complete=done)
    with write(engine) as conn:
        _member(conn, team)
        phase = _phase(conn, int(team.workshop_id or 0))
        if not phase.is_open:
            raise MappingClosed("the mapping phase is not open")
        if offer_id not in {o.id for o in _assigned(conn, team, phase)}:
            raise NotFound(f"no offer {offer_id} for this team to map")
        values = _values(clean) | {"done": done, "updated_at": _now()}
        mine = (mappings.c.team_id == team.id) & (mappings.c.offer_id == offer_id)
        if conn.execute(select(mappings.c.id).where(mine)).first() is None:
            conn.execute(
                mappings.insert().values(workshop_id=team.workshop_id, team_id=team.id, offer_id=offer_id, **values)
            )
        else:
            conn.execute(mappings.update().where(mine).values(**values))


def _values(entry: Contribution) -> dict[str, object]:
    return {
        **entry.spaces,
        "strength": entry.strength,
        "target_groups": entry.target_groups,
        "partners": entry.partners,
        "note": entry.note,
    }


def _taken(conn: Connection, workshop_id: int, name: str) -> bool:
    names = conn.execute(select(offers.c.name).where(offers.c.workshop_id == workshop_id)).scalars()
    return name.casefold() in {n.casefold() for n in names}


def propose_offer(engine: Engine, team: Team, name: str, description: str, entry: Contribution) -> int:
    """A team proposes an offer the register lacks, mapped as the team sees it; returns the proposal's id."""
    name, clean = name.strip(), checked(entry, complete=True)
    if not name or len(name) > 200:
        raise InvalidInput("the offer needs a name of 1-200 characters", field="name")
    if len(description) > 5000:
        raise InvalidInput("the description is longer than 5000 characters", field="description")
    with write(engine) as conn:
        _member(conn, team)
        if not _phase(conn, int(team.workshop_id or 0)).is_open:
            raise MappingClosed("the mapping phase is not open")
        if _taken(conn, int(team.workshop_id or 0), name):
            raise InvalidInput(f"offer {name!r} — the register has it already: map it instead", field="name")
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
                    updated_at=_now(),
                    **_values(clean),
                )
            ).scalar_one()
        )


def team_map_frame(engine: Engine, team: Team, mine: TeamMapping | None = None) -> pd.DataFrame:
    """The team's mapped offers as the four-spaces map draws them (workshop.charts.offer_map), with the
    team's own contributions and strength, not the register's (`mine`: the team's mapping, if read)."""
    mine = mine or team_mapping(engine, team)
    reg = offers_frame(engine, int(team.workshop_id or 0)).set_index("id")
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
            .where(mappings.c.workshop_id == workshop_id, mappings.c.done.is_(True), mappings.c.offer_id.is_not(None))
            .order_by(teams.c.name)
        ).fetchall()
        register = {r.id: r for r in conn.execute(select(offers).where(offers.c.workshop_id == workshop_id))}
        decided = {
            r.offer_id: r
            for r in conn.execute(select(mapping_decisions).where(mapping_decisions.c.workshop_id == workshop_id))
        }
    by_offer: dict[int, list[Any]] = {}
    for r in rows:
        by_offer.setdefault(r.offer_id, []).append(r)
    spreads = widest_first(offer_spread(oid, [_contribution(r) for r in found]) for oid, found in by_offer.items())
    items = []
    for s in spreads:
        reg, decision = register[s.offer_id], decided.get(s.offer_id)
        latest = max(_aware(r.updated_at) for r in by_offer[s.offer_id])
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
                {r.team: _contribution(r) for r in by_offer[s.offer_id]},
                s,
                list(decision.mapped_by) if decision else None,
                bool(decision and latest > _aware(decision.decided_at)),
            )
        )
    return sorted(items, key=lambda i: not i.open)  # a stable sort keeps widest first within each part


def _aware(stamp: dt.datetime) -> dt.datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def pending_proposals(engine: Engine, workshop_id: int) -> list[Proposal]:
    """Offers teams proposed that the facilitator has not accepted yet."""
    with read(engine) as conn:
        rows = conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(mappings.c.workshop_id == workshop_id, mappings.c.proposed.is_(True), mappings.c.offer_id.is_(None))
            .order_by(mappings.c.id)
        ).fetchall()
    return [Proposal(r.id, r.team, r.proposed_name, r.description, _contribution(r), None) for r in rows]


def _done_entries(conn: Connection, workshop_id: int, offer_id: int) -> list[Any]:
    return list(
        conn.execute(
            select(mappings, teams.c.name.label("team"))
            .join(teams, teams.c.id == mappings.c.team_id)
            .where(mappings.c.workshop_id == workshop_id, mappings.c.offer_id == offer_id, mappings.c.done.is_(True))
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
    row = conn.execute(select(offers).where(offers.c.id == offer_id, offers.c.workshop_id == workshop_id)).first()
    if row is None:
        raise NotFound(f"no offer {offer_id}")
    found = _done_entries(conn, workshop_id, offer_id)
    who = [r.team for r in found]
    primary = primary_on_tie(clean.spaces, row.primary_space, [_contribution(r) for r in found])
    conn.execute(
        offers.update()
        .where(offers.c.id == offer_id)
        .values(
            **clean.spaces,
            strength=clean.strength,
            target_groups=clean.target_groups,
            partners=clean.partners,
            primary_space=primary,
        )
    )
    conn.execute(mapping_decisions.delete().where(mapping_decisions.c.offer_id == offer_id))
    conn.execute(
        mapping_decisions.insert().values(
            workshop_id=workshop_id,
            offer_id=offer_id,
            **clean.spaces,
            strength=clean.strength,
            mapped_by=who,
            decided_at=_now(),
        )
    )
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
            .where(mappings.c.id == proposal_id, mappings.c.workshop_id == workshop_id, mappings.c.proposed.is_(True))
        ).first()
        if row is None or row.offer_id is not None:
            raise NotFound(f"no open proposal {proposal_id}")
        if _taken(conn, workshop_id, row.proposed_name):
            raise InvalidInput(f"offer {row.proposed_name!r} — another offer already has this name", field="name")
        entry = checked(_contribution(row), complete=True)
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
        conn.execute(mappings.update().where(mappings.c.id == proposal_id).values(offer_id=offer_id))
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
        .where(mappings.c.workshop_id == workshop_id)
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
            "updated_at": _aware(r.updated_at).isoformat(),
        }
        for r in rows
    ]
