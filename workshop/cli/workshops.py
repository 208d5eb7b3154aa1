"""Commands: teams (list a workshop's teams), add-team (a team and its join code and link)."""

from __future__ import annotations

import argparse

from workshop.cli.core import open_store
from workshop.services.teams import join_link
from workshop.services.workshops import add_team, get_workshop, list_teams

DEFAULT_APP_URL = "http://localhost:8501"


def _teams(args: argparse.Namespace) -> int:
    engine = open_store()
    get_workshop(engine, args.id)
    for team in list_teams(engine, args.id):
        print(f"{team.id}\t{team.name}")
    return 0


def _add_team(args: argparse.Namespace) -> int:
    engine = open_store()
    language = get_workshop(engine, args.id).language
    team, code = add_team(engine, args.id, args.name)
    # The code is shown this once: only its hash is stored.
    print(f"{code}\t{join_link(args.app_url, code, team.workshop_id, language)}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    teams = sub.add_parser("teams", help="a workshop's teams: id <TAB> name (codes are stored hashed, never shown)")
    teams.add_argument("id", type=int, help="the workshop id (see `list`)")
    teams.set_defaults(func=_teams)

    add = sub.add_parser("add-team", help="add a team; prints its join code <TAB> its join link (shown once)")
    add.add_argument("id", type=int, help="the workshop id (see `list`)")
    add.add_argument("name", help="the team's name")
    add.add_argument(
        "--app-url", default=DEFAULT_APP_URL, help=f"the app's address, for the link (default: {DEFAULT_APP_URL})"
    )
    add.set_defaults(func=_add_team)
