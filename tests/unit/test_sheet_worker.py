"""Workbooks are read in a worker process with a memory and a time limit (workshop.files.sheet_reader): a
reader that aborts, is killed, runs too long or hands back anything but a table costs the worker, never
the process that asked, and becomes "this file could not be read". The size checks are switched off here
(check_workbook made a no-op) to reach the worker with files they refuse; the tests that could abort run
in a subprocess of their own, so that a regression fails the test instead of killing pytest."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.unit.test_hostile_files import _WORKBOOK_RELS, HEADER_ROW, workbook
from workshop.domain.errors import FileNotRead
from workshop.files import sheet_reader
from workshop.files.sheet_reader import read_workbook
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import make_engine, migrate

FAR = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
GOOD = HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>Chess club</t></is></c></row>'
MEMORY = "this file could not be read: reading it needs more memory than the reader may take (1024 MB)"
# The process that asks may not take more than 3 GB either: a regression fails, never the machine.
LIMITED = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))\n"
WITHOUT_CHECKS = "import workshop.files.spreadsheet as s; s.check_workbook = lambda *_: None\n"


def far_workbook(tmp_path: Path, member: str) -> Path:
    path = tmp_path / "far.xlsx"
    path.write_bytes(workbook(FAR, member=member))
    return path


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.dat", "xl/worksheets/sheet1"])
def test_a_reader_that_aborts_costs_the_worker_and_the_caller_gets_a_message(member: str, tmp_path: Path) -> None:
    script = (
        LIMITED
        + WITHOUT_CHECKS
        + (
            "import sys\n"
            "from workshop.domain.errors import UnreadableFile\n"
            "from workshop.files.spreadsheet import read_source\n"
            "try:\n"
            "    read_source(open(sys.argv[1], 'rb').read(), 'far.xlsx')\n"
            "except UnreadableFile as exc:\n"
            "    print('refused:', exc)\n"
            "print('still here')\n"
        )
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(far_workbook(tmp_path, member))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [f"refused: far.xlsx: {MEMORY}", "still here"]


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.dat", "xl/worksheets/sheet1"])
def test_the_cli_says_one_line_and_exits_2_when_the_reader_dies(member: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    wid = create_workshop(engine, "Week", "facilitate-Week-2026", "leadership-Week-2026")
    engine.dispose()
    script = LIMITED + WITHOUT_CHECKS + "import sys; from workshop.cli import main; sys.exit(main(sys.argv[1:]))\n"
    command = [sys.executable, "-c", script, "import-offers", str(wid), str(far_workbook(tmp_path, member))]
    env = {**os.environ, "WORKSHOP_DATABASE_URL": url}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr.splitlines()) == (2, [f"error: far.xlsx: {MEMORY}"])


def shared_string_bomb(rows: int = 100_000, length: int = 30_000) -> bytes:
    """Half a megabyte that passes every size check: 100,000 cells, each the one shared string of 30,000
    characters. calamine copies the string into every cell: 3 GB."""
    sst = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        f'main" count="1" uniqueCount="1"><si><t>{"x" * length}</t></si></sst>'
    )
    cells = (f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c></row>' for i in range(1, rows + 1))
    data = workbook(cells, extra={"xl/sharedStrings.xml": sst.encode()})
    rels = _WORKBOOK_RELS.replace(
        "</Relationships>",
        '<Relationship Id="rId2" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            text = rels.encode() if member.filename == "xl/_rels/workbook.xml.rels" else source.read(member)
            archive.writestr(member, text)
    return out.getvalue()


def test_a_workbook_that_passes_every_size_check_and_still_needs_gigabytes_costs_only_the_worker(
    tmp_path: Path,
) -> None:
    """No size check can foresee every way a reader spends memory; the worker's limit does (issue 24.1)."""
    path = tmp_path / "strings.xlsx"
    path.write_bytes(shared_string_bomb())
    script = LIMITED + (
        "import sys\n"
        "from workshop.domain.errors import UnreadableFile\n"
        "from workshop.files.limits import check_workbook\n"
        "from workshop.files.spreadsheet import read_source\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "check_workbook(data, 'strings.xlsx')\n"
        "print('checks passed:', len(data) < 600_000)\n"
        "try:\n"
        "    read_source(data, 'strings.xlsx')\n"
        "except UnreadableFile as exc:\n"
        "    print('refused:', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["checks passed: True", f"refused: strings.xlsx: {MEMORY}"]


def fake_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """The worker replaced by a script that does `body` (it gets the same arguments and request)."""
    script = tmp_path / "worker.py"
    script.write_text("import os, signal, sys, time\nsys.stdin.buffer.read()\n" + body, encoding="utf-8")
    monkeypatch.setattr(sheet_reader, "WORKER", script)


ANSWER = (
    'sys.stdout.write(\'{"sheets": ["Offers"], "sheet": "Offers", "rows": [["name"], ["Chess club"]], "top": 0}\')\n'
)


@pytest.mark.parametrize(
    ("body", "reason", "message"),
    [
        ("os.kill(os.getpid(), signal.SIGKILL)\n", "stopped", "the reader stopped (signal SIGKILL)"),
        ("os.kill(os.getpid(), signal.SIGSEGV)\n", "stopped", "the reader stopped (signal SIGSEGV)"),
        ("time.sleep(30)\n", "time", "reading it took longer than 1 second"),
        ("sys.stdout.write('not json')\n", "garbled", "the reader gave back no table"),
        (
            'sys.stdout.write(\'{"sheets": ["A"], "sheet": "A", "rows": [[{"x": 1}]], "top": 0}\')\n',
            "garbled",
            "no table",
        ),
        ("sys.stdout.buffer.write(b'x' * (3 << 20))\n", "memory", "more memory than the reader may take (2 MB)"),
        ("x = bytearray(2 << 30)\n", "memory", "more memory than the reader may take (1024 MB)"),
    ],
    ids=["sigkill", "segfault", "too-slow", "not-json", "not-a-table", "answer-too-long", "memory-error"],
)
def test_a_worker_that_dies_or_misbehaves_is_a_file_that_could_not_be_read(
    body: str, reason: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if reason == "memory" and "bytearray" in body:  # the real worker's own limit, set first
        body = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({sheet_reader.MEMORY_LIMIT},) * 2)\n{body}"
    fake_worker(tmp_path, monkeypatch, body)
    monkeypatch.setattr(sheet_reader, "WALL_SECONDS", 1)
    monkeypatch.setattr(sheet_reader, "OUTPUT_LIMIT", 2 * sheet_reader.MB)
    with pytest.raises(FileNotRead) as caught:
        read_workbook(workbook(GOOD), "offers.xlsx", None)
    assert caught.value.reason == reason and caught.value.key == f"error.not_read.{reason}"
    assert str(caught.value).startswith("offers.xlsx: this file could not be read: ") and message in str(caught.value)


def test_the_real_worker_reads_a_workbook_and_its_limit_stops_a_hostile_one() -> None:
    assert read_workbook(workbook(GOOD), "offers.xlsx", None).records == [["name"], ["Chess club"]]
    with pytest.raises(FileNotRead, match="reading it needs more memory"):
        read_workbook(workbook(FAR, member="xl/worksheets/sheet1.dat"), "far.xlsx", None)


def test_under_a_crowd_at_most_WORKERS_read_at_once_and_the_rest_wait_their_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log"
    fake_worker(
        tmp_path,
        monkeypatch,
        f"open({str(log)!r}, 'a').write(f'+\\n'); time.sleep(0.6)\nopen({str(log)!r}, 'a').write(f'-\\n')\n" + ANSWER,
    )
    results: list[object] = []

    def read() -> None:
        results.append(read_workbook(workbook(GOOD), "offers.xlsx", None).sheet)

    crowd = [threading.Thread(target=read) for _ in range(sheet_reader.WORKERS * 2 + 1)]
    started = time.perf_counter()
    for thread in crowd:
        thread.start()
    for thread in crowd:
        thread.join()
    running, most = 0, 0
    for mark in log.read_text().split():
        running += 1 if mark == "+" else -1
        most = max(most, running)
    assert results == ["Offers"] * len(crowd) and most == sheet_reader.WORKERS
    assert time.perf_counter() - started >= 3 * 0.6  # three rounds of WORKERS


def test_when_every_worker_is_busy_too_long_the_reader_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_reader, "WALL_SECONDS", 0.2)
    monkeypatch.setattr(sheet_reader, "_SLOTS", threading.BoundedSemaphore(1))
    sheet_reader._SLOTS.acquire()  # another upload holds the only worker
    with pytest.raises(FileNotRead, match="the server is reading other files; try again in a minute"):
        read_workbook(workbook(GOOD), "offers.xlsx", None)
