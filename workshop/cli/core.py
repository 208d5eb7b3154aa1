"""Commands: list, new, demo, export, backup, restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from workshop.cli.edge import store_error
from workshop.domain.carry_over import PARTS, parts_without
from workshop.domain.codes import new_passcode
from workshop.domain.errors import InvalidInput
from workshop.domain.model import LANGUAGES
from workshop.files.exports import FORMATS
from workshop.services.whole.backup import backup, restore
from workshop.services.whole.carry_over import new_from
from workshop.services.whole.demo import create_demo
from workshop.services.whole.export import to_json
from workshop.services.whole.reports import export_file_name, write_export
from workshop.services.workshops.lifecycle import create_workshop, list_workshops
from workshop.store import make_engine, migrate


def open_store() -> Engine:
    """The database from WORKSHOP_DATABASE_URL (or the default SQLite file), at the current schema; a URL
    that opens no database is bad input (InvalidInput, one line), not a traceback."""
    try:
        engine = make_engine()
        migrate(engine)
    except (SQLAlchemyError, ImportError) as exc:
        raise store_error(exc) from exc
    return engine


def _list(_: argparse.Namespace) -> int:
    for w in list_workshops(open_store()):
        print(f"{w.id}\t{w.name}")
    return 0


def _new(args: argparse.Namespace) -> int:
    facilitator, leadership = args.facilitator_code or new_passcode(), args.leadership_code or new_passcode()
    if args.earlier is not None:
        if args.template or args.language:
            raise InvalidInput("error.cli.from_and_template", field="template")
        parts = parts_without(args.without.split(","))
        workshop_id = new_from(
            open_store(), args.earlier, args.name, facilitator, leadership, parts, strict_passcodes=True
        )
    else:
        if args.without:
            raise InvalidInput("error.cli.without_needs_from", field="without")
        workshop_id = create_workshop(
            open_store(),
            args.name,
            facilitator,
            leadership,
            template_key=args.template or None,
            language=args.language or "en",
            strict_passcodes=True,
        )
    print(workshop_id)
    # Generated passcodes are shown this once (only their hashes are stored), apart from the id on stdout.
    if not args.facilitator_code:
        print(f"facilitator passcode: {facilitator}", file=sys.stderr)
    if not args.leadership_code:
        print(f"leadership passcode: {leadership}", file=sys.stderr)
    return 0


def _demo(args: argparse.Namespace) -> int:
    print(create_demo(open_store(), args.language))
    return 0


def _export(args: argparse.Namespace) -> int:
    engine = open_store()
    if args.out is None and args.format == "json":
        sys.stdout.write(to_json(engine, args.id, args.include_contact_details) + "\n")
        return 0
    out = Path(args.out or export_file_name(engine, args.id, args.format))
    write_export(engine, args.id, args.format, out, args.include_contact_details)
    print(out)
    return 0


def _backup(args: argparse.Namespace) -> int:
    counts = backup(open_store(), Path(args.file))
    print(f"{args.file}: {sum(counts.values())} rows in {len(counts)} tables")
    return 0


def _restore(args: argparse.Namespace) -> int:
    counts = restore(open_store(), Path(args.file), replace=args.replace)
    print(f"restored {sum(counts.values())} rows from {args.file}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("list", help="one line per workshop: id <TAB> name").set_defaults(func=_list)

    new = sub.add_parser("new", help="create a workshop; prints its id")
    new.add_argument("--template", default="", help="template key, e.g. four_spaces_week (empty: from scratch)")
    new.add_argument("--name", required=True)
    new.add_argument(
        "--language",
        choices=LANGUAGES,
        default="",
        help="content language of the template's texts and the report (default: en)",
    )
    new.add_argument(
        "--from",
        dest="earlier",
        type=int,
        help="an earlier workshop's id: carry its " + ", ".join(PARTS) + " (never its teams, answers or themes)",
    )
    new.add_argument(
        "--without", default="", help="with --from: parts to leave out, comma-separated, e.g. offers,partners"
    )
    new.add_argument(
        "--facilitator-code", default="", help="passcode for facilitators (12+ characters; default: generated, printed)"
    )
    new.add_argument(
        "--leadership-code", default="", help="passcode for leadership (12+ characters; default: generated, printed)"
    )
    new.set_defaults(func=_new)

    demo = sub.add_parser("demo", help="(re)create the demo workshop; prints its id")
    demo.add_argument("--language", choices=LANGUAGES, default="en", help="the demo's content language (default: en)")
    demo.set_defaults(func=_demo)

    export = sub.add_parser("export", help="export one workshop")
    export.add_argument("id", type=int)
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (raw), xlsx (a sheet per entity + every answer), csv (a zip: answers.csv + one CSV per entity), "
        "html (the printable report, readable offline), "
        "docx (the same report as a Word document leadership can edit; its charts given as tables of their figures)",
    )
    export.add_argument(
        "--out",
        help="file to write (default: stdout for json, else the workshop's name and today's date, "
        "e.g. strategy-week-2027_2026-12-06.docx)",
    )
    export.add_argument(
        "--include-contact-details",
        action="store_true",
        help="keep contact persons' e-mail addresses and phone numbers (left out by default)",
    )
    export.set_defaults(func=_export)

    back = sub.add_parser(
        "backup", help="write the whole database to a JSON file (complete, contact details too: it is for restoring)"
    )
    back.add_argument("file")
    back.set_defaults(func=_backup)

    rest = sub.add_parser("restore", help="load a backup into an empty database")
    rest.add_argument("file")
    rest.add_argument("--replace", action="store_true", help="overwrite a database that already holds workshops")
    rest.set_defaults(func=_restore)
