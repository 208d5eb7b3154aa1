"""What a spreadsheet may hold before any parser sees it. An XLSX workbook is a zip: one cell at
XFD1048576 made calamine ask for 512 GB and abort the whole server, and a 2 MB workbook can expand to
half a gigabyte. So the zip's members are measured (really decompressed, not trusting the sizes it
declares) and each sheet's extent is read cheaply from its XML before calamine opens the file. A sheet is
whatever member xl/_rels/workbook.xml.rels points at, whatever its name (`sheet1.dat`, no extension), so
every member is scanned as XML except a picture or other binary part that no relationship makes a sheet.
Behind these checks the reader itself runs in a worker process with a memory limit (sheet_worker)."""

from __future__ import annotations

import copy
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from xml.parsers import expat

from openpyxl.utils import column_index_from_string

from workshop.domain.errors import UnreadableFile

MB = 1024 * 1024
# The file as uploaded, CSV or XLSX: 50 MB as the browser counts them (Streamlit's uploader takes
# server.maxUploadSize = 50 as 50,000,000 bytes), and the same number for the command line.
MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
MAX_UNCOMPRESSED_BYTES = 200 * MB  # all members of a workbook together, decompressed
MAX_MEMBER_BYTES = 150 * MB  # any one member (a sheet, the shared strings), decompressed
MAX_RATIO = 100  # decompressed / compressed for a member over 1 MB; real sheets stay under ~20
MAX_ROWS = 200_000
MAX_COLUMNS = 200
# The reader fills the rectangle from A1 to the last cell, empty cells included.
MAX_CELLS = 5_000_000

_CHUNK = 4 * MB
# Excel, LibreOffice and openpyxl write every row and cell with its number first: found by literal search.
_ROW_REF = re.compile(rb'<row r="(\d{1,9})"')
_CELL_REF = re.compile(rb'<c r="[A-Z]{1,4}\d{1,9}"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,4})\d{1,9}"')
_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,4}(\d{1,9})"')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]+\d+:)?([A-Z]{1,4})(\d{1,9})"')
# Parts that are no XML at all: pictures, OLE (vbaProject.bin, embeddings), zips, PDF, metafiles.
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",
    b"PK\x03\x04",
    b"%PDF",
    b"\xd7\xcd\xc6\x9a",
    b"\x01\x00\x00\x00",
)
_UTF8_PROLOG = re.compile(
    rb'\A(?:\xef\xbb\xbf)?\s*<(?!\?xml[^>]*encoding=["\'](?!utf-?8["\'])[^"\']*["\'])', re.IGNORECASE
)
_TARGET = re.compile(r"[^/\\]+$")


class _Unusual(Exception):
    """XML not written the usual way (prefixes, attribute order, entities): read it with a real parser."""


def _fast_extent(text: bytes) -> tuple[int, int]:
    """(last row, last column) of the rows and cells in text, or _Unusual when a row or cell is written
    in any other way than `<row r="N"` / `<c r="AN"` (then the parser decides)."""
    opened = [text.count(b"<" + tag + end) for tag in (b"row", b"c") for end in (b" ", b">", b"/", b"\t", b"\n", b"\r")]
    numbered = _ROW_REF.findall(text)
    rows, cells = set(numbered), set(_CELL_ROW.findall(text))
    if sum(opened[:6]) != len(numbered) or sum(opened[6:]) != len(_CELL_REF.findall(text)):
        raise _Unusual
    if b":c" in text or b":row" in text:
        raise _Unusual
    last_row = max(map(int, rows | cells), default=0)
    last_column = max(map(_column, set(_CELL_COLUMN.findall(text))), default=0)
    for column, row in _DIMENSION.findall(text):
        last_row, last_column = max(last_row, int(row)), max(last_column, _column(column))
    return last_row, last_column


def _parsed_extent(chunks: Iterator[bytes], where: str) -> tuple[int, int]:
    """(last row, last column) as a reader places them: a row or cell without a number follows the
    previous one; entities, prefixes and encodings (UTF-16) resolved by expat. A document type is refused."""
    state = {"row": 0, "column": 0, "last_row": 0, "last_column": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        ref = attrs.get("r", "")
        if local == "row":
            state["row"] = int(ref) if ref.isdigit() else state["row"] + 1
            state["column"] = 0
        elif local == "c":
            match = re.fullmatch(r"([A-Za-z]{1,4})(\d{1,9})", ref)
            if match:
                state["column"], state["row"] = _column(match.group(1).upper().encode()), int(match.group(2))
            else:
                state["column"] += 1
        elif local == "dimension":
            match = re.search(r"([A-Za-z]{1,4})(\d{1,9})$", attrs.get("ref", ""))
            if match:
                state["last_row"] = max(state["last_row"], int(match.group(2)))
                state["last_column"] = max(state["last_column"], _column(match.group(1).upper().encode()))
            return
        else:
            return
        state["last_row"] = max(state["last_row"], state["row"])
        state["last_column"] = max(state["last_column"], state["column"])

    _parse(chunks, where, start)
    return state["last_row"], state["last_column"]


def _parse(chunks: Iterator[bytes], where: str, start: Callable[[str, dict[str, str]], None]) -> None:
    """Feed the chunks to expat, `start` called at each element; not well-formed XML or a document type
    declaration (entity tricks) is refused."""

    def no_doctype(*_: object) -> None:
        raise UnreadableFile("error.file.doctype", file=where)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = no_doctype
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise UnreadableFile("error.file.damaged", file=where) from exc


def _column(letters: bytes) -> int:
    return column_index_from_string(letters.decode()) if len(letters) <= 3 else 10**6


def check_size(data: bytes | int, filename: str) -> None:
    """Refuse a file (its bytes, or its size) over the upload limit: the page's and the command line's."""
    length = data if isinstance(data, int) else len(data)
    if length > MAX_UPLOAD_BYTES:
        raise UnreadableFile("error.file.too_big", file=filename, size=length, limit=f"{MAX_UPLOAD_MB:.1f} MB")


def check_table(filename: str, rows: int, columns: int, where: str = "") -> None:
    """Refuse a table over the row, column or cell limits (where: 'sheet X' or '')."""
    place = f"{filename}{', ' + where if where else ''}"
    if rows > MAX_ROWS:
        raise UnreadableFile("error.file.too_many_rows", file=place, n=rows, limit=MAX_ROWS)
    if columns > MAX_COLUMNS:
        raise UnreadableFile("error.file.too_many_columns", file=place, n=columns, limit=MAX_COLUMNS)
    if rows * columns > MAX_CELLS:
        raise UnreadableFile("error.file.too_many_cells", file=place, n=rows * columns, limit=MAX_CELLS)


def check_workbook(data: bytes, filename: str) -> None:
    """Refuse a workbook whose members expand too far or whose sheets reach too far (UnreadableFile)."""
    check_size(data, filename)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            # Only XLSX: calamine would otherwise try the file as XLSB or ODS, which these checks do not read.
            if "xl/workbook.xml" not in names or names & {"content.xml", "xl/workbook.bin"}:
                raise UnreadableFile("error.file.not_xlsx", file=filename)
            declared = sum(m.file_size for m in members)
            if declared > MAX_UNCOMPRESSED_BYTES:
                raise UnreadableFile(
                    "error.file.expands", file=filename, size=_mb(declared), limit=_mb(MAX_UNCOMPRESSED_BYTES)
                )
            sheets = _related_parts(archive, filename)
            for member in members:
                _check_member(archive, member, filename, sheets)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, ValueError) as exc:
        raise UnreadableFile("error.file.unreadable_xlsx", file=filename) from exc


