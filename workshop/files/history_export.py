"""The record of who changed what as people read it (a line per change, in the reader's language) and as
files: CSV for a spreadsheet (formula-safe, UTF-8 with BOM) and JSON with the stored words and values."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from workshop.config.i18n import catalog, date_time, translate
from workshop.domain.history import Actor, ByRole, Entry, summary
from workshop.files.exports import safe_row

CSV_COLUMNS = ("at", "kind", "change", "item", "subject", "summary", "by", "role", "email")
# A stored word in a before -> after (a status, a verdict) in the reader's language, by kind and field: the
# words the pages already use for it.
WORDS = {
    ("day", "status"): "day.",
    ("main_point", "status"): "points.status.",
    ("theme", "status"): "theme_status.",
    ("decision", "status"): "theme_status.",
    ("action", "status"): "action_status.",
    ("verdict", "verdict"): "screening.verdict.",
    ("theme", "reactions_open"): "history.value.",
    ("decision", "reactions_open"): "history.value.",
}


def field_name(lang: str, field: str) -> str:
    """A changed field's name in the reader's language (the record's own words first, then the forms')."""
    words = catalog(lang)
    for key in (f"history.field.{field}", f"field.{field}"):
        if key in words:
            return translate(lang, key)
    return field


def _said(entry: Entry, lang: str) -> str:
    """The entry's before -> after in the reader's language: field names and stored words translated."""

    def value(field: str, word: str) -> str:
        prefix = WORDS.get((entry.kind, field))
        key = f"{prefix}{word.lower()}" if prefix else ""
        return translate(lang, key) if key in catalog(lang) else word

    return summary(entry.details, lambda f: field_name(lang, f), value)


def who(actor: Actor, lang: str) -> str:
    """The author as the record names them: the signed-in person, else the team or the role."""
    if actor.name and actor.email:
        return f"{actor.name} <{actor.email}>"
    if actor.email or (actor.name and actor.role != ByRole.TEAM):
        return actor.email or actor.name
    if actor.role == ByRole.TEAM:
        return translate(lang, "history.by.team_named", team=actor.name)
    return translate(lang, f"history.by.{actor.role.value}")


def what(entry: Entry, lang: str) -> str:
    """'Main point #3 changed: title: Reach → Reach new readers' in the reader's language."""
    head = translate(
        lang,
        f"history.change.{entry.change}",
        kind=translate(lang, f"history.kind.{entry.kind}"),
        id=entry.item_id if entry.item_id is not None else "",
    )
    said = _said(entry, lang)
    return f"{head}: {said}" if said else head


def row(entry: Entry, lang: str) -> list[Any]:
    return [
        date_time(entry.at, lang),
        translate(lang, f"history.kind.{entry.kind}"),
        translate(lang, f"history.change_word.{entry.change}"),
        entry.item_id,
        entry.subject,
        _said(entry, lang),
        who(entry.by, lang),
        translate(lang, f"history.by.{entry.by.role.value}"),
        entry.by.email,
    ]


def history_csv(entries: Iterable[Entry], lang: str) -> bytes:
    """The changes as CSV, newest first, headers and words in the reader's language; every cell formula-safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([translate(lang, f"history.column.{c}") for c in CSV_COLUMNS])
    writer.writerows(safe_row(row(e, lang)) for e in entries)
    return buffer.getvalue().encode("utf-8-sig")


def history_json(entries: Iterable[Entry], workshop: str) -> str:
    """The changes as JSON: the stored words (kind, change, role) and values, times in ISO 8601 (UTC)."""
    items = [
        {
            "at": e.at.isoformat(),
            "kind": e.kind,
            "change": e.change,
            "item_id": e.item_id,
            "subject": e.subject,
            "details": [{"field": f, "before": b, "after": a} for f, b, a in e.details],
            "by": {"role": e.by.role.value, "name": e.by.name, "email": e.by.email},
        }
        for e in entries
    ]
    return json.dumps({"workshop": workshop, "changes": items}, ensure_ascii=False, indent=2)
