"""Data versions: which tables a write transaction changed, counted per table in the database."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, event, select
from sqlalchemy.sql.dml import Delete, UpdateBase

from workshop.store.tables import data_versions, metadata

TOUCHED = "touched_tables"


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

    @event.listens_for(engine, "before_execute")
    def _note(conn: Connection, clause: Any, *_: Any) -> None:
        if isinstance(clause, UpdateBase):
            name = clause.table.name  # type: ignore[union-attr]
            names = delete_reaches(name) if isinstance(clause, Delete) else {name}
            conn.info.setdefault(TOUCHED, set()).update(names - {data_versions.name})


def bump_touched(conn: Connection) -> None:
    """Count one more version of every table this transaction changed (in a fixed order: no deadlocks)."""
    for name in sorted(conn.info.pop(TOUCHED, set())):
        conn.execute(
            data_versions.update().where(data_versions.c.table_name == name).values(version=data_versions.c.version + 1)
        )


def forget_touched(conn: Connection) -> None:
    conn.info.pop(TOUCHED, None)


def seed_versions(conn: Connection) -> None:
    """A counter row for every table of the schema."""
    known = set(conn.execute(select(data_versions.c.table_name)).scalars())
    missing = [{"table_name": t, "version": 0} for t in metadata.tables if t not in known]
    if missing:
        conn.execute(data_versions.insert(), missing)


def versions(engine: Engine, *tables: str) -> tuple[int, ...]:
    """The current versions of the given tables, in the order asked."""
    with engine.connect() as conn:
        found = dict(
            conn.execute(
                select(data_versions.c.table_name, data_versions.c.version).where(
                    data_versions.c.table_name.in_(tables)
                )
            ).all()
        )
    return tuple(int(found.get(t, 0)) for t in tables)
