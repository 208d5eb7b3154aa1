"""Commands for personal data (issue 30): retention (erase what is past its retention period; --dry-run says
what would go), person-data (every place one person appears, as JSON) and erase-person (erase them)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workshop.cli.core import open_store
from workshop.services.privacy.people import erase_person, person_document
from workshop.services.privacy.retention import run_retention
from workshop.services.workshops.lifecycle import get_workshop


def _changes(counts: dict[str, dict[str, int]]) -> list[str]:
    """One line per table: how many of its rows changed, in which fields."""
    lines = []
    for table, fields in sorted(counts.items()):
        rows = max(fields.values())
        named = ", ".join(f"{field} {n}" for field, n in sorted(fields.items()))
        lines.append(f"  {table}: {rows} row{'s' if rows != 1 else ''} ({named})")
    return lines


def _retention(args: argparse.Namespace) -> int:
    done = run_retention(open_store(), dry_run=args.dry_run)
    if not done:
        print("no workshop is past its retention period")
    for item in done:
        verb = "would change" if args.dry_run else "changed"
        print(f"workshop {item.workshop_id} {item.name!r}, kept until {item.until.isoformat()}: {verb}")
        print("\n".join(_changes(item.changed)) or "  nothing (its personal data is erased already)")
    return 0


def _person_data(args: argparse.Namespace) -> int:
    document = person_document(open_store(), args.id, args.who)
    hits = json.loads(document)["found"]
    Path(args.out).write_text(document, encoding="utf-8")
    tables = len({hit["table"] for hit in hits})
    print(f"{args.out}: {len(hits)} place{'s' if len(hits) != 1 else ''} in {tables} table{'s' if tables != 1 else ''}")
    return 0


def _confirmed(question: str) -> bool:
    """A yes on stdin; nothing (no stdin, an empty line, the end of input) is a no."""
    try:
        if sys.stdin is None:
            return False
        if sys.stdin.isatty():
            print(question + " [y/N] ", end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("y", "yes")


def _erase_person(args: argparse.Namespace) -> int:
    engine = open_store()
    workshop = get_workshop(engine, args.id)
    found = erase_person(engine, args.id, args.who, apply_it=False)
    if not found:
        print(f"nothing in workshop {args.id} names {args.who!r}")
        return 0
    question = f"Erase {args.who!r} from workshop {args.id} {workshop.name!r}? This cannot be undone."
    if not (args.yes or _confirmed(question)):
        print("error: nothing was erased: no yes on stdin (answer yes, or pass --yes)", file=sys.stderr)
        return 2
    changed = erase_person(engine, args.id, args.who)
    print(f"erased {args.who!r} from workshop {args.id}:")
    print("\n".join(_changes(changed)))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    retention = sub.add_parser(
        "retention", help="erase the personal data of every workshop past its retention period (also run daily)"
    )
    retention.add_argument("--dry-run", action="store_true", help="change nothing: say what would be erased")
    retention.set_defaults(func=_retention)

    data = sub.add_parser("person-data", help="every place a workshop names one person, as JSON (table and field)")
    data.add_argument("id", type=int, help="the workshop id (see `list`)")
    data.add_argument("who", metavar="NAME_OR_EMAIL", help="the person's name or e-mail (case and spacing ignored)")
    data.add_argument("--out", required=True, help="the JSON file to write")
    data.set_defaults(func=_person_data)

    erase = sub.add_parser("erase-person", help="erase one person from a workshop; prints what changed per table")
    erase.add_argument("id", type=int, help="the workshop id (see `list`)")
    erase.add_argument("who", metavar="NAME_OR_EMAIL", help="the person's name or e-mail (case and spacing ignored)")
    erase.add_argument("--yes", action="store_true", help="do not ask: erase at once")
    erase.set_defaults(func=_erase_person)
