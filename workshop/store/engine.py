"""Engines from a URL: a SQLite file by default (WAL, busy timeout, foreign keys, BEGIN IMMEDIATE
for writes), PostgreSQL or another server through WORKSHOP_DATABASE_URL."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DisconnectionError

from workshop.store.one_statement import ONE_STATEMENT
from workshop.store.versions import bump_touched, forget_touched, track_writes
from workshop.store.write_queue import WriteQueue

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "db"
URL_VARIABLE = "WORKSHOP_DATABASE_URL"
DATA_DIR_VARIABLE = "WORKSHOP_DATA_DIR"
BUSY_TIMEOUT_MS = 30_000
IDLE_BEFORE_PING = 10.0  # seconds
_RETURNED = "returned_at"
_QUEUES: WeakKeyDictionary[Engine, WriteQueue] = WeakKeyDictionary()


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
        engine = create_engine(url, pool_size=10, max_overflow=20)
        _ping_after_idle(engine)
    track_writes(engine)
    # SQLite takes one writer at a time anyway: queued here, writers wait their turn instead of polling the
    # file's lock. A server database: a couple of writers per core keep it busy without fighting.
    _QUEUES[engine] = WriteQueue(1 if engine.dialect.name == "sqlite" else 2 * (os.cpu_count() or 2))
    return engine


def _ping_after_idle(engine: Engine) -> None:
    """Check a pooled connection before use when it has lain idle IDLE_BEFORE_PING seconds: a connection the
    server dropped meanwhile (a restart, an idle timeout) is replaced before a team's save meets it. One in
    use a moment ago is used at once: a ping before every use was one round trip more per save."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _taken(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get(_RETURNED, 0.0) < IDLE_BEFORE_PING:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError("the database dropped this connection") from exc  # the pool takes another


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
        options = conn.get_execution_options()
        if options.get(ONE_STATEMENT, False):
            return  # a single SELECT reads one snapshot by itself (see one_statement)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("write", False) else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction: BEGIN IMMEDIATE on SQLite, so writers queue instead of failing late."""
    with writers_turn(engine), engine.connect().execution_options(write=True) as conn:
        forget_touched(conn)
        with conn.begin():
            yield conn
            bump_touched(conn)


@contextmanager
def schema_change(engine: Engine) -> Iterator[Connection]:
    """A write transaction for a migration. On SQLite the foreign keys are off for it (the pragma takes effect
    only outside a transaction): rebuilding a table drops the old one, and with foreign keys on that DROP
    would first delete its rows and cascade the deletion into every table that refers to it. Before the
    commit the database is checked: a change that left a row pointing at nothing is rolled back."""
    sqlite_ = is_sqlite(engine)
    with writers_turn(engine), engine.connect().execution_options(write=True) as conn:
        raw: Any = conn.connection.driver_connection  # the pragma must not start the transaction
        if sqlite_:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            forget_touched(conn)
            with conn.begin():
                broken_before = _broken_references(conn) if sqlite_ else 0
                yield conn
                broken = _broken_references(conn) if sqlite_ else 0
                if broken > broken_before:
                    raise RuntimeError(f"the schema change left {broken - broken_before} row(s) pointing at nothing")
                bump_touched(conn)
        finally:
            if sqlite_:
                raw.execute("PRAGMA foreign_keys=ON")


def _broken_references(conn: Connection) -> int:
    return len(conn.exec_driver_sql("PRAGMA foreign_key_check").all())


def writers_turn(engine: Engine) -> AbstractContextManager[None]:
    """This process's turn to write to the engine's database: a few write transactions at once, the others
    queued first come, first served (workshop.store.write_queue)."""
    queue = _QUEUES.get(engine)  # made with the engine (make_engine); a queue built per write was garbage
    if queue is None:
        queue = _QUEUES.setdefault(engine, WriteQueue(1))
    return queue.turn()


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot."""
    with engine.connect() as conn, conn.begin():
        yield conn


def upsert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that takes ON CONFLICT DO NOTHING / DO UPDATE, in the connection's dialect."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
