"""One workshop read whole for export (the formats: workshop.files.exports): the documented JSON
document, and that document as JSON text, an Excel workbook or a zip of CSV files."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Table, select
from sqlalchemy import types as sa_types

from workshop.domain.errors import NotFound
from workshop.domain.model import SPACE_KEYS
from workshop.domain.personal import without_contact_details
from workshop.domain.voices import VOICE_COLUMNS
from workshop.files.backup import json_value
from workshop.files.exports import FORMAT, SECRET_COLUMNS, VERSION, document_csv_zip, document_json, document_xlsx
from workshop.services.partnership.screening import export_proposals
from workshop.services.register.mapping_review import export_decisions, export_mappings
from workshop.services.rows import STAGE_CHANGES, THEMES
from workshop.services.week.voices import voices_for_export
from workshop.store import read
from workshop.store.tables import (
    actions,
    asset_proposals,
    assets,
    comments,
    days,
    main_points,
    offers,
    partner_proposals,
    partner_stages,
    partners,
    questions,
    reactions,
    responses,
    teams,
    theme_responses,
    themes,
    vote_dots,
    votes,
    workshops,
)

ENTITIES: dict[str, Table] = {
    "teams": teams,
    "offers": offers,
    "partners": partners,
    "main_points": main_points,
    "days": days,
    "questions": questions,
    "responses": responses,
    "themes": themes,
    "actions": actions,
    "reactions": reactions,
    "votes": votes,
    "vote_dots": vote_dots,
    "comments": comments,
    "assets": assets,  # the library's assets, in the facilitator's order (`position`)
    "asset_proposals": asset_proposals,  # assets the teams proposed, with their status
    "partner_proposals": partner_proposals,  # partners and contacts the teams proposed, with their status
}
# The entities with a contact person's field (workshop.store.personal_data: Kind.CONTACT).
CONTACT_ENTITIES = ("partners", "partner_proposals")
# Left out of every file: codes, the workshop id, and who edited a team's answer (the team's to see only).
LEFT_OUT = SECRET_COLUMNS | {"workshop_id", "edited_by"}
# Each entity's exported columns: the header of an empty sheet. People's own answers are never exported as
# rows, only as the distributions leadership sees (`voices`, under the small-group rule).
COLUMNS: dict[str, list[str]] = {
    **{name: [c.name for c in table.columns if c.name not in LEFT_OUT] for name, table in ENTITIES.items()},
    "voices": list(VOICE_COLUMNS),
}


def _rows(table: Table, result: Any) -> list[dict[str, Any]]:
    """The rows as plain JSON values; only date and time columns need converting (json_value)."""
    names = list(result.keys())
    keys = [k for k in names if k not in LEFT_OUT]
    positions = [names.index(k) for k in keys]
    timed = {k for k in keys if isinstance(table.c[k].type, (sa_types.Date, sa_types.DateTime))}
    found = []
    for row in result:
        data = {k: row[i] for k, i in zip(keys, positions, strict=True)}
        for k in timed:
            data[k] = json_value(data[k])
        if table is offers:
            data["spaces"] = {key: data.pop(key) for key in SPACE_KEYS}
        found.append(data)
    return found


def workshop_document(engine: Engine, workshop_id: int, contacts: bool = False) -> dict[str, Any]:
    """The whole workshop as the documented JSON structure. Contact persons' e-mail addresses and phone numbers
    are left out unless `contacts` (the owner ticked "include contact details"; issue 30)."""
    with read(engine) as conn:
        head = conn.execute(select(workshops).where(workshops.c.id == workshop_id))
        found = _rows(workshops, head)
        if not found:
            raise NotFound("error.missing.workshop", id=workshop_id)
        workshop = found[0]
        doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "workshop": workshop}
        for name, table in ENTITIES.items():
            rows = conn.execute(select(table).where(table.c.workshop_id == workshop_id).order_by(table.c.id))
            doc[name] = _rows(table, rows)
        links = conn.execute(select(theme_responses).join(themes).where(THEMES.of(workshop_id))).fetchall()
        doc["mappings"] = export_mappings(conn, workshop_id)
        doc["mapping"] = export_decisions(conn, workshop_id)
        doc["proposals"] = export_proposals(conn, workshop_id)
        moves = conn.execute(
            select(partner_stages)
            .where(STAGE_CHANGES.of(workshop_id))
            .order_by(partner_stages.c.changed_on, partner_stages.c.id)
        ).fetchall()
    if not contacts:
        for name in CONTACT_ENTITIES:
            for row in doc[name]:
                row["contact"] = without_contact_details(row["contact"])
    doc["voices"] = voices_for_export(engine, workshop_id)
    for theme in doc["themes"]:
        theme["response_ids"] = sorted(link.response_id for link in links if link.theme_id == theme["id"])
    for partner in doc["partners"]:
        partner["stage_history"] = [
            {"stage": m.stage, "changed_on": json_value(m.changed_on), "note": m.note}
            for m in moves
            if m.partner_id == partner["id"]
        ]
    return doc


def to_json(engine: Engine, workshop_id: int, contacts: bool = False) -> str:
    return document_json(workshop_document(engine, workshop_id, contacts))


def to_csv_zip(engine: Engine, workshop_id: int, contacts: bool = False) -> bytes:
    """A zip of CSV files: answers.csv and one per entity."""
    return document_csv_zip(workshop_document(engine, workshop_id, contacts), COLUMNS)


def to_xlsx(engine: Engine, workshop_id: int, contacts: bool = False) -> bytes:
    """A workbook with a sheet for the workshop, one with every answer, and one per entity."""
    return document_xlsx(workshop_document(engine, workshop_id, contacts), COLUMNS)
