"""The offer and partner registers as CSV and XLSX, with headers the importer reads back; every text
cell that a spreadsheet would run as a formula is quoted (workshop.files.exports.safe_cell)."""

from __future__ import annotations

import csv
import io

import pandas as pd
from sqlalchemy import Engine

from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS
from workshop.files.exports import safe_cell
from workshop.files.xlsx import workbook
from workshop.services.offers import register_frame
from workshop.services.partners import partner_register


def offers_table(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The offers with English headers that the importer maps back by itself."""
    frame = register_frame(engine, workshop_id)
    names = {key: spaces().space_name(key, "en") for key in SPACE_KEYS}
    out = pd.DataFrame(
        {
            "name": frame["name"],
            "description": frame["description"],
            "owner team": frame["owner_team"],
            "target groups": frame["target_groups"],
            "status": frame["status"],
            "reach": frame["reach"],
            "strength": frame["strength"],
            **{names[key]: frame[key] for key in SPACE_KEYS},
            "primary space": [names.get(p, "") if p else "" for p in frame["primary"]],
            "partners": frame["partners"],
            "tags": frame["tags"],
        }
    )
    return out


def partners_table(engine: Engine, workshop_id: int) -> pd.DataFrame:
    frame = partner_register(engine, workshop_id)
    return frame.drop(columns=["id"]).rename(columns={"stage": "formalisation", "description": "about"})


def _rows(frame: pd.DataFrame) -> list[list[object]]:
    return [[safe_cell(v) for v in row] for row in frame.itertuples(index=False)]


def register_csv(engine: Engine, workshop_id: int, what: str = "offers") -> bytes:
    """CSV in UTF-8 with BOM (Excel opens it with æøå intact), comma separated."""
    frame = offers_table(engine, workshop_id) if what == "offers" else partners_table(engine, workshop_id)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(list(frame.columns))
    writer.writerows(_rows(frame))
    return buffer.getvalue().encode("utf-8-sig")


def register_xlsx(engine: Engine, workshop_id: int) -> bytes:
    """A workbook with an `offers` and a `partners` sheet (text XML cannot hold is left out, not fatal)."""
    sheets = [
        (title, [list(frame.columns), *_rows(frame)])
        for title, frame in (
            ("offers", offers_table(engine, workshop_id)),
            ("partners", partners_table(engine, workshop_id)),
        )
    ]
    return workbook(sheets)
