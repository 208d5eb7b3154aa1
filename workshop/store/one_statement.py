"""Reads of one statement each, which need no transaction: a single SELECT reads one snapshot by itself.

The 9:00 crowd's runs each read the data versions and, for a known code, the team (issue 25). On SQLite no
BEGIN and no ROLLBACK: each is a sqlite3 call that lets go of the GIL and must take it again, and with 60
script threads waiting for it the hand-overs cost a run more CPU than the statement. On PostgreSQL the
connection is in autocommit for the read: no BEGIN and no ROLLBACK round trips."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

ONE_STATEMENT = "one_statement"  # the execution option; the SQLite engine's begin hook sends no BEGIN for it


@contextmanager
def one_statement(engine: Engine) -> Iterator[Connection]:
    """A connection for reads of one statement each (no transaction around them)."""
    options: dict[str, object] = {ONE_STATEMENT: True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    with engine.connect().execution_options(**options) as conn:
        yield conn
