"""The offer register and the partners: what the library offers, mapped onto the four spaces."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.model import SPACE_KEYS, Offer, Partner
from workshop.store import read, write
from workshop.store.tables import offers, partners

OFFER_COLUMNS = (
    "id",
    "name",
    "description",
    "owner_team",
    "target_groups",
    "status",
    "reach",
    "strength",
    *SPACE_KEYS,
    "partners",
    "tags",
)


def offer_row(workshop_id: int, offer: Offer) -> dict[str, object]:
    """An offer as a row of the offers table."""
    data = offer.model_dump(exclude={"id", "workshop_id", "spaces"}, mode="json")
    return {**data, **{key: offer.spaces.get(key, 0) for key in SPACE_KEYS}, "workshop_id": workshop_id}


def insert_offers(conn: Connection, workshop_id: int, items: Iterable[Offer]) -> int:
    rows = [offer_row(workshop_id, o) for o in items]
    if rows:
        conn.execute(offers.insert(), rows)
    return len(rows)


def add_offers(engine: Engine, workshop_id: int, items: Iterable[Offer]) -> int:
    """Store validated offers in one transaction; returns how many."""
    with write(engine) as conn:
        return insert_offers(conn, workshop_id, items)


def offers_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The workshop's offers, one row each, with a column per space."""
    columns = [offers.c[name] for name in OFFER_COLUMNS]
    with read(engine) as conn:
        rows = conn.execute(select(*columns).where(offers.c.workshop_id == workshop_id).order_by(offers.c.id))
        return pd.DataFrame(rows.fetchall(), columns=list(OFFER_COLUMNS))


def insert_partners(conn: Connection, workshop_id: int, items: Iterable[Partner]) -> int:
    rows = [{**p.model_dump(exclude={"id", "workshop_id"}, mode="json"), "workshop_id": workshop_id} for p in items]
    if rows:
        conn.execute(partners.insert(), rows)
    return len(rows)


def partners_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    cols = ["id", "name", "sector", "stage", "description", "contact"]
    with read(engine) as conn:
        rows = conn.execute(
            select(*[partners.c[c] for c in cols]).where(partners.c.workshop_id == workshop_id).order_by(partners.c.id)
        )
        return pd.DataFrame(rows.fetchall(), columns=cols)
