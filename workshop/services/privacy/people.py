"""One person's data in a workshop: found and handed over, or erased everywhere (issue 30). Which fields hold
personal data, and how each is erased, is declared once in workshop.store.personal_data; this module walks
that declaration. Retention (the same erasure for a whole workshop, by date) is workshop.services.privacy.retention."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, select

from workshop.config.i18n import translate
from workshop.domain.errors import NotFound
from workshop.domain.personal import Person, check_months, mentions, names_whole, person, replaced, without_words
from workshop.domain.text_fields import check_text
from workshop.store import read, write
from workshop.store.personal_data import PERSONAL, Kind, Personal
from workshop.store.tables import metadata, questions, settings, workshops

CONTACT_KEY = "privacy_contact"  # the organisation's contact for privacy requests, set by the owner
MAX_CONTACT = 300  # a setting's value at most (workshop.files.backup_rows.SETTING_LIMIT)

# A row's new values by field, or None for a row to delete.
Change = dict[str, str] | None
Edit = Callable[[Personal, Any], Any]  # a field's new value (text, or a list for a list of addresses), or None
DELETE = "\x00delete"  # what an edit returns to delete the row


@dataclass(frozen=True)
class Hit:
    """One place the person appears: the table, the field, which row, how it names them, and the text."""

    table: str
    field: str
    row: dict[str, Any]
    match: str
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "field": self.field, "row": self.row, "match": self.match, "text": self.text}


def removed_marker(language: str) -> str:
    """What replaces erased personal data: "[removed]" in the workshop's content language."""
    return translate(language, "privacy.removed")


def _scope(table: Table, workshop_id: int) -> Any:
    """The rows of the table that belong to the workshop."""
    if table is workshops:
        return workshops.c.id == workshop_id
    if "workshop_id" in table.c:
        return table.c.workshop_id == workshop_id
    if "question_id" in table.c:  # drafts: through their question
        return table.c.question_id.in_(select(questions.c.id).where(questions.c.workshop_id == workshop_id))
    raise ValueError(f"{table.name}: no way to tell which workshop a row belongs to")


def personal_tables() -> dict[str, dict[str, Personal]]:
    """The tables with personal fields, each with its personal fields (from the one declaration)."""
    found: dict[str, dict[str, Personal]] = {}
    for (table, column), field in PERSONAL.items():
        found.setdefault(table, {})[column] = field
    return found


def _key(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: row._mapping[c.name] for c in table.primary_key.columns}


def workshop_rows(
    conn: Connection, workshop_id: int, lock: bool = False
) -> list[tuple[Table, dict[str, Personal], Any]]:
    """Every row of the workshop that has personal fields, with its table and those fields; with `lock`, held
    until the transaction ends (PostgreSQL: a team's edit made meanwhile waits, and is not overwritten by the
    value read before it)."""
    found = []
    for name, fields in personal_tables().items():
        table = metadata.tables[name]
        columns = [*table.primary_key.columns, *(table.c[f] for f in fields)]
        asked = select(*columns).where(_scope(table, workshop_id))
        for row in conn.execute(asked.with_for_update() if lock else asked):
            found.append((table, fields, row))
    return found


def plan(
    conn: Connection, workshop_id: int, edit: Edit, lock: bool = False
) -> list[tuple[Table, dict[str, Any], Change]]:
    """What `edit` would change in the workshop: (table, row key, new values or None to delete the row); with
    `lock`, the rows stay locked for the caller's writes."""
    changes: list[tuple[Table, dict[str, Any], Change]] = []
    for table, fields, row in workshop_rows(conn, workshop_id, lock):
        new: dict[str, Any] = {}
        for column, field in fields.items():
            value = row._mapping[column]
            value = value if isinstance(value, list) else value or ""
            after = edit(field, value)
            if after == DELETE:
                changes.append((table, _key(table, row), None))
                break
            if after is not None and after != value:
                new[column] = after
        else:
            if new:
                changes.append((table, _key(table, row), new))
    return changes


def apply(conn: Connection, changes: list[tuple[Table, dict[str, Any], Change]]) -> None:
    for table, key, new in changes:
        where = [table.c[k] == v for k, v in key.items()]
        if new is None:
            conn.execute(table.delete().where(*where))
        else:
            conn.execute(table.update().where(*where).values(**new))


def counted(changes: list[tuple[Table, dict[str, Any], Change]]) -> dict[str, dict[str, int]]:
    """Changed rows per table and field ("(row deleted)" for deleted rows)."""
    counts: dict[str, dict[str, int]] = {}
    for table, _, new in changes:
        per_field = counts.setdefault(table.name, {})
        for column in new if new is not None else ["(row deleted)"]:
            per_field[column] = per_field.get(column, 0) + 1
    return counts


def content_language(conn: Connection, workshop_id: int, lock: bool = False) -> str:
    asked = select(workshops.c.language).where(workshops.c.id == workshop_id)
    language = conn.execute(asked.with_for_update() if lock else asked).scalar()
    if language is None:
        raise NotFound("error.missing.workshop", id=workshop_id)
    return str(language)


