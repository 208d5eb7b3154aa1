"""The worker process that reads one XLSX workbook with calamine, a native (Rust) library that aborts the
process when an allocation fails. It runs as `python -I sheet_worker.py MEMORY CPU` (workshop.files.reading
starts it), sets its own address-space and CPU limits first, reads the request from stdin (one JSON line
{"sheet": name or null, "names_only": bool}, then the workbook's bytes) and writes one JSON document to
stdout: {"sheets": [...], "sheet": chosen, "rows": [[cell, ...], ...], "top": empty rows above them} or
{"error": "unreadable" | "no_sheet" | "sheet_unreadable", "sheets": [...]}. Cells are true/false, numbers,
text ("" when empty), or {"datetime"|"time": ISO text}: JSON, never pickle, so a worker that a file has
subverted can hand back only data (which the parent checks).

This file imports nothing but the standard library and python_calamine: it starts in about the time of
a bare interpreter, and runs with -I (no current directory, no environment variables, no user site)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import resource
import sys
from typing import IO

BATCH = 2000  # rows per json.dumps call


def limit(memory: int, cpu_seconds: int) -> None:
    """The worker's own limits, set before it reads a byte of the file: an allocation beyond `memory` fails
    (calamine aborts: the parent sees the signal), a read beyond `cpu_seconds` is stopped, no core file."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))  # no file beyond its error report (stderr)


def _tagged(value: object) -> object:
    """A cell JSON has no type for: dates and times as {"datetime"|"time": ISO text}, durations as text."""
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"datetime": dt.datetime(value.year, value.month, value.day).isoformat()}
    if isinstance(value, dt.time):
        return {"time": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return str(value)
    raise TypeError(f"a cell of type {type(value).__name__}")


def read(data: bytes, sheet: str | None, names_only: bool, out: IO[str]) -> None:
    """Write the answer for one request to `out`."""
    from python_calamine import CalamineError, CalamineWorkbook  # imported after the limits are set

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    except (CalamineError, OSError, ValueError):
        json.dump({"error": "unreadable"}, out)
        return
    chosen = sheet or (names[0] if names else "")
    if names_only or chosen not in names:
        json.dump({"sheets": names} if names_only else {"error": "no_sheet", "sheets": names}, out)
        return
    try:
        cells = book.get_sheet_by_name(chosen)  # the whole sheet is parsed here, before a byte is written
    except (CalamineError, OSError, ValueError):
        json.dump({"error": "sheet_unreadable", "sheets": names}, out)
        return
    # The rows go out in batches, each one json.dumps (C) call: a call per row or per cell in Python took as
    # long as calamine, and the whole table at once (to_python) took twice the memory. calamine yields the
    # rows without the empty columns left of the first cell that holds anything (put back here) and, in some
    # versions, without the empty rows above it: "top" says how many rows the parent puts back.
    end = cells.end or (-1, -1)
    pad = [""] * max(0, end[1] + 1 - cells.width) if end[1] >= 0 else []
    rows = cells.iter_rows()
    out.write(json.dumps({"sheets": names, "sheet": chosen})[:-1] + ', "rows": [')
    count = 0
    while batch := list(itertools.islice(rows, BATCH)):
        text = json.dumps([pad + row for row in batch] if pad else batch, ensure_ascii=False, default=_tagged)
        out.write(("," if count else "") + text[1:-1])
        count += len(batch)
    out.write(f'], "top": {max(0, end[0] + 1 - count)}}}')


def main(argv: list[str]) -> int:
    limit(int(argv[1]), int(argv[2]))
    request = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    read(data, request.get("sheet"), bool(request.get("names_only")), out)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
