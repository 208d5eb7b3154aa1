"""`python -m workshop`: the command line. Each command module registers its own subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workshop.cli import core, leaflet, offers, scores, workshops
from workshop.domain.errors import WorkshopError

# A later command adds its module here; each has register(subparsers).
COMMAND_MODULES = [core, offers, scores, workshops, leaflet]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workshop",
        description="Strategy workshops on the four spaces model. Honours WORKSHOP_DATABASE_URL.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WorkshopError as exc:
        print(f"error: {exc}", file=sys.stderr)  # str(): its English text, from the keys
        return 2