def _each_text(value: Any, change: Callable[[str], Any]) -> Any:
    """A JSON value with every text inside it changed (None from `change`: that text kept as it is)."""
    if isinstance(value, list):
        return [_each_text(v, change) for v in value]
    if isinstance(value, str):
        after = change(value)
        return value if after is None else after
    return value


def _texts(value: Any) -> list[str]:
    """Every text inside a JSON value."""
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value] if isinstance(value, str) else []


def person_edit(who: Person, marker: str) -> Edit:
    """How erasing one person changes each kind of field (workshop.store.personal_data.Kind)."""

    def edit(field: Personal, value: Any) -> Any:
        if isinstance(value, list) and field.kind != Kind.ADDRESS_LIST:  # JSON text (the record's details)
            after = _each_text(value, lambda text: edit(field, text))
            return after if after != value else None
        if field.kind == Kind.ADDRESS:
            return DELETE if names_whole(value, who) else None
        if field.kind == Kind.ADDRESS_LIST:
            kept = [a for a in value or [] if not names_whole(str(a), who)]
            return kept if len(kept) != len(value or []) else None
        if field.kind == Kind.CONTACT:
            return "" if names_whole(value, who) else None
        if field.kind == Kind.NAME:
            return marker if names_whole(value, who) else None
        if field.kind == Kind.WORD_LIST:
            return without_words(value, who)
        return replaced(value, who, marker)

    return edit


def person_data(engine: Engine, workshop_id: int, given: str) -> list[Hit]:
    """Every place in the workshop that names the person (by name or e-mail address), table and field each."""
    who = person(given)
    hits: list[Hit] = []
    with read(engine) as conn:
        content_language(conn, workshop_id)
        for table, fields, row in workshop_rows(conn, workshop_id):
            for column, field in fields.items():
                value = row._mapping[column]
                if field.kind == Kind.ADDRESS_LIST:
                    found = ["full"] if any(names_whole(str(a), who) for a in value or []) else []
                    value = ", ".join(map(str, value or []))
                elif field.kind in (Kind.CONTACT, Kind.NAME, Kind.ADDRESS):
                    value = value or ""
                    found = ["full"] if names_whole(value, who) else []
                elif field.kind == Kind.WORD_LIST:
                    value = value or ""
                    found = ["word"] if without_words(value, who) != value else []
                elif isinstance(value, list):  # JSON text (the record's details)
                    found = [m for text in _texts(value) for m in mentions(text, who)]
                    value = json.dumps(value, ensure_ascii=False)
                else:
                    value = value or ""
                    found = mentions(value, who)
                hits += [Hit(table.name, column, _key(table, row), match, value) for match in found[:1]]
    return hits


def person_document(engine: Engine, workshop_id: int, given: str) -> str:
    """The person's data as the JSON file handed to them: every place, with its table and field."""
    hits = person_data(engine, workshop_id, given)
    doc = {"workshop": workshop_id, "person": given, "found": [hit.as_json() for hit in hits]}
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def erase_person(engine: Engine, workshop_id: int, given: str, apply_it: bool = True) -> dict[str, dict[str, int]]:
    """Erase the person from the workshop (a contact field emptied, a name or the name inside a text replaced
    by "[removed]", their words out of the leave-out list); the changed rows per table and field. Exports,
    the report, backups and key terms made afterwards are read from these rows, so none of them has the name."""
    who = person(given)
    runner = write if apply_it else read
    with runner(engine) as conn:
        marker = removed_marker(content_language(conn, workshop_id, lock=apply_it))
        changes = plan(conn, workshop_id, person_edit(who, marker), lock=apply_it)
        if apply_it:
            apply(conn, changes)
    return counted(changes)


def privacy_contact(engine: Engine) -> str:
    """The organisation's contact for privacy requests, as the owner set it ("" when not set)."""
    with read(engine) as conn:
        return str(conn.execute(select(settings.c.value).where(settings.c.key == CONTACT_KEY)).scalar() or "")


def set_privacy_contact(engine: Engine, contact: str) -> str:
    """Set (or, with "", clear) the organisation's contact the privacy page names."""
    contact = check_text(contact.strip(), "privacy_contact", MAX_CONTACT)
    with write(engine) as conn:
        conn.execute(settings.delete().where(settings.c.key == CONTACT_KEY))
        if contact:
            conn.execute(settings.insert().values(key=CONTACT_KEY, value=contact))
    return contact


def set_retention(engine: Engine, workshop_id: int, months: int) -> int:
    """The owner sets how many months after its last day a workshop's personal data is kept."""
    months = check_months(months)
    with write(engine) as conn:
        done = conn.execute(workshops.update().where(workshops.c.id == workshop_id).values(retention_months=months))
        if done.rowcount == 0:
            raise NotFound("error.missing.workshop", id=workshop_id)
    return months
