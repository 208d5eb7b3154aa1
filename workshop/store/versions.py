"""Data versions: which tables a write transaction changed, counted per table in the database.

A table's version is the sum of its shard counters (VERSION_SHARDS rows); a write transaction bumps one
shard per table it changed, chosen at random, so writers rarely wait on each other's row lock while the
sum still grows with every committed write, in the same transaction as the write."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, bindparam, event, func, select
from sqlalchemy.sql.dml import Delete, UpdateBase

from workshop.store.one_statement import one_statement
from workshop.store.tables import VERSION_SHARDS, data_versions, metadata, sign_in_attempts

TOUCHED = "touched_tables"
# Tables no cached read may depend on, so a write to them bumps no version: the versions themselves, and
# the sign-in guard's counters, which every join writes twice (ui.cache.cached refuses to name them).
UNVERSIONED = frozenset({data_versions.name, sign_in_attempts.name})
# Statements that changed rows, per table, in this process (ui.context keeps a read for one script run
# unless its table was written meanwhile).
WRITES_SEEN: Counter[str] = Counter()
# Every write seen in this process, counted whatever its table: what a script run compares to know whether it
# must read the versions again (summing WRITES_SEEN while another thread adds a table to it would raise).
WRITES_COUNTED = [0]


def note_writes(names: Iterable[str]) -> None:
    """This process wrote to these tables (ui.context and ui.cache read again after it)."""
    WRITES_SEEN.update(names)
    WRITES_COUNTED[0] += 1


def delete_reaches(table: str, schema: MetaData = metadata) -> frozenset[str]:
    """The tables a DELETE in `table` changes: itself, and through the foreign keys every table whose rows
    the database deletes (ON DELETE CASCADE, followed on) or rewrites (ON DELETE SET NULL / SET DEFAULT)."""
    return _reaches(table, schema)


@cache
def _reaches(table: str, schema: MetaData) -> frozenset[str]:
    reached, todo = {table}, [table]
    while todo:
        parent = todo.pop()
        for child in schema.tables.values():
            for key in child.foreign_keys:
                action = (key.ondelete or "").upper()
                if key.column.table.name != parent or action not in {"CASCADE", "SET NULL", "SET DEFAULT"}:
                    continue
                if child.name not in reached:
                    reached.add(child.name)
                    if action == "CASCADE":  # deleted rows delete their own children in turn
                        todo.append(child.name)
    return frozenset(reached)


def track_writes(engine: Engine) -> None:
    """Remember, per connection, the tables that INSERT/UPDATE/DELETE statements change; a DELETE also
    changes the tables its foreign keys cascade to, which the statement does not name (SQLite even reuses
    a deleted workshop's id, so a cached read of a child table would show the deleted rows again)."""

    @event.listens_for(engine, "after_execute")
    def _note(conn: Connection, clause: Any, _multi: Any, _params: Any, _options: Any, result: Any) -> None:
        # A statement that changed no row (a draft's delete when there is none) bumps nothing: one version
        # row fewer to lock per save. -1 is "unknown" (some executemany): counted as a change. A statement
        # with RETURNING counts as a change whatever its rowcount: SQLite reports 0 for an INSERT ...
        # RETURNING until its rows are fetched (a new team stayed out of the cached team list).
        if isinstance(clause, UpdateBase) and (result.returns_rows or getattr(result, "rowcount", -1) != 0):
            name = clause.table.name  # type: ignore[union-attr]
            names = delete_reaches(name) if isinstance(clause, Delete) else {name}
            conn.info.setdefault(TOUCHED, set()).update(names - UNVERSIONED)
            note_writes(names)


# One counter row of one table one higher; built once (a statement built per write costs more Python than
# the update itself).
_BUMP = (
    data_versions.update()
    .where(data_versions.c.table_name == bindparam("changed"), data_versions.c.shard == bindparam("on_shard"))
    .values(version=data_versions.c.version + 1)
)


def random_shard() -> int:
    return random.randrange(VERSION_SHARDS)


def bump_touched(conn: Connection) -> None:
    """Count one more version of every table this transaction changed, on one shard chosen at random (the
    tables in a fixed order and one row each: no deadlocks)."""
    touched = sorted(conn.info.pop(TOUCHED, set()))
    shard = random_shard()
    for name in touched:
        conn.execute(_BUMP, {"changed": name, "on_shard": shard})


def forget_touched(conn: Connection) -> None:
    conn.info.pop(TOUCHED, None)


def seed_versions(conn: Connection) -> None:
    """The counter rows (every shard) for every table of the schema."""
    known = {(r[0], r[1]) for r in conn.execute(select(data_versions.c.table_name, data_versions.c.shard))}
    missing = [
        {"table_name": t, "shard": s, "version": 0}
        for t in metadata.tables
        for s in range(VERSION_SHARDS)
        if (t, s) not in known
    ]
    if missing:
        conn.execute(data_versions.insert(), missing)


# Every table's version in one statement, built once: a page's cached reads share one read per script run
# (ui.cache), not one each.
_ALL = select(data_versions.c.table_name, func.sum(data_versions.c.version)).group_by(data_versions.c.table_name)


# The sum of every counter: it grows with every committed write to any table (counters only grow), so while it
# stays the same, so does every table's version. One row, where the versions are one row per table, and each
# row fetched lets go of the GIL and takes it again: with 60 script threads waiting for it, ~80 rows cost
# each run more in handing the GIL over than the query itself.
_TOTAL = select(func.sum(data_versions.c.version))
# The last versions read, by database, with their sum.
_LAST_READ: dict[str, tuple[int, dict[str, int]]] = {}


def all_versions(engine: Engine) -> dict[str, int]:
    """The current version of every table (the caller must not change the dict): one row when nothing was
    written since the last read in this process, one row per table when something was."""
    url = str(engine.url)
    # Two statements without a transaction (workshop.store.one_statement): the sum first, so the rows read after
    # it are as new or newer, never older, and a write between the two only means one more read next time.
    with one_statement(engine) as conn:
        total = int(conn.execute(_TOTAL).scalar() or 0)
        last = _LAST_READ.get(url)
        if last is not None and last[0] == total:
            return last[1]
        found = {name: int(count or 0) for name, count in conn.execute(_ALL)}
    _LAST_READ[url] = (total, found)
    return found


def forget_versions() -> None:
    """Forget the versions last read (a database emptied and made again under the same URL could reach the same
    sum with other tables' versions)."""
    _LAST_READ.clear()


def versions(engine: Engine, *tables: str) -> tuple[int, ...]:
    """The current versions of the given tables, in the order asked."""
    with engine.connect() as conn:
        found = dict(
            conn.execute(
                select(data_versions.c.table_name, func.sum(data_versions.c.version))
                .where(data_versions.c.table_name.in_(tables))
                .group_by(data_versions.c.table_name)
            ).all()
        )
    return tuple(int(found.get(t) or 0) for t in tables)
