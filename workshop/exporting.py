"""Exports of one workshop: a documented JSON format and an Excel workbook with a sheet per entity.

JSON format (`format: four-spaces-workshop`, `version: 1`): one object with `workshop` and a list per
entity: `teams`, `offers`, `partners`, `main_points`, `days`, `questions`, `responses`, `themes`,
`actions`. An offer carries `name`, `strength`, and `spaces` as an object keyed by space key (0-3).
Responses name their team and question by id. Codes and their hashes are never exported.
Text stays raw in JSON; in CSV and XLSX a cell starting with = + - @ tab or CR gets a leading '."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import Engine, Table, select

from workshop.backup import _plain
from workshop.errors import NotFound
from workshop.model import SPACE_KEYS
from workshop.store import read
from workshop.store.tables import (
    actions,
    days,
    main_points,
    offers,
    partners,
    questions,
    responses,
    teams,
    theme_responses,
    themes,
    workshops,
)

FORMAT, VERSION = "four-spaces-workshop", 1
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
}
SECRET_COLUMNS = {"code_hash", "facilitator_code_hash", "leadership_code_hash", "team_code_salt", "idempotency_key"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _row(table: Table, row: Any) -> dict[str, Any]:
    data = {k: _plain(v) for k, v in row._mapping.items() if k not in SECRET_COLUMNS and k != "workshop_id"}
    if table is offers:
        data["spaces"] = {key: data.pop(key) for key in SPACE_KEYS}
    return data


def workshop_document(engine: Engine, workshop_id: int) -> dict[str, Any]:
    """The whole workshop as the documented JSON structure."""
    with read(engine) as conn:
        head = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
        if head is None:
            raise NotFound(f"no workshop {workshop_id}")
        doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "workshop": _row(workshops, head)}
        for name, table in ENTITIES.items():
            rows = conn.execute(select(table).where(table.c.workshop_id == workshop_id).order_by(table.c.id))
            doc[name] = [_row(table, r) for r in rows]
        links = conn.execute(select(theme_responses).join(themes).where(themes.c.workshop_id == workshop_id)).fetchall()
    for theme in doc["themes"]:
        theme["response_ids"] = sorted(link.response_id for link in links if link.theme_id == theme["id"])
    return doc


def to_json(engine: Engine, workshop_id: int) -> str:
    return json.dumps(workshop_document(engine, workshop_id), ensure_ascii=False, indent=2)


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet should hold it: text that would run as a formula is quoted."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else ", ".join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_xlsx(engine: Engine, workshop_id: int) -> bytes:
    """A workbook with a sheet for the workshop and one per entity."""
    doc = workshop_document(engine, workshop_id)
    book = Workbook()
    sheet = book.active
    sheet.title = "workshop"
    for key, value in doc["workshop"].items():
        sheet.append([key, safe_cell(value)])
    for name in ENTITIES:
        sheet = book.create_sheet(name)
        rows = doc[name]
        if not rows:
            continue
        header = list(rows[0])
        sheet.append(header)
        for row in rows:
            sheet.append([safe_cell(row.get(col)) for col in header])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_export(engine: Engine, workshop_id: int, fmt: str, out: Path) -> Path:
    if fmt == "json":
        out.write_text(to_json(engine, workshop_id), encoding="utf-8")
    elif fmt == "xlsx":
        out.write_bytes(to_xlsx(engine, workshop_id))
    else:
        raise ValueError(f"unknown format {fmt}")
    return out
