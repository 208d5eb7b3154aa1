"""Command: leaflet (the library's assets as the printable "Vi kan – vil du?" leaflet, one HTML page)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop.cli.core import open_store
from workshop.services.register.assets import leaflet_html


def _leaflet(args: argparse.Namespace) -> int:
    out = Path(args.out or f"leaflet-{args.id}.html")
    out.write_text(leaflet_html(open_store(), args.id), encoding="utf-8")
    print(out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    leaflet = sub.add_parser(
        "leaflet", help="the library's assets as a one-page leaflet for partners (HTML, in the workshop's language)"
    )
    leaflet.add_argument("id", type=int, help="the workshop id (see `list`)")
    leaflet.add_argument("--out", help="file to write (default: leaflet-ID.html)")
    leaflet.set_defaults(func=_leaflet)
