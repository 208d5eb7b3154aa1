"""Each partner's moves in the network circle (network -> collaboration -> partnership and back), each with
its date, so a partner's movement over the years shows. A partner's current stage is its latest move's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd
from sqlalchemy import Connection, Engine, func, select

from workshop.domain.errors import NotFound
from workshop.domain.messages import Message, message
from workshop.domain.model import Partner, StageChange
from workshop.domain.network import check_not_last_stage
from workshop.domain.validation import validated
from workshop.services.rows import PARTNERS, STAGE_CHANGES, changed
from workshop.store import read, write
from workshop.store.tables import partner_stages, partners

HISTORY_COLUMNS = ["id", "partner_id", "partner", "stage", "changed_on", "note"]


def change_row(workshop_id: int, partner_id: int, change: StageChange) -> dict[str, object]:
    """A move as a row of the partner_stages table."""
    return {
        "workshop_id": workshop_id,
        "partner_id": partner_id,
        "stage": change.stage.value,
        "changed_on": change.changed_on,
        "note": change.note,
    }


def record_first_stages(
    conn: Connection,
    workshop_id: int,
    ids: Sequence[int],
    items: Sequence[Partner],
    since: dt.date | None = None,
    history: Mapping[str, Sequence[StageChange]] | None = None,
) -> None:
    """The history of newly added partners: the given moves (by partner name), or else one entry with the
    partner's stage dated `since` (today when not given)."""
    day = since or dt.date.today()
    rows = [
        change_row(workshop_id, pid, change)
        for pid, partner in zip(ids, items, strict=True)
        for change in (history or {}).get(partner.name) or [StageChange(stage=partner.stage, changed_on=day)]
    ]
    if rows:
        conn.execute(partner_stages.insert(), rows)


def checked_change(
    stage: object, changed_on: dt.date | None, note: str = "", what: Message | None = None
) -> StageChange:
    """A move from form fields (the date today when not given); InvalidInput names the field."""
    fields = {"stage": stage, "changed_on": changed_on or dt.date.today(), "note": note}
    return validated(StageChange, fields, what or message("subject.stage_change"))


def latest_change(conn: Connection, partner_id: int) -> dt.date | None:
    """The date of a partner's latest recorded move."""
    return conn.execute(
        select(func.max(partner_stages.c.changed_on)).where(partner_stages.c.partner_id == partner_id)
    ).scalar()


def sync_stage(conn: Connection, partner_id: int) -> None:
    """Set the partner's current stage to that of its latest move (a later id wins on the same day)."""
    latest = conn.execute(
        select(partner_stages.c.stage)
        .where(partner_stages.c.partner_id == partner_id)
        .order_by(partner_stages.c.changed_on.desc(), partner_stages.c.id.desc())
        .limit(1)
    ).scalar()
    if latest is not None:
        changed(conn, partners.update().where(partners.c.id == partner_id).values(stage=latest))


def _partner_name(conn: Connection, workshop_id: int, partner_id: int) -> str:
    name = conn.execute(select(partners.c.name).where(partners.c.id == partner_id, PARTNERS.of(workshop_id))).scalar()
    if name is None:
        raise NotFound("error.missing.partner", id=partner_id)
    return str(name)


def add_stage_change(
    engine: Engine, workshop_id: int, partner_id: int, stage: object, changed_on: dt.date | None, note: str = ""
) -> StageChange:
    """Record a move on any date (a past year too); the current stage follows the latest move."""
    with write(engine) as conn:
        name = _partner_name(conn, workshop_id, partner_id)
        change = checked_change(stage, changed_on, note, message("subject.partner", name=name))
        conn.execute(partner_stages.insert(), change_row(workshop_id, partner_id, change))
        sync_stage(conn, partner_id)
    return change


def delete_stage_change(engine: Engine, workshop_id: int, change_id: int) -> None:
    """Remove one recorded move; a partner keeps at least one (InvalidInput otherwise)."""
    with write(engine) as conn:
        row = conn.execute(
            select(partner_stages.c.partner_id).where(partner_stages.c.id == change_id, STAGE_CHANGES.of(workshop_id))
        ).first()
        if row is None:
            raise NotFound("error.missing.stage_change", id=change_id)
        moves = conn.execute(
            select(func.count()).select_from(partner_stages).where(partner_stages.c.partner_id == row.partner_id)
        ).scalar_one()
        check_not_last_stage(int(moves))
        changed(
            conn,
            partner_stages.delete().where(partner_stages.c.id == change_id),
        )
        sync_stage(conn, row.partner_id)


def stage_history(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """Every partner's moves, partner by partner (in register order), oldest first."""
    with read(engine) as conn:
        rows = conn.execute(
            select(
                partner_stages.c.id,
                partner_stages.c.partner_id,
                partners.c.name,
                partner_stages.c.stage,
                partner_stages.c.changed_on,
                partner_stages.c.note,
            )
            .join(partners, partners.c.id == partner_stages.c.partner_id)
            .where(STAGE_CHANGES.of(workshop_id))
            .order_by(partners.c.id, partner_stages.c.changed_on, partner_stages.c.id)
        ).fetchall()
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)
