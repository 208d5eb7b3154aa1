"""Data versions: which tables a write transaction changed, counted per table in the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.sql.dml import UpdateBase

from workshop.store.tables import data_versions, metadata

TOUCHED = "touched_tables"


def track_writes(engine: Engine) -> None:
    """Remember, per connection, the tables that INSERT/UPDATE/DELETE statements change."""

    @event.listens_for(engine, "before_execute")
    def _note(conn: Connection, clause: Any, *_: Any) -> None:
        if isinstance(clause, UpdateBase):
            name = clause.table.name  # type: ignore[union-attr]
            if name != data_versions.name:
                conn.info.setdefault(TOUCHED, set()).add(name)


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
