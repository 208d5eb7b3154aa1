"""The record of who changed what (issue 29.3): written by the services that change main points, days,
questions, themes, decisions, actions, verdicts, mapping decisions and roles, in the change's own transaction
(a change that rolls back leaves no record, and no record is made without its change); read by the owner and
the workshop's leadership, and exported.

Who acts is asked at the moment of the write, never guessed: the command line says so once per run
(`acting(COMMAND_LINE)`), a test with `acting(...)`, and a Streamlit session through the answer its glue
gives (`answered_by`: the signed-in person, else the session's role). With no one to ask the change is
refused (NoOneActing) rather than recorded as nobody's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from workshop.domain.history import Actor, ByRole, Change, Entry, Kind, differences
from workshop.store import read
from workshop.store.tables import history

_ACTING: ContextVar[Actor | None] = ContextVar("acting", default=None)
_ASK: list[Callable[[], Actor | None]] = []


class NoOneActing(RuntimeError):
    """A change was asked for with no one to name as its author: a fault of the code, not of the user."""


@contextmanager
def acting(actor: Actor) -> Iterator[Actor]:
    """Changes made inside the block are recorded as this actor's."""
    token = _ACTING.set(actor)
    try:
        yield actor
    finally:
        _ACTING.reset(token)


def answered_by(ask: Callable[[], Actor | None]) -> None:
    """Who acts when no `acting` block says so: `ask` answers for the session it runs in (the Streamlit glue
    answers from its session; None outside one)."""
    _ASK[:] = [ask]


def who_acts() -> Actor:
    """The author of a change made now (NoOneActing when nothing says who)."""
    actor = _ACTING.get()
    if actor is None and _ASK:
        actor = _ASK[0]()
    if actor is None:
        raise NoOneActing("a change with no author: wrap it in history.acting(...)")
    return actor


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record(
    conn: Connection,
    workshop_id: int | None,
    kind: Kind,
    item_id: int | None,
    change: Change,
    subject: str = "",
    details: Iterable[Sequence[str]] = (),
) -> None:
    """Keep one change in the record, inside the caller's write transaction (`details`: [field, before, after])."""
    actor = who_acts()
    conn.execute(
        history.insert().values(
            workshop_id=workshop_id,
            at=now(),
            kind=Kind(kind).value,
            item_id=item_id,
            change=Change(change).value,
            subject=" ".join(subject.split())[:300],
            details=[list(d) for d in details],
            by_role=ByRole(actor.role).value,
            by_name=actor.name[:200],
            by_email=actor.email[:320],
        )
    )


def _entry(row: Any) -> Entry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)  # SQLite gives it back without its zone
    by = Actor(ByRole(row.by_role), row.by_name, row.by_email)
    fields = ("id", "workshop_id", "kind", "item_id", "change", "subject")
    return Entry(**{f: getattr(row, f) for f in fields}, at=at, details=list(row.details or []), by=by)


def _where(workshop_id: int | None, kinds: Iterable[str]) -> list[Any]:
    """The workshop's changes (None: the owner's changes outside any workshop), of the kinds asked (all: none)."""
    found = [history.c.workshop_id == workshop_id if workshop_id is not None else history.c.workshop_id.is_(None)]
    wanted = [Kind(k).value for k in kinds]
    if wanted:
        found.append(history.c.kind.in_(wanted))
    return found


def count(engine: Engine, workshop_id: int | None, kinds: Iterable[str] = ()) -> int:
    with read(engine) as conn:
        return int(conn.execute(select(func.count()).where(*_where(workshop_id, kinds))).scalar() or 0)


def entries(
    engine: Engine, workshop_id: int | None, kinds: Iterable[str] = (), start: int = 0, limit: int | None = None
) -> list[Entry]:
    """The workshop's changes, newest first, from `start`, `limit` of them (all: None)."""
    query = select(history).where(*_where(workshop_id, kinds)).order_by(history.c.id.desc())
    with read(engine) as conn:
        return [_entry(r) for r in conn.execute(query.offset(start).limit(limit))]


def record_saved(
    conn: Connection,
    workshop_id: int,
    kind: Kind,
    item_id: int,
    before: Any,
    after: dict[str, Any],
    subject: str,
) -> None:
    """Keep an item's addition (before None) or change, with the fields of `after` that differ from `before`
    (a row or a mapping)."""
    old = None if before is None else dict(getattr(before, "_mapping", before))
    change = Change.ADDED if old is None else Change.CHANGED
    record(conn, workshop_id, kind, item_id, change, subject, differences(old, after, after))
