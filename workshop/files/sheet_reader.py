"""XLSX workbooks read in a worker process (sheet_worker), never in the server or the CLI itself.

calamine is native code: a file that makes it ask for too much memory aborts the whole process, which on
the Import page is the server of every user. The size checks (limits.check_workbook) refuse the hostile
files we know; the worker is the defence behind them. It is a fresh interpreter (`python -I`, started by
fork and exec: safe from a server with threads, where a plain fork is not) with its own address-space and
CPU limits, no environment and no current directory. It hands back JSON (never pickle), read here with a
cap on its size and checked cell by cell. A worker that dies, runs out of time or hands back anything but
a table becomes FileNotRead ("this file could not be read: ..."), and the caller goes on.

At most WORKERS read at once in one process: each may take MEMORY_LIMIT, and under a crowd of uploads the
others wait for a free one (then give up with a message) instead of filling the server's memory."""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.domain.errors import FileNotRead, UnreadableFile
from workshop.files.limits import MAX_COLUMNS, MAX_ROWS, MB

WORKER = Path(__file__).with_name("sheet_worker.py")
# Measured: a sheet of 200,000 offers (13 columns, 28 MB as .xlsx, 93 MB as JSON) is read within 512 MB of
# address space and not within 384 MB; 1 GB leaves room for wider sheets and longer texts.
MEMORY_LIMIT = 1024 * MB
CPU_SECONDS = 60  # the 200,000-row sheet takes about 7 s
WALL_SECONDS = 120  # a shared machine under load: the wall clock gets twice the CPU time
OUTPUT_LIMIT = 256 * MB  # the table as JSON; the worker's own memory bounds a real one well below this
WORKERS = 2
_SLOTS = threading.BoundedSemaphore(WORKERS)
_SCALARS = (type(None), bool, int, float, str, dt.datetime, dt.time)


@dataclass(frozen=True)
class Workbook:
    """What the worker read: the sheet names, the sheet chosen, its rows from A1 (cells as the table wants)."""

    sheets: tuple[str, ...]
    sheet: str
    records: list[list[Any]]


def read_workbook(data: bytes, filename: str, sheet: str | None, names_only: bool = False) -> Workbook:
    """The workbook's sheet (the first one unless named) read in a worker; UnreadableFile naming the file
    for a workbook or sheet calamine cannot read, FileNotRead when the worker does not come back with one."""
    request = json.dumps({"sheet": sheet, "names_only": names_only}).encode() + b"\n"
    answer = _decoded(_run(request + data, filename), filename)
    names = answer.get("sheets")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise FileNotRead("error.not_read.garbled", file=filename)
    chosen = sheet or (names[0] if names else "")
    problem = answer.get("error")
    if problem == "unreadable":
        raise UnreadableFile("error.file.unreadable_xlsx", file=filename)
    if problem == "no_sheet":
        raise UnreadableFile("error.file.no_sheet", file=filename, sheet=chosen, sheets=names)
    if problem == "sheet_unreadable":
        raise UnreadableFile("error.file.sheet_unreadable", file=filename, sheet=chosen)
    if names_only:
        return Workbook(tuple(names), "", [])
    if problem is not None or answer.get("sheet") != chosen:
        raise FileNotRead("error.not_read.garbled", file=filename)
    return Workbook(tuple(names), chosen, _records(answer, filename))


def _run(request: bytes, filename: str) -> bytes:
    """The worker's stdout for the request: at most WORKERS at once, each stopped at WALL_SECONDS."""
    if not _SLOTS.acquire(timeout=WALL_SECONDS):
        raise FileNotRead("error.not_read.busy", file=filename)
    try:
        with tempfile.TemporaryFile() as errors:
            command = [sys.executable, "-I", str(WORKER), str(MEMORY_LIMIT), str(CPU_SECONDS)]
            try:
                worker = subprocess.Popen(
                    command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env={}, cwd="/"
                )
            except OSError as exc:
                raise FileNotRead("error.not_read.stopped", file=filename, how=f"not started: {exc.strerror}") from exc
            out, late, code = _exchange(worker, request)
            errors.seek(0)
            said = errors.read(64 * 1024).decode("utf-8", "replace")  # the cause comes first, then a backtrace
    finally:
        _SLOTS.release()
    if late:
        raise FileNotRead("error.not_read.time", file=filename, n=WALL_SECONDS)
    if out is None:
        raise FileNotRead("error.not_read.memory", file=filename, limit=f"{OUTPUT_LIMIT // MB} MB")
    if code != 0:
        raise _stopped(filename, code, said)
    return out


