"""Spreadsheets as people have them, read into one plain table: CSV in UTF-8, UTF-8 with BOM, UTF-16 or
cp1252 (Danish Excel) with `,` `;` or tab between cells, and XLSX workbooks with several sheets.
The column mapping is guessed from headers as people write them in English, Danish, Norwegian and Dutch."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from openpyxl.utils import get_column_letter

from workshop.domain.errors import ImportRejected, InvalidInput, UnreadableFile
from workshop.domain.messages import Message, message
from workshop.domain.model import SPACE_KEYS
from workshop.domain.offer_fields import IMPORT_FIELDS
from workshop.files.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, check_size, check_table, check_workbook
from workshop.files.offer_words import field_of_header
from workshop.files.sheet_reader import read_workbook

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None
SEPARATORS: dict[str, str] = {";": "semicolon", ",": "comma", "\t": "tab"}
IGNORE = ""
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class SourceTable:
    """The header and the data rows of one sheet, with the row numbers the spreadsheet shows."""

    header: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int]
    header_row: int = 1
    kind: str = "csv"
    encoding: str = ""
    separator: str = ""
    sheets: tuple[str, ...] = field(default_factory=tuple)
    sheet: str = ""


def read_source(data: bytes, filename: str, sheet: str | None = None) -> SourceTable:
    """Read a CSV or XLSX file (by its content, not only its name) into a SourceTable."""
    if not data.strip():
        raise UnreadableFile("error.file.empty", file=filename)
    check_size(data, filename)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, filename, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFile("error.file.xls", file=filename)
    text, encoding = _decode(data, filename)
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        # Excel's own hint line; Excel hides it, so the header still shows as row 1.
        separator, text = first[4], text.split("\n", 1)[1] if "\n" in text else ""
    else:
        separator = _detect_separator(text)
    records = _csv_records(text, separator, filename)
    return _table(records, filename, kind="csv", encoding=encoding, separator=separator)


def sheet_names(data: bytes) -> tuple[str, ...]:
    """The sheets of an XLSX workbook (empty for a CSV file or a broken workbook)."""
    if not data.startswith(b"PK\x03\x04"):
        return ()
    try:
        check_workbook(data, "")
        return read_workbook(data, "", None, names_only=True).sheets
    except UnreadableFile:
        return ()  # read_source names the problem


def _csv_records(text: str, separator: str, filename: str) -> list[list[Cell]]:
    """The CSV's rows, refused as soon as they pass the row, column or cell limits."""
    records: list[list[Cell]] = []
    cells = 0
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
        records.append(cast(list[Cell], row))
        cells += len(row)
        if len(records) > MAX_ROWS or len(row) > MAX_COLUMNS:
            check_table(filename, len(records), len(row))
        if cells > MAX_CELLS:
            raise UnreadableFile("error.file.too_many_cells", file=filename, n=cells, limit=MAX_CELLS)
    return records


def _decode(data: bytes, filename: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", filename), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", filename), "UTF-16"
    if b"\x00" in data[:4096]:
        raise UnreadableFile("error.file.binary", file=filename)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text = _strict(data, "cp1252", filename)
    if len(_BINARY_CONTROL.findall(text[:4096])) > 8:
        raise UnreadableFile("error.file.binary", file=filename)
    return text, "cp1252"


def _strict(data: bytes, encoding: str, filename: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("error.file.encoding", file=filename, encoding=encoding, byte=exc.start) from exc


def _detect_separator(text: str) -> str:
    """The separator that splits the header line into the most cells (ties: ; then tab then ,)."""
    head = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: len(next(csv.reader([head], delimiter=sep), [])) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: counts[sep])


