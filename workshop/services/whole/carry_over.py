"""A new workshop from an earlier one: the offers, partners, target groups, main points, space weights,
thresholds, proposals (without their screening and verdict) and the library's assets it chose to carry, so
a second year starts where the first ended. Teams, days, questions, answers, themes, actions and the teams'
proposed assets and partners are never carried: they belong to the week that made them. What may be carried
is the domain's rule (workshop.domain.carry_over); this module copies the rows."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, Table, select

from workshop.domain.carry_over import LIBRARY_FIELDS, PARTS, carried_weights, check_parts
from workshop.domain.codes import check_new_passcode
from workshop.domain.errors import NotFound
from workshop.domain.history import PASSCODES_SET, Change, Kind
from workshop.services.history import record
from workshop.services.partnership.proposals import carry_proposals
from workshop.services.register.strengths import THRESHOLD_FIELDS
from workshop.services.rows import PARTNERS, SPACE_WEIGHTS, STAGE_CHANGES, changed
from workshop.services.workshops.lifecycle import insert_workshop
from workshop.store import write
from workshop.store.tables import (
    assets,
    main_points,
    offers,
    partner_stages,
    partners,
    space_weights,
    target_groups,
    workshops,
)

_TABLES: dict[str, Table] = {
    "offers": offers,
    "partners": partners,
    "target_groups": target_groups,
    "main_points": main_points,
    "assets": assets,  # the leaflet's list: kept up to date year by year, as the guide advises
}


def new_from(
    engine: Engine,
    earlier_id: int,
    name: str,
    facilitator_code: str,
    leadership_code: str,
    parts: Iterable[str] = PARTS,
    *,
    strict_passcodes: bool = False,
) -> int:
    """A new workshop carrying the chosen parts of an earlier one, in one transaction; returns its id."""
    chosen = check_parts(parts)
    if strict_passcodes:
        check_new_passcode(facilitator_code, "facilitator passcode")
        check_new_passcode(leadership_code, "leadership passcode")
    with write(engine) as conn:
        earlier = conn.execute(select(workshops).where(workshops.c.id == earlier_id)).first()
        if earlier is None:
            raise NotFound("error.missing.workshop", id=earlier_id)
        new_id = insert_workshop(
            conn,
            name,
            facilitator_code,
            leadership_code,
            description=earlier.description,
            language=earlier.language,
            template_key=earlier.template_key,
        )
        library = {f: getattr(earlier, f) for f in LIBRARY_FIELDS}
        changed(conn, workshops.update().where(workshops.c.id == new_id).values(**library))
        for part, table in _TABLES.items():
            if part in chosen:
                _copy_rows(conn, table, earlier_id, new_id)
        if "partners" in chosen:
            _copy_stage_history(conn, earlier_id, new_id)
        earlier_weights = select(space_weights.c.space, space_weights.c.weight).where(SPACE_WEIGHTS.of(earlier_id))
        held = {r.space: r.weight for r in conn.execute(earlier_weights)} if "weights" in chosen else {}
        weights = carried_weights(chosen, held)
        conn.execute(
            space_weights.insert(), [{"workshop_id": new_id, "space": s, "weight": w} for s, w in weights.items()]
        )
        if "thresholds" in chosen:
            values = {f: getattr(earlier, f) for f in THRESHOLD_FIELDS}
            changed(conn, workshops.update().where(workshops.c.id == new_id).values(**values))
        if "proposals" in chosen:
            carry_proposals(conn, earlier_id, new_id)
        # As for a new workshop, the record starts with the passcodes; it names the workshop carried from.
        details = [*PASSCODES_SET, ["carried_from", "", earlier.name]]
        record(conn, new_id, Kind.ROLE, new_id, Change.ADDED, name, details)
    return new_id


def _copy_rows(conn: Connection, table: Table, earlier_id: int, new_id: int) -> None:
    """Every row of one table from the earlier workshop, under the new one (with new ids)."""
    columns = [c for c in table.columns if c.name not in ("id", "workshop_id")]
    order = [table.c.id] if "id" in table.c else [table.c.position]
    rows = conn.execute(select(*columns).where(table.c.workshop_id == earlier_id).order_by(*order)).fetchall()
    if rows:
        conn.execute(table.insert(), [dict(r._mapping) | {"workshop_id": new_id} for r in rows])


def _copy_stage_history(conn: Connection, earlier_id: int, new_id: int) -> None:
    """The carried partners keep their moves in the network circle (matched by name: names are unique)."""
    ids = {r.name: r.id for r in conn.execute(select(partners.c.id, partners.c.name).where(PARTNERS.of(new_id)))}
    rows = conn.execute(
        select(partner_stages, partners.c.name.label("partner_name"))
        .join(partners, partners.c.id == partner_stages.c.partner_id)
        .where(STAGE_CHANGES.of(earlier_id))
        .order_by(partner_stages.c.id)
    ).fetchall()
    moved = [
        {
            "workshop_id": new_id,
            "partner_id": ids[r.partner_name],
            "stage": r.stage,
            "changed_on": r.changed_on,
            "note": r.note,
        }
        for r in rows
        if r.partner_name in ids
    ]
    if moved:
        conn.execute(partner_stages.insert(), moved)
