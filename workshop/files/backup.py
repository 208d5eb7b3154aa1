"""The backup file: the whole database as one JSON file, portable between SQLite and PostgreSQL. Written
and read here, checked whole by workshop.files.backup_check; read from and loaded into the database by
workshop.services.whole.backup."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Table

from workshop.domain.errors import InvalidInput
from workshop.files.backup_check import check_header, typed_rows
from workshop.files.backup_refs import TableFault, check_references
from workshop.files.backup_rows import ROW_RULES, RowFault

FORMAT = "four-spaces-backup"


def json_value(value: Any) -> Any:
    """A database value as plain JSON: dates and times as ISO text (times in UTC), the rest as it is."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite keeps no zone; we only ever store UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def backup_document(tables: dict[str, list[dict[str, Any]]], schema_version: int) -> dict[str, Any]:
    """The backup's JSON structure around every table's rows (plain JSON values)."""
    return {"format": FORMAT, "schema_version": schema_version, "tables": tables}


def write_backup(data: dict[str, Any], path: Path) -> dict[str, int]:
    """Write a backup document to a JSON file; returns rows per table."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return {name: len(rows) for name, rows in data["tables"].items()}


def read_backup(path: Path, tables: tuple[Table, ...], schema_version: int) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows from a backup file, each row typed against its table, held to the app's own input
    rules (workshop.files.backup_rows) and to its workshop's other rows (workshop.files.backup_refs) before
    any is returned (a bad backup changes nothing); InvalidInput naming the file, table, row and column."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(
            "error.backup.bad", field="file", file=str(path), detail=f"not a readable backup file ({exc})"
        ) from exc
    found = check_header(data, path, FORMAT, schema_version)
    known = {table.name for table in tables}
    unknown = sorted(set(found) - known)
    if unknown:
        raise InvalidInput("error.backup.bad", field="file", file=str(path), detail=f"unknown table {unknown[0]!r}")
    unchecked = [table.name for table in tables if table.name not in ROW_RULES]
    if unchecked:  # a table this release has no rules for is never loaded unchecked
        raise InvalidInput(
            "error.backup.bad",
            field="file",
            file=str(path),
            detail=f"table {unchecked[0]} has no check for its rows; nothing was restored",
        )
    typed = {table.name: typed_rows(path, table, found.get(table.name, [])) for table in tables}
    for table in tables:
        for number, row in enumerate(typed[table.name], start=1):
            try:
                ROW_RULES[table.name](row)
            except RowFault as exc:
                raise _fault(path, table.name, number, exc) from None
    try:
        check_references(tables, typed)
    except TableFault as exc:
        raise _fault(path, exc.table, exc.number, exc) from None
    return typed


def _fault(path: Path, table: str, number: int, fault: RowFault) -> InvalidInput:
    """One line: the file, the table, the row (counted from 1) and the column, and what is wrong there."""
    problem = " ".join(fault.problem.split())[:300]
    detail = f"table {table}, row {number}, {fault.column}: {problem}"
    return InvalidInput("error.backup.bad", field="file", file=str(path), detail=detail)
