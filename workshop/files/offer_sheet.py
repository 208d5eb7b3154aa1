"""A whole sheet of offers checked column by column: each distinct cell value is read once by the same
cell readers the row-by-row check uses, the good rows become one DataFrame ready to store, and only the
rows with a problem go through the row-by-row check, so the report is exactly what it would say."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from workshop.domain.errors import ImportRejected
from workshop.domain.messages import Message, message
from workshop.domain.model import SPACE_KEYS, OfferStatus
from workshop.domain.offer_fields import IMPORT_FIELDS, LIST_FIELDS, PARTNER_FIELDS, default
from workshop.domain.text_fields import MAX_NAME, text_problem
from workshop.files.offer_cells import (
    MAX_PROBLEMS,
    TEXT_LIMITS,
    CellError,
    Problem,
    Progress,
    check_row,
    partner_mismatch,
    readers,
    text_of,
    whole_number,
)
from workshop.files.spreadsheet import Cell, SourceTable, check_mapping

_BAD = object()  # a cell its reader refused


def _space_reader(cell: Cell) -> int:
    return whole_number(cell, 0, 3, 0)


def _read_column(cells: list[Cell], read: Callable[[Cell], object], distinct: bool) -> list[object]:
    """The column read cell by cell; `distinct` reads each distinct value once (type-exact: 1, 1.0, True differ)."""
    if not distinct:
        out: list[object] = []
        for cell in cells:
            try:
                out.append(read(cell))
            except CellError:
                out.append(_BAD)
        return out
    seen: dict[tuple[type, Cell], object] = {}
    for cell in cells:
        key = (type(cell), cell)
        if key not in seen:
            try:
                seen[key] = read(cell)
            except CellError:
                seen[key] = _BAD
    return [seen[(type(cell), cell)] for cell in cells]


def _status_value(value: object) -> object:
    return value.value if isinstance(value, OfferStatus) else value


def offer_frame(
    table: SourceTable, mapping: Sequence[str], target_groups: Sequence[str], progress: Progress | None = None
) -> pd.DataFrame:
    """Every row as a row of the offers table (plus `row`, its number in the sheet); raises ImportRejected
    listing every problem of every row, in row order, when there is any."""
    check_mapping(table, mapping)
    if not table.rows:
        raise ImportRejected([(table.header_row, "", message("problem.no_offers"))])
    total = len(table.rows)
    columns = [(i, f) for i, f in enumerate(mapping) if f]
    cell_readers = readers({g.casefold(): g for g in target_groups})
    data: dict[str, list[object]] = {}
    bad = [False] * total
    for index, field in columns:
        cells = [row[index] for row in table.rows]
        if field == "name":
            data[field] = [text_of(c) for c in cells]
            continue
        read = _space_reader if field in SPACE_KEYS else cell_readers.get(field)
        if read is None:
            continue
        values = _read_column(cells, read, distinct=field not in ("description", "owner_team"))
        bad = [b or v is _BAD for b, v in zip(bad, values, strict=True)]
        data[field] = values
    if progress is not None:
        progress(0.4)
    lists = (*LIST_FIELDS, *PARTNER_FIELDS)
    frame = pd.DataFrame(
        {
            f: data[f] if f in data else [default(f) for _ in range(total)] if f in lists else default(f)
            for f in IMPORT_FIELDS
        },
        dtype=object,  # None stays None (pandas would make a text column's None a NaN)
    )
    frame["status"] = frame["status"].map(_status_value)
    frame["row"] = table.row_numbers
    names = frame["name"]
    spaces = frame[list(SPACE_KEYS)].where(~pd.Series(bad), 0).astype(int)
    top = spaces.max(axis=1)
    primary = frame["primary_space"]
    primary_ok = primary.isna() | pd.Series(
        [p is None or p is _BAD or spaces.at[i, p] == top[i] for i, p in enumerate(primary)], dtype=bool
    )
    problem_rows = (
        pd.Series(bad)
        | (names.str.len() == 0)
        | names.map(lambda n: text_problem(n, MAX_NAME) is not None)
        | _bad_texts(frame)
        | (top == 0)
        | ~primary_ok
        | _mismatched(frame)
    )
    problems: list[tuple[int, Problem]] = []
    for position in problem_rows[problem_rows].index:
        _report_row(table, columns, cell_readers, int(position), problems)
    good = frame[~problem_rows]
    keys = good["name"].str.casefold()
    repeated = keys.duplicated()
    if repeated.any():
        first_row = dict(zip(keys[~repeated], good["row"][~repeated], strict=True))
        header = table.header[mapping.index("name")]
        for position in repeated[repeated].index:
            name = good.at[position, "name"]
            again = message("problem.name_repeated", name=name, row=int(first_row[name.casefold()]))
            problems.append((int(position), (int(good.at[position, "row"]), header, again)))
    if progress is not None:
        progress(0.8)
    if problems:
        problems.sort(key=lambda p: p[0])  # stable: a row's own problems keep their order
        report = [p for _, p in problems]
        raise ImportRejected(report[:MAX_PROBLEMS], total=len(report))
    good = good.assign(**{k: spaces.loc[good.index, k] for k in SPACE_KEYS})
    return good.reset_index(drop=True)


def _mismatched(frame: pd.DataFrame) -> pd.Series:
    """Rows whose partners' sectors or stages are neither one for all nor one per partner."""
    bad = pd.Series(False, index=frame.index)
    for field in PARTNER_FIELDS:
        bad |= pd.Series(
            [
                values is not _BAD and partners is not _BAD and partner_mismatch(partners, values, field) is not None
                for partners, values in zip(frame["partners"], frame[field], strict=True)
            ],
            index=frame.index,
        )
    return bad


def _bad_texts(frame: pd.DataFrame) -> pd.Series:
    """Rows with a text too long or holding a control character (check_row then says which)."""
    bad = pd.Series(False, index=frame.index)
    for field, limit in TEXT_LIMITS.items():
        if field in frame:
            bad |= frame[field].map(
                lambda value, limit=limit: (
                    value is not _BAD
                    and any(text_problem(str(v), limit) for v in (value if isinstance(value, list) else [value]))
                )
            )
    return bad


def _report_row(
    table: SourceTable,
    columns: list[tuple[int, str]],
    cell_readers: dict[str, Callable[[Cell], object]],
    position: int,
    problems: list[tuple[int, Problem]],
) -> None:
    """The row-by-row check of one row, its problems added in the order it finds them."""
    row, number = table.rows[position], table.row_numbers[position]
    header_of = {f: table.header[i] for i, f in columns}
    header_of["spaces"] = ", ".join(header_of[k] for k in SPACE_KEYS if k in header_of)

    def fail(field: str, problem: Message) -> None:
        problems.append((position, (number, header_of.get(field, field), problem)))

    check_row({f: row[i] for i, f in columns}, cell_readers, fail)
