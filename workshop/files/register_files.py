"""The offer and partner registers as CSV and XLSX, with headers the importer reads back; every text
cell that a spreadsheet would run as a formula is quoted (workshop.files.exports.safe_cell).
The registers are read by workshop.services.whole.register_files."""

from __future__ import annotations

import csv
import io

import pandas as pd

from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS
from workshop.files.exports import safe_cell
from workshop.files.xlsx import workbook


def offers_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The offer register (services.offers.register_frame) with English headers the importer maps back."""
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
            "partners": frame["partners"].map(lambda names: "; ".join(map(str, names))),  # a name may hold a comma
            "tags": frame["tags"],
        }
    )
    return out


def partners_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The partner register (services.partners.partner_register) with the headers of the file."""
    return frame.drop(columns=["id"]).rename(columns={"stage": "formalisation", "description": "about"})


def _rows(frame: pd.DataFrame) -> list[list[object]]:
    return [[safe_cell(v) for v in row] for row in frame.itertuples(index=False)]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with BOM (Excel opens it with æøå intact), comma separated."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(list(frame.columns))
    writer.writerows(_rows(frame))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with a sheet per table, in the order given (text XML cannot hold is left out, not fatal)."""
    return workbook([(title, [list(frame.columns), *_rows(frame)]) for title, frame in sheets.items()])
