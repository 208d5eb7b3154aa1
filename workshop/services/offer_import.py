"""Import offers from a spreadsheet: all or nothing, in one transaction; offers already in the register
(same name, any case) are updated, the others added, and partners named in the file join the register."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, select

from workshop.importing import SourceTable
from workshop.model import Offer, Partner
from workshop.offer_rows import Progress, offers_from_table
from workshop.services.offers import insert_offers, insert_partners, list_target_groups, offer_row
from workshop.store import write
from workshop.store.tables import offers, partners


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    new_partners: int
    undecided: int  # offers whose top contributions tie: the register asks for their primary space


def import_offers(
    engine: Engine,
    workshop_id: int,
    table: SourceTable,
    mapping: Sequence[str],
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row, then store them all or nothing; raises ImportRejected with the row report."""
    items = offers_from_table(table, mapping, list_target_groups(engine, workshop_id), progress)
    with write(engine) as conn:
        existing = {
            name.casefold(): offer_id
            for offer_id, name in conn.execute(
                select(offers.c.id, offers.c.name).where(offers.c.workshop_id == workshop_id)
            )
        }
        known_partners = {
            name.casefold()
            for name in conn.execute(select(partners.c.name).where(partners.c.workshop_id == workshop_id)).scalars()
        }
        changed = [o for o in items if o.name.casefold() in existing]
        if changed:
            rows = [{**offer_row(workshop_id, o), "_id": existing[o.name.casefold()]} for o in changed]
            conn.execute(offers.update().where(offers.c.id == bindparam("_id")), rows)
        added = insert_offers(conn, workshop_id, (o for o in items if o.name.casefold() not in existing))
        if progress is not None:
            progress(0.95)
        new_partners = _new_partners(items, known_partners)
        insert_partners(conn, workshop_id, new_partners)
    if progress is not None:
        progress(1.0)
    undecided = sum(1 for o in items if o.primary() is None)
    return ImportResult(added=added, updated=len(changed), new_partners=len(new_partners), undecided=undecided)


def _new_partners(items: Sequence[Offer], known: set[str]) -> list[Partner]:
    names: dict[str, str] = {}
    for offer in items:
        for name in offer.partners:
            if name.casefold() not in known:
                names.setdefault(name.casefold(), name)
    return [Partner(name=name[:200]) for name in names.values()]
