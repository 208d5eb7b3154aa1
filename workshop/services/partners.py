"""The partner register: who the library works with, how formal the relation is (the network circle),
and — through the offers they take part in — which of the four spaces each partner serves."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import Engine, select

from workshop.domain.errors import InvalidInput
from workshop.domain.model import SPACE_KEYS, Partner
from workshop.domain.validation import validated
from workshop.services.offers import insert_partners, partners_frame
from workshop.store import read, write
from workshop.store.tables import offers, partners


def add_partner(engine: Engine, workshop_id: int, fields: dict[str, object], offer_ids: Sequence[int] = ()) -> int:
    """Register a partner and link it to offers; InvalidInput names the field."""
    partner = validated(Partner, {k: v for k, v in fields.items() if v is not None}, f"partner {fields.get('name')!r}")
    with write(engine) as conn:
        taken = conn.execute(select(partners.c.name).where(partners.c.workshop_id == workshop_id)).scalars()
        if partner.name.casefold() in {n.casefold() for n in taken}:
            raise InvalidInput(f"partner {partner.name!r} — name: already in the register", field="name")
        insert_partners(conn, workshop_id, [partner])
        linked = conn.execute(
            select(offers.c.id, offers.c.partners).where(
                offers.c.workshop_id == workshop_id, offers.c.id.in_([int(i) for i in offer_ids])
            )
        ).fetchall()
        for offer_id, names in linked:
            conn.execute(offers.update().where(offers.c.id == offer_id).values(partners=[*names, partner.name]))
    return len(linked)


def _links(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """One row per (partner name as written in an offer, offer) with the offer's contributions."""
    with read(engine) as conn:
        rows = conn.execute(
            select(offers.c.name, offers.c.partners, *[offers.c[k] for k in SPACE_KEYS]).where(
                offers.c.workshop_id == workshop_id
            )
        ).fetchall()
    links = [(p.casefold(), r.name, *[getattr(r, k) for k in SPACE_KEYS]) for r in rows for p in r.partners]
    return pd.DataFrame(links, columns=["key", "offer", *SPACE_KEYS])


def partner_register(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every partner with its linked offers and the spaces those offers serve."""
    frame = partners_frame(engine, workshop_id)
    links = _links(engine, workshop_id)
    keys = frame["name"].str.casefold() if len(frame) else pd.Series(dtype=object)
    if links.empty:
        return frame.assign(offers=[[] for _ in keys], spaces=[[] for _ in keys])
    grouped = links.groupby("key", sort=False)
    offers_of = grouped["offer"].agg(list)
    served = grouped[list(SPACE_KEYS)].max() > 0
    spaces_of = pd.Series([[k for k in SPACE_KEYS if row[k]] for _, row in served.iterrows()], index=served.index)
    return frame.assign(
        offers=[list(offers_of.get(k, [])) for k in keys], spaces=[list(spaces_of.get(k, [])) for k in keys]
    )


def partners_by_space(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Per partner (rows) and space (columns): how many of its offers contribute to that space."""
    names = list(partners_frame(engine, workshop_id)["name"])
    links = _links(engine, workshop_id)
    counts = (links[list(SPACE_KEYS)] > 0).groupby(links["key"]).sum() if len(links) else None
    index = pd.Index(names, name="partner")
    if counts is None:
        return pd.DataFrame(0, index=index, columns=list(SPACE_KEYS))
    found = counts.reindex([n.casefold() for n in names], fill_value=0).astype(int)
    return pd.DataFrame(found.to_numpy(), columns=list(SPACE_KEYS), index=index)


def served_in_space(by_space: pd.DataFrame, space: str) -> list[str]:
    """From partners_by_space: the partners whose offers serve a space, most offers first."""
    served = by_space[by_space[space] > 0].sort_values(space, ascending=False, kind="stable")
    return list(served.index)
