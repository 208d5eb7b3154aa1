"""The record of who changed what (issue 29.3): who acts, what kinds of change are kept, and the short
before -> after of a change. Pure: the writing and reading are workshop.services.history's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What a change in the record changed."""

    MAIN_POINT = "main_point"
    DAY = "day"
    QUESTION = "question"
    THEME = "theme"
    DECISION = "decision"
    ACTION = "action"
    VERDICT = "verdict"
    MAPPING_DECISION = "mapping_decision"
    ROLE = "role"


class Change(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    DELETED = "deleted"
    MOVED = "moved"


class ByRole(StrEnum):
    """The role a change was made in; with sign-in on, the person's name and e-mail come with it."""

    OWNER = "owner"
    FACILITATOR = "facilitator"
    LEADERSHIP = "leadership"
    TEAM = "team"
    COMMAND_LINE = "command_line"
    DEMO = "demo"  # the demo workshop's made-up week
    VISITOR = "visitor"  # no role held (a first run setting the owner passcode)


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a role, and the signed-in person (name, e-mail) or, for a team, its name."""

    role: ByRole
    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Entry:
    """One change as the record holds it."""

    id: int
    workshop_id: int | None
    at: dt.datetime
    kind: str
    item_id: int | None
    change: str
    subject: str
    details: list[list[str]]
    by: Actor


COMMAND_LINE = Actor(ByRole.COMMAND_LINE)
DEMO = Actor(ByRole.DEMO)
MAX_VALUE = 80  # characters of a value in a before -> after; the item itself holds the whole text


def short(value: Any) -> str:
    """A value as the record shows it: text on one line, lists joined, long text cut with an ellipsis."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def differences(before: Mapping[str, Any] | None, after: Mapping[str, Any], fields: Iterable[str]) -> list[list[str]]:
    """[field, before, after] for each of `fields` whose value changed (before None: a new item, every
    field that has a value)."""
    found = []
    for field in fields:
        old = short(before.get(field)) if before is not None else ""
        new = short(after.get(field))
        if old != new:
            found.append([field, old, new])
    return found


def summary(details: Iterable[Iterable[str]], field_name: Any = str, value_name: Any = None) -> str:
    """The details on one line: `field: before → after`, separated by `; ` (field names through field_name,
    values through value_name(field, value) when given)."""
    parts = []
    for field, old, new in details:
        name = field_name(field)
        if value_name is not None:
            old, new = (value_name(field, v) if v else v for v in (old, new))
        parts.append(f"{name}: {old} → {new or '–'}" if old else f"{name}: {new}")
    return "; ".join(parts)


# A secret's new value as the record shows it: that it was set, never what it is.
SET = "•••"
NEW_CODE = ["team_code", "", SET]
PASSCODES_SET = [["facilitator_passcode", "", SET], ["leadership_passcode", "", SET]]


def entry_problem(row: Mapping[str, Any]) -> tuple[str, str] | None:
    """(column, problem) when a stored change does not hold to the record's words and shape (a backup's row)."""
    for column, words in (("kind", Kind), ("change", Change), ("by_role", ByRole)):
        if row.get(column) not in {w.value for w in words}:
            return column, f"{row.get(column)!r} is not one of {', '.join(w.value for w in words)}"
    details = row.get("details", [])
    if not isinstance(details, list) or not all(
        isinstance(d, list) and len(d) == 3 and all(isinstance(v, str) and len(v) <= MAX_VALUE for v in d)
        for d in details
    ):
        return "details", f"not a list of [field, before, after] texts of at most {MAX_VALUE} characters"
    return None
