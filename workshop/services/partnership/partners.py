"""The partner register: who the library works with, how formal the relation is (the network circle),
and — through the offers they take part in — which of the four spaces each partner serves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, Row, func, select

from workshop.domain.errors import NotFound
from workshop.domain.messages import message
from workshop.domain.model import SPACE_KEYS, Partner, RelationStage
from workshop.domain.network import (
    check_after_latest,
    check_partner_name_free,
    partnerships_missing_weak_spaces,
    target_group_counts,
)
from workshop.domain.validation import validated
from workshop.services.register.offers import insert_partners, partners_frame
from workshop.services.register.stages import change_row, checked_change, latest_change, stage_history
from workshop.services.register.strengths import workshop_scores
from workshop.services.rows import OFFERS, PARTNERS, changed
from workshop.store import read, write
from workshop.store.tables import offers, partner_stages, partners, proposals


def _checked(conn: Connection, workshop_id: int, fields: Mapping[str, object], keep: int | None = None) -> Partner:
    """The partner's fields validated, its name not taken by another partner (InvalidInput names the field)."""
    partner = validated(
        Partner,
        {k: v for k, v in fields.items() if v is not None},
        message("subject.partner", name=str(fields.get("name") or "")),
    )
    taken = conn.execute(
        select(partners.c.name).where(PARTNERS.of(workshop_id), partners.c.id != (keep or 0))
    ).scalars()
    check_partner_name_free(partner.name, taken)
    return partner


def _relink(
    conn: Connection, workshop_id: int, old: str | None, new: str | None, offer_ids: Sequence[int] | None
) -> int:
    """Offers name their partners: drop `old` from every offer's list, then name `new` on the chosen offers
    (None: on the offers that named `old`, so a renamed partner keeps its offers). Returns offers linked."""
    rows = conn.execute(select(offers.c.id, offers.c.partners).where(OFFERS.of(workshop_id))).fetchall()
    key = old.casefold() if old else None
    had = {r.id for r in rows if key is not None and any(p.casefold() == key for p in r.partners)}
    chosen = had if offer_ids is None else {int(i) for i in offer_ids}
    for offer_id, names in rows:
        kept = [p for p in names if key is None or p.casefold() != key]
        if new is not None and offer_id in chosen and new.casefold() not in {p.casefold() for p in kept}:
            kept.append(new)
        if kept != list(names):
            changed(conn, offers.update().where(offers.c.id == offer_id).values(partners=kept))
    return len(chosen & {r.id for r in rows}) if new is not None else 0


def add_partner(
    engine: Engine,
    workshop_id: int,
    fields: Mapping[str, object],
    offer_ids: Sequence[int] = (),
    since: dt.date | None = None,
) -> int:
    """Register a partner, its stage dated `since` (today when not given), and link it to offers;
    InvalidInput names the field. Returns how many offers it is linked to."""
    with write(engine) as conn:
        partner = _checked(conn, workshop_id, fields)
        insert_partners(conn, workshop_id, [partner], since=since)
        return _relink(conn, workshop_id, None, partner.name, offer_ids)


def _row(conn: Connection, workshop_id: int, partner_id: int) -> Row[Any]:
    row = conn.execute(select(partners).where(partners.c.id == partner_id, PARTNERS.of(workshop_id))).first()
    if row is None:
        raise NotFound("error.missing.partner", id=partner_id)
    return row


def edit_partner(
    engine: Engine,
    workshop_id: int,
    partner_id: int,
    fields: Mapping[str, object],
    offer_ids: Sequence[int] | None = None,
    changed_on: dt.date | None = None,
    note: str = "",
) -> Partner:
    """Change every field of a partner. A renamed partner is renamed in its offers; `offer_ids` (when
    given) become its linked offers; a new stage is a move dated `changed_on` (today when not given),
    which may not precede the latest recorded move (earlier moves go in through add_stage_change)."""
    with write(engine) as conn:
        old = _row(conn, workshop_id, partner_id)
        partner = _checked(conn, workshop_id, fields, keep=partner_id)
        if partner.stage != old.stage:
            change = checked_change(partner.stage, changed_on, note, message("subject.partner", name=partner.name))
            check_after_latest(change.changed_on, latest_change(conn, partner_id), partner.name)
            conn.execute(partner_stages.insert(), change_row(workshop_id, partner_id, change))
        values = partner.model_dump(include={"name", "sector", "stage", "description", "contact"}, mode="json")
        changed(
            conn,
            partners.update().where(partners.c.id == partner_id).values(**values),
        )
        if partner.name != old.name or offer_ids is not None:
            _relink(conn, workshop_id, old.name, partner.name, offer_ids)
    return partner