def _exchange(worker: subprocess.Popen[bytes], request: bytes) -> tuple[bytes | None, bool, int]:
    """Send the request and read the answer: (the answer, None past OUTPUT_LIMIT; whether the clock ran out;
    the exit code). The clock (WALL_SECONDS) kills a worker that neither answers nor ends."""
    late = threading.Event()

    def stop() -> None:
        late.set()
        worker.kill()

    clock = threading.Timer(WALL_SECONDS, stop)
    clock.start()
    assert worker.stdin is not None and worker.stdout is not None
    out: bytes | None = None
    try:
        try:
            worker.stdin.write(request)
            worker.stdin.close()
        except OSError:
            pass  # the worker is gone already: its exit code says why
        chunks: list[bytes] = []
        size = 0
        while chunk := worker.stdout.read(4 * MB):
            size += len(chunk)
            if size > OUTPUT_LIMIT:
                worker.kill()
                break
            chunks.append(chunk)
        else:
            out = b"".join(chunks)
        code = worker.wait()
    finally:
        clock.cancel()
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        worker.stdout.close()
    return out, late.is_set(), code


def _stopped(filename: str, code: int, said: str) -> FileNotRead:
    """Why the worker stopped, from its exit: a failed allocation (calamine aborts, Python raises
    MemoryError), the CPU limit (SIGXCPU), or anything else (a crash, a kill)."""
    if "memory allocation" in said or "MemoryError" in said or "Cannot allocate memory" in said:
        return FileNotRead("error.not_read.memory", file=filename, limit=f"{MEMORY_LIMIT // MB} MB")
    if code == -signal.SIGXCPU:
        return FileNotRead("error.not_read.time", file=filename, n=CPU_SECONDS)
    how = f"signal {signal.Signals(-code).name}" if code < 0 and -code in signal.valid_signals() else f"exit {code}"
    return FileNotRead("error.not_read.stopped", file=filename, how=how)


def _tagged(obj: dict[str, Any]) -> object:
    if len(obj) == 1:
        try:
            if "datetime" in obj:
                return dt.datetime.fromisoformat(obj["datetime"])
            if "time" in obj:
                return dt.time.fromisoformat(obj["time"])
        except (TypeError, ValueError):
            return obj  # not a cell: _records refuses it
    return obj


def _decoded(out: bytes, filename: str) -> dict[str, Any]:
    try:
        answer = json.loads(out, object_hook=_tagged)
    except (ValueError, RecursionError):
        answer = None
    if not isinstance(answer, dict):
        raise FileNotRead("error.not_read.garbled", file=filename)
    return answer


def _records(answer: dict[str, Any], filename: str) -> list[list[Any]]:
    """The rows from A1 (`top` empty rows first) as the table wants its cells: None when empty, whole numbers
    as int. Checked cell by cell to be a table within the limits: a worker that a file has subverted gets no
    more than that into the server."""
    rows, top = answer.get("rows"), answer.get("top")
    if not isinstance(rows, list) or type(top) is not int or not 0 <= top <= MAX_ROWS - len(rows):
        raise FileNotRead("error.not_read.garbled", file=filename)
    for row in rows:
        if type(row) is not list or len(row) > MAX_COLUMNS:
            raise FileNotRead("error.not_read.garbled", file=filename)
        for i, cell in enumerate(row):
            kind = type(cell)
            if kind is str:
                if not cell:
                    row[i] = None
            elif kind is float:
                if cell.is_integer():
                    row[i] = int(cell)
            elif kind not in _SCALARS:
                raise FileNotRead("error.not_read.garbled", file=filename)
    return [[] for _ in range(top)] + rows if top else rows
