"""A small streaming XLSX writer: plain sheets of values (text, numbers, booleans), nothing else.

openpyxl builds and serialises an object per cell (tens of seconds for a workshop of 100,000 answers);
here a cell is one formatted string, text is stored inline (no shared-string table to build) and every
sheet goes straight into the zip. The files open in Excel, LibreOffice and openpyxl. Formula escaping is
the caller's job (workshop.exporting.safe_cell): this module writes values, never formulas."""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot hold at all; a cell keeps the rest of its text.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def column_letters(n: int) -> list[str]:
    """The first n column names: A, B, ..., Z, AA, AB, ..."""
    letters = []
    for i in range(n):
        name, i = "", i + 1
        while i:
            i, rest = divmod(i - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _cell(ref: str, value: Any) -> str:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        text = escape(NOT_XML.sub("", value)) if value else ""
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if kind is int or (kind is float and math.isfinite(value)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if kind is float:  # NaN or infinite: Excel has no such number
        return ""
    return _cell(ref, str(value))


def _sheet(rows: Iterable[Sequence[Any]]) -> Iterable[str]:
    yield f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'
    letters: list[str] = []
    for number, row in enumerate(rows, start=1):
        if len(row) > len(letters):
            letters = column_letters(len(row))
        cells = "".join([_cell(f"{col}{number}", value) for col, value in zip(letters, row, strict=False)])
        yield f'<row r="{number}">{cells}</row>'
    yield "</sheetData></worksheet>"


def workbook(sheets: Sequence[tuple[str, Iterable[Sequence[Any]]]]) -> bytes:
    """An .xlsx file with one sheet per (name, rows), in order; names are at most 31 characters."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{OFFICE}.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.styles+xml"/>{overrides}</Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'{HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name="{escape(name[:31], {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _) in enumerate(sheets, start=1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>{entries}</sheets></workbook>',
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        styles = f'<Relationship Id="rId{len(sheets) + 1}" Type="{DOC_RELS}/styles" Target="styles.xml"/>'
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f'{HEAD}<Relationships xmlns="{RELS}">{links}{styles}</Relationships>'
        )
        archive.writestr("xl/styles.xml", HEAD + STYLES)
        for i, (_, rows) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{i}.xml", "w") as part:
                batch: list[str] = []
                for chunk in _sheet(rows):
                    batch.append(chunk)
                    if len(batch) >= 2000:
                        part.write("".join(batch).encode("utf-8"))
                        batch.clear()
                part.write("".join(batch).encode("utf-8"))
    return buffer.getvalue()