@dataclass(frozen=True)
class PartnerDeletion:
    """What goes with a partner when it is deleted: its stage history and its place in offers."""

    name: str
    stage_changes: int
    offers: list[str]
    proposals: int  # proposals that name it as their partner (they stay, without the link)


def deletion_of(engine: Engine, workshop_id: int, partner_id: int) -> PartnerDeletion:
    """What deleting this partner would remove (for the confirmation)."""
    with read(engine) as conn:
        name = str(_row(conn, workshop_id, partner_id).name)
        linking = select(func.count()).select_from(proposals).where(proposals.c.partner_id == partner_id)
        proposed = int(conn.execute(linking).scalar() or 0)
    history = stage_history(engine, workshop_id)
    linked = partner_register(engine, workshop_id).set_index("id").loc[partner_id, "offers"]
    return PartnerDeletion(name, int((history["partner_id"] == partner_id).sum()), list(linked), proposed)


def delete_partner(engine: Engine, workshop_id: int, partner_id: int) -> str:
    """Delete a partner with its stage history, and take its name off the offers it took part in (proposals
    that name it keep their place, without the link)."""
    with write(engine) as conn:
        name = str(_row(conn, workshop_id, partner_id).name)
        _relink(conn, workshop_id, name, None, None)
        changed(
            conn,
            partners.delete().where(partners.c.id == partner_id),
        )
    return name


def _links(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """One row per (partner name as written in an offer, offer) with the offer's contributions and groups."""
    with read(engine) as conn:
        rows = conn.execute(
            select(offers.c.name, offers.c.partners, offers.c.target_groups, *[offers.c[k] for k in SPACE_KEYS]).where(
                OFFERS.of(workshop_id)
            )
        ).fetchall()
    links = [
        (p.casefold(), r.name, list(r.target_groups), *[getattr(r, k) for k in SPACE_KEYS])
        for r in rows
        for p in r.partners
    ]
    return pd.DataFrame(links, columns=["key", "offer", "target_groups", *SPACE_KEYS])


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


def partners_by_target_group(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Per partner (rows) and target group (columns): how many of its offers reach that group."""
    names = list(partners_frame(engine, workshop_id)["name"])
    return target_group_counts(_links(engine, workshop_id), names)


@dataclass(frozen=True)
class WeakSpaceCheck:
    """The weak spaces (by the scores), the partnerships none of whose offers contribute to one, and how many
    partnerships there are in all (with none, nothing can be said either way)."""

    weak_spaces: list[str]
    partnerships: list[str]
    checked: int = 0


def weak_space_check(space_scores: pd.DataFrame, register: pd.DataFrame, by_space: pd.DataFrame) -> WeakSpaceCheck:
    """From the scores per space (workshop_scores(...).spaces), the partners (name, stage) and
    partners_by_space: the weak spaces and the partnerships that serve none of them."""
    weak = [str(k) for k in space_scores.loc[space_scores["weak"].astype(bool), "key"]]
    stages = pd.Series(list(register["stage"]), index=list(register["name"]), dtype=object)
    checked = int((stages == RelationStage.PARTNERSHIP).sum())
    return WeakSpaceCheck(weak, partnerships_missing_weak_spaces(stages, by_space, weak), checked)


def partnerships_off_weak_spaces(engine: Engine, workshop_id: int) -> WeakSpaceCheck:
    """Which partnerships contribute to no weak space (the weak spaces as the strengths view scores them)."""
    scores = workshop_scores(engine, workshop_id).spaces
    return weak_space_check(scores, partners_frame(engine, workshop_id), partners_by_space(engine, workshop_id))