def _read_xlsx(data: bytes, filename: str, sheet: str | None) -> SourceTable:
    # calamine (Rust) reads a sheet of 50,000 rows in well under a second; openpyxl took about ten. It aborts
    # the process (not an exception) on a sheet reaching too far: the file is measured first, and calamine
    # runs in a worker process with a memory limit (sheet_reader), so an abort there costs only the worker.
    check_workbook(data, filename)
    book = read_workbook(data, filename, sheet)
    records = cast(list[list[Cell]], book.records)
    return _table(records, filename, kind="xlsx", sheets=book.sheets, sheet=book.sheet)


def _blank(row: Sequence[Cell]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def _table(records: list[list[Cell]], filename: str, **about: object) -> SourceTable:
    start = next((i for i, row in enumerate(records) if not _blank(row)), None)
    if start is None:
        raise UnreadableFile("error.file.no_header", file=filename)
    width = max(len(r) for r in records[start:])
    header = [str(c).strip() if c is not None else "" for c in records[start]]
    header += [""] * (width - len(header))
    header = [h or f"({get_column_letter(i + 1)})" for i, h in enumerate(header)]
    # A repeated header gets its column letter, so each column keeps its own name (tables and the
    # preview need distinct column names).
    seen: set[str] = set()
    for i, h in enumerate(header):
        if h.casefold() in seen:
            header[i] = f"{h} ({get_column_letter(i + 1)})"
        seen.add(header[i].casefold())
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    for index in range(start + 1, len(records)):
        row = records[index]
        if _blank(row):
            continue
        rows.append(row + [None] * (width - len(row)) if len(row) < width else row)
        numbers.append(index + 1)
    return SourceTable(header, rows, numbers, header_row=start + 1, **about)  # type: ignore[arg-type]


def guess_field(header: str) -> str:
    """The offer field a header names, in any of the four languages (workshop.files.offer_words), or IGNORE."""
    return field_of_header(header) or IGNORE


def guess_mapping(header: Sequence[str]) -> list[str]:
    """One field (or IGNORE) per column, as the headers suggest."""
    return [guess_field(h) for h in header]


def check_mapping(table: SourceTable, mapping: Sequence[str]) -> None:
    """Refuse a mapping without a name or space column, or with a field taken by two columns."""
    problems: list[tuple[int, str, Message]] = []
    where = table.header_row
    for name in IMPORT_FIELDS:
        columns = [table.header[i] for i, f in enumerate(mapping) if f == name]
        if len(columns) > 1:
            problems.append((where, ", ".join(columns), message("problem.mapped_twice", n=len(columns), field=name)))
    if "name" not in mapping:
        problems.append((where, "name", message("problem.no_name_column")))
    if not any(key in mapping for key in SPACE_KEYS):
        problems.append((where, "spaces", message("problem.no_space_column")))
    if problems:
        raise ImportRejected(problems)


def mapping_with(header: Sequence[str], guessed: Sequence[str], spec: str) -> list[str]:
    """The guessed mapping with the columns a `Header=field,Header=field` spec names mapped by hand (a field
    of IMPORT_FIELDS, or `ignore`); headers compare without case. Raises InvalidInput naming what is wrong."""
    mapping = list(guessed)
    by_header = {h.strip().casefold(): i for i, h in enumerate(header)}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        name, sep, field = (piece.strip() for piece in item.partition("="))
        if not sep or not name:
            raise InvalidInput("error.cli.map_form", field="map", item=item)
        if name.casefold() not in by_header:
            raise InvalidInput("error.cli.map_no_column", field="map", name=name, columns=list(header))
        if field.casefold() in ("ignore", ""):
            field = IGNORE
        elif field not in IMPORT_FIELDS:
            raise InvalidInput(
                "error.cli.map_no_field", field="map", item=item, name=field, fields=[*IMPORT_FIELDS, "ignore"]
            )
        mapping[by_header[name.casefold()]] = field
    return mapping


def ignored_columns(header: Sequence[str], mapping: Sequence[str]) -> list[str]:
    """The headers of the columns a mapping leaves out (their cells are not read)."""
    return [h for h, f in zip(header, mapping, strict=True) if f == IGNORE]
