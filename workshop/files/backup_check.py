"""A backup checked whole before anything is written: its header, then every row of every table against
the column types and the domain's words (a day's status, a question's kind, the spaces). The first
problem is named with its table, row and column; a database accepts many of these (SQLite stores text
in an integer column) and the pages would then fail on them."""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Table, Text

from workshop.domain.errors import InvalidInput
from workshop.domain.model import (
    SPACE_KEYS,
    ActionStatus,
    DayStatus,
    OfferStatus,
    QuestionKind,
    RelationStage,
    Sector,
    ThemeStatus,
)

WORDS: dict[tuple[str, str], type[StrEnum]] = {
    ("days", "status"): DayStatus,
    ("questions", "kind"): QuestionKind,
    ("offers", "status"): OfferStatus,
    ("themes", "status"): ThemeStatus,
    ("actions", "status"): ActionStatus,
    ("partners", "sector"): Sector,
    ("partners", "stage"): RelationStage,
    ("partner_stages", "stage"): RelationStage,
}
SPACE_COLUMNS = {("questions", "space"), ("actions", "space"), ("offers", "primary_space"), ("space_weights", "space")}
SPACE_LISTS = {("main_points", "spaces"), ("responses", "spaces")}
TRIPLE_LISTS = {("history", "details")}


def _texts(value: Any, length: int) -> bool:
    return isinstance(value, list) and len(value) == length and all(type(v) is str for v in value)


INTEGER_RANGE = 2**31  # PostgreSQL's integer


def check_header(data: Any, path: object, fmt: str, newest: int) -> dict[str, list[Any]]:
    """The backup's tables, after checking its format, schema version and shape."""
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise InvalidInput(
            "error.backup.bad", field="file", file=str(path), detail=f"not a backup of this tool (format is not {fmt})"
        )
    version = data.get("schema_version")
    if type(version) is not int or version < 1:
        raise InvalidInput(
            "error.backup.bad",
            field="file",
            file=str(path),
            detail=f"schema_version {version!r} is not a whole number from 1",
        )
    if version > newest:
        raise InvalidInput(
            "error.backup.bad", field="file", file=str(path), detail=f"made by a newer release (schema {version})"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput(
            "error.backup.bad", field="file", file=str(path), detail="no tables (the backup holds no 'tables' object)"
        )
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise InvalidInput(
                "error.backup.bad", field="file", file=str(path), detail=f"table {name!r} is not a list of rows"
            )
    return tables


def typed_rows(path: object, table: Table, rows: list[Any]) -> list[dict[str, Any]]:
    """Every row of one table as the database takes it, or InvalidInput naming the first bad value."""
    out = []
    for number, row in enumerate(rows, start=1):
        where = f"table {table.name}, row {number}"
        if not isinstance(row, dict):
            raise InvalidInput("error.backup.bad", field="file", file=str(path), detail=f"{where}: not an object")
        unknown = sorted(set(row) - set(table.columns.keys()))
        if unknown:
            raise InvalidInput(
                "error.backup.bad", field="file", file=str(path), detail=f"{where}: unknown column {unknown[0]!r}"
            )
        typed = {}
        for column in table.columns:
            if column.name not in row:
                generated = column.primary_key and isinstance(column.type, Integer)
                if not (column.nullable or column.default is not None or generated):
                    raise InvalidInput(
                        "error.backup.bad", field="file", file=str(path), detail=f"{where}: no {column.name}"
                    )
                continue
            try:
                typed[column.name] = _value(
                    table.name, column.name, column.type, row[column.name], bool(column.nullable)
                )
            except (TypeError, ValueError) as exc:
                raise InvalidInput(
                    "error.backup.bad", field="file", file=str(path), detail=f"{where}, {column.name}: {exc}"
                ) from None
        out.append(typed)
    return out


def _value(table: str, name: str, kind: Any, value: Any, nullable: bool) -> Any:
    if value is None:
        if nullable:
            return None
        raise ValueError("is empty")
    if isinstance(kind, Boolean):
        if type(value) is not bool:
            raise TypeError(f"{value!r} is not true or false")
        return value
    if isinstance(kind, Integer):
        if type(value) is not int or not -INTEGER_RANGE < value < INTEGER_RANGE:
            raise TypeError(f"{value!r} is not a whole number")
        return value
    if isinstance(kind, Float):
        if type(value) not in (int, float) or not math.isfinite(value):
            raise TypeError(f"{value!r} is not a number")
        return value
    if isinstance(kind, DateTime):
        if type(value) is not str:
            raise TypeError(f"{value!r} is not a date and time")
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        if type(value) is not str:
            raise TypeError(f"{value!r} is not a date")
        return dt.date.fromisoformat(value)
    if isinstance(kind, JSON):
        if (table, name) in TRIPLE_LISTS:  # the record's [field, before, after] (workshop.domain.history)
            if not isinstance(value, list) or not all(_texts(v, 3) for v in value):
                raise TypeError(f"{value!r} is not a list of [field, before, after] texts")
            return value
        if not isinstance(value, list) or not all(type(v) is str for v in value):
            raise TypeError(f"{value!r} is not a list of texts")
        if (table, name) in SPACE_LISTS and set(value) - set(SPACE_KEYS):
            raise ValueError(f"{value!r} names an unknown space")
        return value
    if isinstance(kind, String | Text):
        if type(value) is not str:
            raise TypeError(f"{value!r} is not a text")
        if isinstance(kind, String) and kind.length and len(value) > kind.length:
            raise ValueError(f"is {len(value)} characters long; at most {kind.length}")
        words = WORDS.get((table, name))
        if words is not None and value not in {w.value for w in words}:
            raise ValueError(f"{value!r} is not one of {', '.join(w.value for w in words)}")
        if (table, name) in SPACE_COLUMNS and value not in SPACE_KEYS:
            raise ValueError(f"{value!r} is not a space")
        return value
    return value
