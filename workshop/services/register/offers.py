"""The offer register and the partners: what the library offers, mapped onto the four spaces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, select

from workshop.domain.model import (
    DEFAULT_TARGET_GROUPS,
    SPACE_KEYS,
    Offer,
    OfferStatus,
    Partner,
    StageChange,
)
from workshop.domain.offer_fields import FIELDS, offer_from_fields
from workshop.domain.validation import check_offer_names, clean_target_groups
from workshop.files.offer_words import TARGET_GROUPS
from workshop.services.register.stages import record_first_stages
from workshop.services.rows import GROUPS, OFFERS, PARTNERS, changed
from workshop.store import read, write
from workshop.store.tables import offers, partners, target_groups

# The offers' columns as offers_frame gives them (the register adds the chosen primary space).
OFFER_COLUMNS = ("id", *(f for f in FIELDS if f != "primary_space"))


def offer_row(workshop_id: int, offer: Offer) -> dict[str, object]:
    """An offer as a row of the offers table."""
    # Built by hand, not by model_dump: an import of 50,000 offers spends its time here.
    return {
        "workshop_id": workshop_id,
        "name": offer.name,
        "description": offer.description,
        "owner_team": offer.owner_team,
        "target_groups": list(offer.target_groups),
        "status": OfferStatus(offer.status).value,
        "reach": offer.reach,
        "strength": offer.strength,
        **{key: offer.spaces.get(key, 0) for key in SPACE_KEYS},
        "partners": list(offer.partners),
        "tags": list(offer.tags),
        "primary_space": offer.primary_space,
    }


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
        rows = conn.execute(select(*columns).where(OFFERS.of(workshop_id)).order_by(offers.c.id))
        return pd.DataFrame(rows.fetchall(), columns=list(OFFER_COLUMNS))


def insert_partners(
    conn: Connection,
    workshop_id: int,
    items: Iterable[Partner],
    since: dt.date | None = None,
    history: Mapping[str, Sequence[StageChange]] | None = None,
) -> list[int]:
    """Add partners, each with its stage history (record_first_stages); returns their ids."""
    found = list(items)
    fields = set(Partner.model_fields) - {"id", "workshop_id"}
    rows = [{**p.model_dump(include=fields, mode="json"), "workshop_id": workshop_id} for p in found]
    if not rows:
        return []
    added = conn.execute(partners.insert().returning(partners.c.id, sort_by_parameter_order=True), rows)
    ids = [int(i) for i in added.scalars()]
    record_first_stages(conn, workshop_id, ids, found, since, history)
    return ids


def partners_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    cols = ["id", "name", "sector", "stage", "description", "contact"]
    with read(engine) as conn:
        rows = conn.execute(
            select(*[partners.c[c] for c in cols]).where(PARTNERS.of(workshop_id)).order_by(partners.c.id)
        )
        return pd.DataFrame(rows.fetchall(), columns=cols)


# --- the register: one row per offer, edited in a table -------------------------------------------

REGISTER_COLUMNS = (*OFFER_COLUMNS, "primary_space")


def register_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The offers as the register shows them, with `primary` (None while a tie is undecided)."""
    with read(engine) as conn:
        rows = conn.execute(
            select(*[offers.c[c] for c in REGISTER_COLUMNS]).where(OFFERS.of(workshop_id)).order_by(offers.c.id)
        ).fetchall()
    frame = pd.DataFrame(rows, columns=list(REGISTER_COLUMNS))
    frame["primary"] = primary_spaces(frame)
    return frame.drop(columns=["primary_space"])


def primary_spaces(frame: pd.DataFrame) -> list[str | None]:
    """Each offer's primary space: its one highest contribution, or the chosen one of a tie (else None)."""
    if frame.empty:
        return []
    contributions = frame[list(SPACE_KEYS)].to_numpy()
    tied = contributions == contributions.max(axis=1, keepdims=True)
    single = tied.sum(axis=1) == 1
    top = [SPACE_KEYS[i] for i in tied.argmax(axis=1)]
    chosen = frame["primary_space"].tolist()
    return [
        key if alone else (pick if pick in SPACE_KEYS and tied[n, SPACE_KEYS.index(pick)] else None)
        for n, (key, alone, pick) in enumerate(zip(top, single, chosen, strict=True))
    ]


def save_register(
    engine: Engine, workshop_id: int, updated: dict[int, dict[str, Any]], added: list[dict[str, Any]]
) -> int:
    """Store edited and new register rows in one transaction; refuses the lot if any row is bad."""
    checked = {offer_id: offer_from_fields(fields) for offer_id, fields in updated.items()}
    new = [offer_from_fields(fields) for fields in added]
    with write(engine) as conn:
        names = dict(conn.execute(select(offers.c.id, offers.c.name).where(OFFERS.of(workshop_id))).fetchall())
        names.update({offer_id: offer.name for offer_id, offer in checked.items()})
        check_offer_names([*names.values(), *(o.name for o in new)])
        for offer_id, offer in checked.items():
            changed(
                conn,
                offers.update()
                .where(offers.c.id == offer_id, OFFERS.of(workshop_id))
                .values(offer_row(workshop_id, offer)),
            )
        insert_offers(conn, workshop_id, new)
    return len(checked) + len(new)


def delete_offers(engine: Engine, workshop_id: int, offer_ids: Iterable[int]) -> int:
    """Delete offers of this workshop; returns how many went."""
    ids = [int(i) for i in offer_ids]
    with write(engine) as conn:
        result = conn.execute(offers.delete().where(OFFERS.of(workshop_id), offers.c.id.in_(ids)))
        return int(result.rowcount or 0)


# --- the workshop's target groups --------------------------------------------------------------------


def list_target_groups(engine: Engine, workshop_id: int) -> list[str]:
    """The workshop's target groups, or the default list when it has none of its own."""
    with read(engine) as conn:
        names = conn.execute(
            select(target_groups.c.name).where(GROUPS.of(workshop_id)).order_by(target_groups.c.position)
        ).scalars()
        return list(names) or list(DEFAULT_TARGET_GROUPS)


def set_target_groups(engine: Engine, workshop_id: int, names: Iterable[str]) -> list[str]:
    """Replace the workshop's target groups (blank lines and repeats dropped; at least one); a default group
    named in any of the four languages is kept by its key, so it shows in the workshop's words."""
    clean = clean_target_groups(TARGET_GROUPS.find(name.strip()) or name for name in names)
    with write(engine) as conn:
        conn.execute(target_groups.delete().where(GROUPS.of(workshop_id)))
        conn.execute(
            target_groups.insert(),
            [{"workshop_id": workshop_id, "position": i, "name": n} for i, n in enumerate(clean)],
        )
    return clean
