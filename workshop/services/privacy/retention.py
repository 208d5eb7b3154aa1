"""Retention (issue 30): once a workshop's retention period has passed (by default 12 months after its last
day), its personal data goes, field by field, as workshop.store.personal_data declares: contact persons
emptied, names and comments replaced by "[removed]", drafts deleted, and the known contact persons' names
replaced inside the texts that are kept. Counts, scores, themes, decisions and anonymous answers stay.

Safe to run again and on several servers at once: each workshop is done in one write transaction that first
locks the workshop's row, and a workshop already done has nothing left to change (a second run counts 0)."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from workshop.domain.errors import NotFound
from workshop.domain.personal import EMAIL, MIN_NAME, person, without_contact_details
from workshop.services.privacy.people import (
    DELETE,
    Edit,
    apply,
    content_language,
    counted,
    person_edit,
    plan,
    removed_marker,
    workshop_rows,
)
from workshop.store import read, write
from workshop.store.personal_data import Kind, Personal, Rule
from workshop.store.tables import days, workshops


@dataclass(frozen=True)
class Retained:
    """One workshop whose retention period has passed, and what its personal data lost (per table, field)."""

    workshop_id: int
    name: str
    until: dt.date
    changed: dict[str, dict[str, int]] = field(default_factory=dict)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it has fewer days: 31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def last_day(conn: Connection, workshop_id: int) -> dt.date:
    """The workshop's last day: its end date, else its latest dated day, else its start, else its creation."""
    row = conn.execute(
        select(workshops.c.end_date, workshops.c.start_date, workshops.c.created_at).where(
            workshops.c.id == workshop_id
        )
    ).one()
    latest = conn.execute(select(func.max(days.c.date)).where(days.c.workshop_id == workshop_id)).scalar()
    found = row.end_date or latest or row.start_date or row.created_at
    return found.date() if isinstance(found, dt.datetime) else found


def kept_until(conn: Connection, workshop_id: int) -> dt.date:
    """The last day the workshop's personal data is kept."""
    months = conn.execute(select(workshops.c.retention_months).where(workshops.c.id == workshop_id)).scalar_one()
    return add_months(last_day(conn, workshop_id), int(months))


def contact_persons(conn: Connection, workshop_id: int) -> set[str]:
    """The names and e-mail addresses in the workshop's contact fields: the people retention erases from the
    texts it keeps (the answers, the partners' descriptions)."""
    found: set[str] = set()
    for _, fields, row in workshop_rows(conn, workshop_id):
        for column, declared in fields.items():
            value = row._mapping[column] or ""
            if declared.kind == Kind.CONTACT and value:
                found.update(EMAIL.findall(value))
                found.update(p for p in without_contact_details(value).split(", ") if len(p.strip()) >= MIN_NAME)
    return found


def retention_edit(people: set[str], marker: str) -> Edit:
    """What retention does to a field: the contact persons' names replaced inside it, then its rule applied
    (workshop.store.personal_data.Rule); None where nothing changes."""
    erase = [person_edit(person(name), marker) for name in sorted(people)]

    def edit(declared: Personal, value: Any) -> Any:
        if declared.retention == Rule.DELETE_ROW:
            return DELETE
        if declared.retention == Rule.BLANK:
            return ([] if isinstance(value, list) else "") if value else None
        if declared.retention == Rule.REMOVED:
            return marker if value and value != marker else None
        after = value
        for one in erase:
            changed = one(declared, after)
            after = after if changed is None else changed
        return after if after != value else None

    return edit


def _erase(conn: Connection, workshop_id: int, apply_it: bool) -> dict[str, dict[str, int]]:
    """Retention's erasure of one workshop, in the caller's transaction: the changed rows per table and field."""
    marker = removed_marker(content_language(conn, workshop_id, lock=apply_it))
    changes = plan(conn, workshop_id, retention_edit(contact_persons(conn, workshop_id), marker), lock=apply_it)
    if apply_it:
        apply(conn, changes)
    return counted(changes)


def due(engine: Engine, today: dt.date) -> list[tuple[int, str, dt.date]]:
    """The workshops whose retention period has passed by `today`: id, name, the last day kept."""
    with read(engine) as conn:
        found = []
        for wid, name in conn.execute(select(workshops.c.id, workshops.c.name).order_by(workshops.c.id)):
            until = kept_until(conn, wid)
            if until < today:
                found.append((wid, name, until))
        return found


def run_retention(engine: Engine, today: dt.date | None = None, dry_run: bool = False) -> list[Retained]:
    """Erase the personal data of every workshop whose retention period has passed (with dry_run: only say
    what would change). Each workshop in its own transaction: one that fails leaves the others done."""
    today = today or dt.date.today()
    done = []
    for wid, name, until in due(engine, today):
        if dry_run:
            with read(engine) as conn:
                done.append(Retained(wid, name, until, _erase(conn, wid, apply_it=False)))
            continue
        with write(engine) as conn:
            if conn.execute(select(workshops.c.id).where(workshops.c.id == wid)).first() is None:
                continue  # deleted meanwhile
            done.append(Retained(wid, name, until, _erase(conn, wid, apply_it=True)))
    return done


def retention_of(engine: Engine, workshop_id: int) -> tuple[int, dt.date]:
    """A workshop's retention period in months, and the last day its personal data is kept."""
    with read(engine) as conn:
        months = conn.execute(select(workshops.c.retention_months).where(workshops.c.id == workshop_id)).scalar()
        if months is None:
            raise NotFound("error.missing.workshop", id=workshop_id)
        return int(months), kept_until(conn, workshop_id)


DAY_SECONDS = 24 * 60 * 60
log = logging.getLogger(__name__)


def keep_retention(engine: Engine, every: float = DAY_SECONDS, stop: threading.Event | None = None) -> threading.Thread:
    """Run retention now and then every `every` seconds, in a daemon thread of this process (the app calls it
    once per database at start). Every server of a deployment may run it: a run is idempotent, and two at once
    take turns per workshop. A failed run is logged and tried again at the next turn."""
    stop = stop or threading.Event()

    def loop() -> None:
        while True:
            try:
                for item in run_retention(engine):
                    log.info("retention: workshop %s personal data erased: %s", item.workshop_id, item.changed)
            except Exception:  # the server keeps serving; the next turn tries again
                log.exception("retention failed")
            if stop.wait(every):
                return

    thread = threading.Thread(target=loop, name="retention", daemon=True)
    thread.start()
    return thread
