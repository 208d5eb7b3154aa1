"""The partner register: who the library works with, how formal the relation is (the network circle),
and — through the offers they take part in — which of the four spaces each partner serves."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pydantic import ValidationError
from sqlalchemy import Engine, select

from workshop.errors import InvalidInput
from workshop.model import SPACE_KEYS, Partner
from workshop.services.offers import insert_partners, partners_frame
from workshop.store import read, write
from workshop.store.tables import offers, partners


def add_partner(engine: Engine, workshop_id: int, fields: dict[str, object], offer_ids: Sequence[int] = ()) -> int:
    """Register a partner and link it to offers; InvalidInput names the field."""
    try:
        partner = Partner.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        field = ".".join(map(str, exc.errors()[0]["loc"]))
        raise InvalidInput(f"partner {fields.get('name')!r} — {field}: {exc.errors()[0]['msg']}", field=field) from None
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
    by_key = {key: group for key, group in links.groupby("key")} if len(links) else {}
    offers_of, spaces_of = [], []
    for name in frame["name"]:
        group = by_key.get(name.casefold())
        offers_of.append([] if group is None else list(group["offer"]))
        spaces_of.append([] if group is None else [k for k in SPACE_KEYS if (group[k] > 0).any()])
    return frame.assign(offers=offers_of, spaces=spaces_of)


def partners_by_space(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Per partner (rows) and space (columns): how many of its offers contribute to that space."""
    names = list(partners_frame(engine, workshop_id)["name"])
    links = _links(engine, workshop_id)
    counts = (
        (links[list(SPACE_KEYS)] > 0).groupby(links["key"]).sum() if len(links) else pd.DataFrame(columns=SPACE_KEYS)
    )
    rows = [
        [int(counts.loc[n.casefold(), k]) if n.casefold() in counts.index else 0 for k in SPACE_KEYS] for n in names
    ]
    return pd.DataFrame(rows, columns=list(SPACE_KEYS), index=pd.Index(names, name="partner"))


def partners_in_space(engine: Engine, workshop_id: int, space: str) -> list[str]:
    """The partners whose offers serve a space, most offers first."""
    return served_in_space(partners_by_space(engine, workshop_id), space)


def served_in_space(by_space: pd.DataFrame, space: str) -> list[str]:
    """From partners_by_space: the partners whose offers serve a space, most offers first."""
    served = by_space[by_space[space] > 0].sort_values(space, ascending=False, kind="stable")
    return list(served.index)