def _related_parts(archive: zipfile.ZipFile, filename: str) -> set[str]:
    """The base names (casefolded) of every part the workbook's relationships point at: calamine finds each
    sheet there, whatever the member's name. Base names, not paths: looser than any reader's own lookup."""
    rels = [m for m in archive.infolist() if m.filename.casefold() == "xl/_rels/workbook.xml.rels"]
    targets: set[str] = set()

    def start(name: str, attrs: dict[str, str]) -> None:
        found = _TARGET.search(attrs.get("Target", "")) if name.rpartition(":")[2] == "Relationship" else None
        if found:
            targets.add(found.group(0).casefold())

    for member in rels:
        _parse(_chunks(archive, member, filename), f"{filename}: {member.filename}", start)
    return targets


def _binary(first: bytes) -> bool:
    """A part that is no XML in any encoding: a picture, an OLE or zip file, a metafile."""
    if first.startswith(_BINARY_MAGIC):
        return True
    return b"\x00" in first[:4096] and not first.startswith((b"<\x00", b"\x00<", b"\xff\xfe", b"\xfe\xff"))


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, filename: str, sheets: set[str]) -> None:
    name = member.filename
    if member.file_size > MAX_MEMBER_BYTES:
        raise UnreadableFile(
            "error.file.expands", file=f"{filename}: {name}", size=_mb(member.file_size), limit=_mb(MAX_MEMBER_BYTES)
        )
    if member.file_size > MB and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        ratio = member.file_size // max(member.compress_size, 1)
        raise UnreadableFile("error.file.compressed", file=f"{filename}: {name}", ratio=ratio, limit=MAX_RATIO)
    chunks = _chunks(archive, member, filename)
    first = next(chunks, b"")
    # Every member is scanned for rows, whatever its name, but a picture or other binary part that no
    # relationship points at (calamine reads sheets only through the relationships) and that is not named .xml.
    base = _TARGET.search(name)
    named_xml = name.lower().endswith((".xml", ".rels"))
    if not first or (_binary(first) and not named_xml and (base is None or base.group(0).casefold() not in sheets)):
        for _ in chunks:
            pass
        return
    where = f"{filename}: {name}"
    if not _UTF8_PROLOG.match(first):  # UTF-16, another declared encoding, or text before the first tag
        extent = _parsed_extent(itertools.chain([first], chunks), where)
        check_table(filename, *extent, name)
        return
    try:
        extent, rest = (0, 0), b""
        for chunk in itertools.chain([first], chunks):
            text = rest + chunk
            cut = text.rfind(b"<")  # a tag is never cut in two: the last one waits for the next chunk
            cut = cut if cut > 0 else len(text)
            found = _fast_extent(text[:cut])
            extent, rest = (max(extent[0], found[0]), max(extent[1], found[1])), text[cut:]
            if len(rest) > MB:
                raise _Unusual
        found = _fast_extent(rest)
        extent = (max(extent[0], found[0]), max(extent[1], found[1]))
    except _Unusual:
        extent = _parsed_extent(_chunks(archive, member, filename), where)
    check_table(filename, *extent, name)


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, filename: str) -> Iterator[bytes]:
    """The member's bytes, decompressed as if it might be larger than it says: a member that lies about
    its size is caught here, before a reader that trusts the compressed stream expands it."""
    probe = copy.copy(member)
    probe.file_size = MAX_MEMBER_BYTES + 1
    seen = 0
    with archive.open(probe) as stream:
        while chunk := stream.read(_CHUNK):
            seen += len(chunk)
            if seen > member.file_size:
                raise UnreadableFile("error.file.damaged", file=f"{filename}: {member.filename}")
            yield chunk
    if seen != member.file_size:
        raise UnreadableFile("error.file.damaged", file=f"{filename}: {member.filename}")


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"
