"""`python -m workshop`: the command line. Each command module registers its own subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workshop.cli import core, leaflet, offers, privacy, scores, workshops
from workshop.cli.edge import Parser, one_line
from workshop.domain.history import COMMAND_LINE
from workshop.services.history import acting

# A later command adds its module here; each has register(subparsers).
COMMAND_MODULES = [core, offers, scores, workshops, leaflet, privacy]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m workshop",
        description="Strategy workshops on the four spaces model. Honours WORKSHOP_DATABASE_URL.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code. Every error ends here as one line (workshop.cli.edge)."""
    args = build_parser().parse_args(argv)
    try:
        with acting(COMMAND_LINE):  # the record names the command line as the author of its changes
            return int(args.func(args) or 0)
    except Exception as exc:  # the one edge: whatever it is, one line and an exit code
        line, code = one_line(exc)
        print(line, file=sys.stderr)
        return code
