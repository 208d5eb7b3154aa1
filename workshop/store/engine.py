"""Engines from a URL: a SQLite file by default (WAL, busy timeout, foreign keys, BEGIN IMMEDIATE
for writes), PostgreSQL or another server through WORKSHOP_DATABASE_URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite

from workshop.store.versions import bump_touched, forget_touched, track_writes

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "db"
URL_VARIABLE = "WORKSHOP_DATABASE_URL"
DATA_DIR_VARIABLE = "WORKSHOP_DATA_DIR"
BUSY_TIMEOUT_MS = 30_000


def default_url() -> str:
    """The database URL: WORKSHOP_DATABASE_URL, else a SQLite file in the data folder."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if url:
        return url
    folder = Path(os.environ.get(DATA_DIR_VARIABLE, "") or DEFAULT_DATA_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workshop.sqlite3'}"


def _normalise(url: str) -> str:
    # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str | None = None) -> Engine:
    """An engine for the URL, with SQLite tuned for many concurrent writers; writes count data versions."""
    url = _normalise(url or default_url())
    if url.startswith("sqlite"):
        engine = _sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    track_writes(engine)
    return engine


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so that writes can BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if ":memory:" not in url and url != "sqlite://":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction: BEGIN IMMEDIATE on SQLite, so writers queue instead of failing late."""
    with engine.connect().execution_options(write=True) as conn:
        forget_touched(conn)
        with conn.begin():
            yield conn
            bump_touched(conn)


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot."""
    with engine.connect() as conn, conn.begin():
        yield conn


def upsert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that takes ON CONFLICT DO NOTHING / DO UPDATE, in the connection's dialect."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
