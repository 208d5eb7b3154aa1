"""Commands: teams (list a workshop's teams), add-team (a team and its join code and link), delete (a
workshop and everything in it, as the owner, after a yes on stdin or --yes)."""

from __future__ import annotations

import argparse
import sys

from workshop.cli.core import open_store
from workshop.domain.model import Workshop
from workshop.services.week.teams import join_link
from workshop.services.workshops.lifecycle import add_team, delete_workshop, get_workshop, list_teams

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


def _confirmed(workshop: Workshop) -> bool:
    """A yes on stdin; nothing (no stdin, an empty line, the end of input) is a no. The question is asked
    only of a person at a terminal; the name is shown escaped (it is user text, and may hold control codes)."""
    stream = sys.stdin
    try:
        if stream is None:
            return False
        if stream.isatty():
            print(
                f"Delete workshop {workshop.id} {workshop.name!r} with its teams, answers and everything else "
                "in it? This cannot be undone. [y/N] ",
                end="",
                file=sys.stderr,
                flush=True,
            )
        answer = stream.readline()
    except (OSError, ValueError):  # stdin closed, or not readable (a test runner's)
        return False
    return answer.strip().lower() in ("y", "yes")


def _delete(args: argparse.Namespace) -> int:
    engine = open_store()
    workshop = get_workshop(engine, args.id)
    if not (args.yes or _confirmed(workshop)):
        print(
            f"error: workshop {args.id} was not deleted: no yes on stdin (answer yes, or pass --yes)", file=sys.stderr
        )
        return 2
    delete_workshop(engine, args.id)
    print(f"deleted workshop {args.id} {workshop.name!r}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    delete = sub.add_parser(
        "delete", help="delete a workshop and everything in it, as the owner (asks for yes on stdin first)"
    )
    delete.add_argument("id", type=int, help="the workshop id (see `list`)")
    delete.add_argument("--yes", action="store_true", help="do not ask: delete at once")
    delete.set_defaults(func=_delete)
