"""Import offers from a spreadsheet: all or nothing, in one transaction; offers already in the register
(same name, any case) are updated, the others added, and partners named in the file join the register with
the sector and stage the file gives them (unknown where it gives none)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, bindparam, select

from workshop.domain.errors import NotFound
from workshop.domain.model import SPACE_KEYS, Partner, RelationStage, Sector
from workshop.domain.offer_fields import FIELDS
from workshop.files.offer_cells import Progress
from workshop.files.offer_sheet import offer_frame
from workshop.files.spreadsheet import SourceTable
from workshop.services.register.offers import insert_partners, list_target_groups
from workshop.services.rows import OFFERS, PARTNERS
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
    frame = offer_frame(table, mapping, list_target_groups(engine, workshop_id), progress)
    columns = [frame[field].tolist() for field in FIELDS]  # plain Python values, column by column
    rows = [
        {"workshop_id": workshop_id, **dict(zip(FIELDS, values, strict=True))} for values in zip(*columns, strict=True)
    ]
    keys = frame["name"].str.casefold()
    with write(engine) as conn:
        existing = {
            name.casefold(): offer_id
            for offer_id, name in conn.execute(
                # Locked (PostgreSQL): an offer this import updates cannot be deleted meanwhile.
                select(offers.c.id, offers.c.name).where(OFFERS.of(workshop_id)).with_for_update()
            )
        }
        known_partners = {
            name.casefold() for name in conn.execute(select(partners.c.name).where(PARTNERS.of(workshop_id))).scalars()
        }
        changed = [{**row, "_id": existing[key]} for row, key in zip(rows, keys, strict=True) if key in existing]
        if changed:
            done = conn.execute(offers.update().where(offers.c.id == bindparam("_id")), changed)
            if 0 <= done.rowcount < len(changed):  # -1: the driver does not count a batch
                raise NotFound("error.offer_deleted_during_import")
        new = [row for row, key in zip(rows, keys, strict=True) if key not in existing]
        if new:
            conn.execute(offers.insert(), new)
        if progress is not None:
            progress(0.95)
        new_partners = _new_partners(frame, known_partners)
        insert_partners(conn, workshop_id, new_partners)
    if progress is not None:
        progress(1.0)
    return ImportResult(
        added=len(new), updated=len(changed), new_partners=len(new_partners), undecided=undecided(frame)
    )


def undecided(frame: pd.DataFrame) -> int:
    """How many offers tie on their top contribution without a chosen primary space."""
    spaces = frame[list(SPACE_KEYS)]
    ties = spaces.eq(spaces.max(axis=1), axis=0).sum(axis=1) > 1
    return int((ties & frame["primary_space"].isna()).sum())


def _new_partners(frame: pd.DataFrame, known: set[str]) -> list[Partner]:
    """The partners the file names that the register lacks, each once (any case), with its sector and stage:
    the row's one value for all its partners, or its own in the same place; the first row that says wins."""
    found: dict[str, dict[str, str]] = {}
    for names, sectors, stages in zip(frame["partners"], frame["partner_sector"], frame["partner_stage"], strict=True):
        for n, name in enumerate(names):
            if name.casefold() in known:
                continue
            given = found.setdefault(name.casefold(), {"name": name[:200]})
            for field, values in (("sector", sectors), ("stage", stages)):
                value = values[0] if len(values) == 1 else values[n] if values else None
                if value is not None and value != "unknown" and field not in given:
                    given[field] = value
    unknown = {"sector": Sector.UNKNOWN, "stage": RelationStage.UNKNOWN}
    return [Partner.model_validate(unknown | given) for given in found.values()]
