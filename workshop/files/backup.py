"""Backup and restore of the whole database as one JSON file, portable between SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, func, select, text
from sqlalchemy.exc import DataError, IntegrityError

from workshop.domain.errors import DatabaseNotEmpty, InvalidInput
from workshop.files.backup_check import check_header, typed_rows
from workshop.store import write
from workshop.store.migrations import SCHEMA_VERSION, VERSION_KEY
from workshop.store.tables import ENTITY_TABLES, settings, workshops

FORMAT = "four-spaces-backup"
TABLES: tuple[Table, ...] = (settings, *ENTITY_TABLES)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite keeps no zone; we only ever store UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _key(table: Table) -> list[Any]:
    return [c for c in table.primary_key.columns] or list(table.columns)


def snapshot(engine: Engine) -> dict[str, Any]:
    """Every row of every table, in a stable order, as plain JSON values."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(select(table).order_by(*_key(table)))
            data = [{k: _plain(v) for k, v in r._mapping.items()} for r in rows]
            if table is settings:
                data = [r for r in data if r["key"] != VERSION_KEY]
            tables[table.name] = data
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "tables": tables}


def backup(engine: Engine, path: Path) -> dict[str, int]:
    """Write the whole database to a JSON file; returns rows per table."""
    data = snapshot(engine)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return {name: len(rows) for name, rows in data["tables"].items()}


def restore(engine: Engine, path: Path, replace: bool = False) -> dict[str, int]:
    """Load a backup into an empty database (or replace everything, if asked); all or nothing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"{path}: not a readable backup file ({exc})", field="file") from exc
    found = check_header(data, path, FORMAT, SCHEMA_VERSION)
    known = {table.name for table in TABLES}
    unknown = sorted(set(found) - known)
    if unknown:
        raise InvalidInput(f"{path}: unknown table {unknown[0]!r}", field="file")
    # Every row is checked before the first is written: a bad backup changes nothing.
    checked = {table.name: typed_rows(path, table, found.get(table.name, [])) for table in TABLES}
    counts: dict[str, int] = {}
    try:
        return _write(engine, checked, replace, counts)
    except (IntegrityError, DataError) as exc:
        problem = str(exc.orig).splitlines()[0] if exc.orig else "a row breaks a rule of the database"
        raise InvalidInput(f"{path}: rows do not fit together ({problem})", field="file") from None


def _write(
    engine: Engine, checked: dict[str, list[dict[str, Any]]], replace: bool, counts: dict[str, int]
) -> dict[str, int]:
    with write(engine) as conn:
        if conn.execute(select(func.count()).select_from(workshops)).scalar() and not replace:
            raise DatabaseNotEmpty("the database already holds workshops; use --replace to overwrite them")
        for table in reversed(TABLES):
            delete = table.delete()
            if table is settings:
                delete = delete.where(settings.c.key != VERSION_KEY)
            conn.execute(delete)
        for table in TABLES:
            rows = checked[table.name]
            if rows:
                conn.execute(table.insert(), rows)
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            for table in TABLES:
                if "id" in table.columns and counts.get(table.name):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT MAX(id) FROM {table.name}))"
                        )
                    )
    return counts
