"""Hostile spreadsheets are refused with a message before any parser sees them. The readers run in a
subprocess: calamine aborting the process (a Rust allocation failure, not an exception) fails the test
instead of killing pytest."""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from workshop.domain.errors import UnreadableFile
from workshop.files.limits import MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES
from workshop.files.spreadsheet import read_source
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import make_engine, migrate

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Offers" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
)
HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'


def workbook(
    sheet_data: str | Iterable[str],
    dimension: str = "",
    prefix: str = "",
    member: str = "xl/worksheets/sheet1.xml",
    extra: dict[str, bytes] | None = None,
    level: int | None = None,
) -> bytes:
    """A minimal XLSX written by hand, with the given sheetData rows (and <dimension ref>), streamed; the
    sheet is stored as `member` (the workbook's relationships point there) beside any `extra` members.
    `level`: zlib's compression level (its default unless given)."""
    ns = f"xmlns{':' + prefix if prefix else ''}"
    p = f"{prefix}:" if prefix else ""
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{dim}<{p}sheetData>'
    )
    parts = [sheet_data] if isinstance(sheet_data, str) else sheet_data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.replace("worksheets/sheet1.xml", member[3:]))
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        with archive.open(member, "w") as sheet:
            for text in (head, *parts, f"</{p}sheetData></{p}worksheet>"):
                sheet.write(text.encode())
    return out.getvalue()


def far_cell(member: str = "xl/worksheets/sheet1.xml") -> bytes:
    return workbook(
        HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "A1:XFD1048576", member=member
    )


def far_cell_as_dat() -> bytes:
    """The sheet stored as sheet1.dat: calamine finds it through the relationships, whatever its name."""
    return far_cell("xl/worksheets/sheet1.dat")


def far_cell_without_extension() -> bytes:
    return workbook(HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', member="xl/worksheets/sheet1")


def far_cell_hidden() -> bytes:
    """The same cell without a dimension, behind a namespace prefix, in single quotes, r not first."""
    return workbook(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>'
        "<x:row r='1048576'><x:c s='0' r='XFD1048576'><x:v>1</x:v></x:c></x:row>",
        prefix="x",
    )


def wide_without_numbers() -> bytes:
    """Cells without a number follow the one before: 300 of them in a row reach column 300."""
    return workbook(HEADER_ROW + "<row>" + "<c><v>1</v></c>" * (MAX_COLUMNS + 100) + "</row>")


def zip_bomb() -> bytes:
    """About 4 MB that expands to about 500 MB of sheet XML (zlib's quickest level: 2.5 s to make instead of
    5.6 s at its default, which packs it into 2.5 MB)."""
    row = '<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>' + "x" * 2000 + "</t></is></c></row>"
    return workbook(itertools.chain([HEADER_ROW], (row.format(i) for i in range(2, 250_000))), level=1)


READER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a runaway reader fails, never the machine
from workshop.domain.errors import WorkshopError
from workshop.files.spreadsheet import read_source, sheet_names
data = open(sys.argv[1], "rb").read()
sheet_names(data)
try:
    table = read_source(data, "hostile.xlsx")
except WorkshopError as exc:
    print("refused:", exc)
else:
    print("read", len(table.rows), "rows")
"""


def read_in_subprocess(data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-c", READER, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (far_cell, f"1,048,576 rows is over the limit of {MAX_ROWS:,} rows"),
        (far_cell_hidden, f"1,048,576 rows is over the limit of {MAX_ROWS:,} rows"),
        (far_cell_as_dat, f"xl/worksheets/sheet1.dat: 1,048,576 rows is over the limit of {MAX_ROWS:,} rows"),
        (far_cell_without_extension, f"xl/worksheets/sheet1: 1,048,576 rows is over the limit of {MAX_ROWS:,} rows"),
        (wide_without_numbers, f"300 columns is over the limit of {MAX_COLUMNS:,} columns"),
        (zip_bomb, "over the limit of 200.0 MB"),
    ],
    ids=[
        "cell-at-XFD1048576",
        "same-hidden-behind-a-prefix",
        "sheet-member-named-dat",
        "sheet-member-without-extension",
        "numberless-cells",
        "zip-bomb",
    ],
)
def test_a_hostile_workbook_is_refused_with_a_message_and_the_process_survives(
    data: Callable[[], bytes], message: str, tmp_path: Path
) -> None:
    done = read_in_subprocess(data(), tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("refused: hostile.xlsx") and message in done.stdout, done.stdout


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.dat", "xl/worksheets/sheet1"])
def test_the_cli_refuses_the_far_cell_workbook_with_one_line_and_exit_2(member: str, tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    path.write_bytes(far_cell(member))
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    wid = create_workshop(engine, "Week", "facilitate-Week-2026", "leadership-Week-2026")
    engine.dispose()
    env = {**os.environ, "WORKSHOP_DATABASE_URL": url}
    command = [sys.executable, "-m", "workshop", "import-offers", str(wid), str(path)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [
        f"error: far.xlsx, {member}: 1,048,576 rows is over the limit of {MAX_ROWS:,} rows"
    ]


def test_a_csv_over_the_row_or_size_limit_is_refused_naming_the_file() -> None:
    with pytest.raises(UnreadableFile, match=f"long.csv: {MAX_ROWS + 1:,} rows is over the limit"):
        read_source(b"name;Meeting space\n" + b"Club;1\n" * MAX_ROWS, "long.csv")
    with pytest.raises(UnreadableFile, match=re.escape("big.csv: 50,000,019 bytes is over the limit of 50.0 MB")):
        read_source(b"name;Meeting space\n" + b"x" * MAX_UPLOAD_BYTES, "big.csv")


def test_an_ordinary_workbook_still_reads(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Club {i}</t></is></c></row>' for i in range(2, 500))
    done = read_in_subprocess(workbook(HEADER_ROW + rows, "A1:A499"), tmp_path)
    assert done.stdout.strip() == "read 498 rows", done.stderr[-2000:]


def test_a_workbook_with_a_picture_still_reads(tmp_path: Path) -> None:
    """A picture is binary (not XML) and no relationship makes it a sheet: it is measured, not parsed."""
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64 + b'x:c <c r="ZZ9"'
    data = workbook(
        HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>Club</t></is></c></row>',
        extra={"xl/media/image1.png": picture},
    )
    assert read_source(data, "logo.xlsx").rows == [["Club"]]
