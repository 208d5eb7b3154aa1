"""Workbooks of plain values, written by XlsxWriter in constant-memory mode: rows stream to disk.

openpyxl builds and keeps an object per cell (tens of seconds for a workshop of 100,000 answers);
XlsxWriter writes each row as it comes. Strings are always written as text — never as formulas, links
or numbers — and formula escaping stays the caller's job (workshop.files.exports.safe_cell)."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import xlsxwriter

# Characters XML 1.0 cannot hold at all; a cell keeps the rest of its text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def _value(value: Any) -> Any:
    """A cell value Excel can hold: text cleaned, NaN and infinities left empty, others as text."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return NOT_XML.sub("", value if isinstance(value, str) else str(value))


def workbook(sheets: Sequence[tuple[str, Iterable[Sequence[Any]]]]) -> bytes:
    """An .xlsx file with one sheet per (name, rows), in order; names are cut to Excel's 31 characters."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, OPTIONS)
    for name, rows in sheets:
        sheet = book.add_worksheet(name[:31])
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                cell = _value(value)
                if isinstance(cell, str):
                    sheet.write_string(number, column, cell)
                elif cell is not None:
                    sheet.write(number, column, cell)
    book.close()
    return buffer.getvalue()
