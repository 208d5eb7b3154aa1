"""Commands: import-offers (a CSV or XLSX file into a workshop's offer register), export-offers."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workshop.cli.core import open_store
from workshop.config.messages import lines
from workshop.domain.errors import ImportRejected, InvalidInput, UnreadableFile
from workshop.domain.offer_fields import IMPORT_FIELDS
from workshop.files.limits import check_size
from workshop.files.spreadsheet import SEPARATORS, guess_mapping, ignored_columns, mapping_with, read_source
from workshop.services.register.offer_import import import_offers
from workshop.services.whole.register_files import register_csv, register_xlsx
from workshop.services.workshops.lifecycle import get_workshop


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.sheet == "":
        raise InvalidInput("error.cli.sheet_name", field="sheet")
    try:
        with path.open("rb") as file:
            check_size(os.fstat(file.fileno()).st_size, path.name)  # the page's limit, before a byte is read
            data = file.read()
    except OSError as exc:
        raise UnreadableFile("error.file.cannot_open", file=str(path), reason=str(exc.strerror)) from exc
    engine = open_store()
    get_workshop(engine, args.id)
    table = read_source(data, path.name, args.sheet)
    if args.sheet is not None and table.kind != "xlsx":
        raise InvalidInput("error.cli.csv_has_no_sheets", sheet=args.sheet, file=path.name, field="sheet")
    about = f"sheet {table.sheet!r}" if table.kind == "xlsx" else f"{table.encoding}, {SEPARATORS[table.separator]}"
    print(f"{path.name}: {len(table.rows)} rows ({about})")
    mapping = mapping_with(table.header, guess_mapping(table.header), args.map or "")
    ignored = ignored_columns(table.header, mapping)
    if ignored:
        listed = ", ".join(repr(h) for h in ignored)
        print(f'ignored columns (not read): {listed}; to read one, add --map "Header=field"')
    try:
        result = import_offers(engine, args.id, table, mapping)
    except ImportRejected as exc:
        print(f"{path.name} was rejected; nothing was imported. {exc.count} problem(s):", file=sys.stderr)
        print("\n".join(lines(exc.lines(), "en")), file=sys.stderr)
        return 1
    print(f"added {result.added}, updated {result.updated} offers; {result.new_partners} new partners")
    if result.undecided:
        print(f"{result.undecided} offers tie between spaces: choose their primary space in the offer register")
    return 0


def _export(args: argparse.Namespace) -> int:
    engine = open_store()
    get_workshop(engine, args.id)
    out = Path(args.out or f"offers-{args.id}.{args.format}")
    if args.format == "csv":
        out.write_bytes(register_csv(engine, args.id, args.what))
    else:
        out.write_bytes(register_xlsx(engine, args.id))
    print(out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import-offers",
        help="import offers from CSV or XLSX; all or nothing, exits 1 with a row report on a bad file",
    )
    imp.add_argument("id", type=int, help="the workshop id (see `list`)")
    imp.add_argument("file", help="a .csv (UTF-8, UTF-8 BOM or cp1252; , ; or tab) or .xlsx file")
    imp.add_argument("--sheet", help="the XLSX sheet to read (default: the first)")
    imp.add_argument(
        "--map",
        metavar="HEADER=FIELD,...",
        help='map columns by hand where the header is not recognised, e.g. "Antal=reach,Noter=ignore"; fields: '
        + ", ".join(IMPORT_FIELDS),
    )
    imp.set_defaults(func=_import)

    exp = sub.add_parser("export-offers", help="export the offer register (or partners) to CSV or XLSX")
    exp.add_argument("id", type=int)
    exp.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    exp.add_argument("--what", choices=["offers", "partners"], default="offers", help="for CSV: which register")
    exp.add_argument("--out", help="file to write (default: offers-ID.csv/.xlsx)")
    exp.set_defaults(func=_export)
