"""Fixtures: a real SQLite file per test, and a real PostgreSQL server when TEST_DATABASE_URL is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from workshop.store import make_engine, migrate

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
IN_CI = os.environ.get("CI") == "true"


def reset_postgres(url: str) -> Engine:
    """A PostgreSQL engine on an empty schema (the test server is ours to wipe)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return engine


def database_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    if not PG_URL:
        if IN_CI:
            pytest.fail("CI must test PostgreSQL: TEST_DATABASE_URL is not set")
        pytest.skip("TEST_DATABASE_URL is not set")
    reset_postgres(PG_URL).dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a SQLite file, then the PostgreSQL server."""
    return database_url(request.param, tmp_path)


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    """A migrated, empty database on each backend."""
    eng = make_engine(store_url)
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    migrate(eng)
    yield eng
    eng.dispose()
