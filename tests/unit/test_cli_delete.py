"""`python -m workshop delete ID [--yes]` (issue 24): the owner's delete on the command line. It asks for a yes
on stdin first; without one (no stdin, a no, an empty line) it changes nothing and exits 2 with one line."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys

import pytest
from sqlalchemy import Engine

from tests.conftest import ROOT, run_cli
from workshop.services.workshops.lifecycle import add_team, create_workshop, list_teams, list_workshops


@pytest.fixture
def two(engine: Engine) -> tuple[int, int]:
    kept = create_workshop(engine, "Roskilde", "facilitate-me", "lead-me-now")
    doomed = create_workshop(engine, "Aarhus's week", "facilitate-me", "lead-me-now")
    add_team(engine, doomed, "Alpha")
    return kept, doomed


def _ids(engine: Engine) -> list[int]:
    return [int(w.id or 0) for w in list_workshops(engine)]


def test_delete_with_yes_deletes_the_workshop_and_everything_in_it(
    engine: Engine, store_url: str, two: tuple[int, int]
) -> None:
    kept, doomed = two
    done = run_cli(store_url, "delete", str(doomed), "--yes")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f'deleted workshop {doomed} "Aarhus\'s week"\n'
    assert _ids(engine) == [kept] and list_teams(engine, doomed) == []


@pytest.mark.parametrize("answer", ["yes\n", "y\n", "YES\n"])
def test_delete_asks_first_and_a_yes_deletes(
    engine: Engine, store_url: str, two: tuple[int, int], monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    done = run_cli(store_url, "delete", str(two[1]))
    assert done.returncode == 0 and _ids(engine) == [two[0]]


@pytest.mark.parametrize("answer", ["no\n", "\n", "", "yes please\n"], ids=["no", "empty-line", "no-input", "other"])
def test_delete_without_a_yes_changes_nothing_and_says_so_in_one_line(
    engine: Engine, store_url: str, two: tuple[int, int], monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    done = run_cli(store_url, "delete", str(two[1]))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"error: workshop {two[1]} was not deleted: no yes on stdin (answer yes, or pass --yes)\n"
    assert _ids(engine) == list(two) and [t.name for t in list_teams(engine, two[1])] == ["Alpha"]


def test_delete_of_a_workshop_that_does_not_exist_is_one_line(engine: Engine, store_url: str) -> None:
    done = run_cli(store_url, "delete", "999", "--yes")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "error: No workshop 999; it may have been deleted.\n")


def test_the_real_command_with_no_stdin_changes_nothing(cli_db: Engine) -> None:
    doomed = create_workshop(cli_db, "Aarhus", "facilitate-me", "lead-me-now")
    env = {**os.environ, "WORKSHOP_DATABASE_URL": str(cli_db.url)}
    command = f"{shlex.quote(sys.executable)} -m workshop delete {doomed}"
    for stdin in ("</dev/null", "<&-"):  # an empty stdin, and none at all (closed)
        done = subprocess.run(
            f"{command} {stdin}", shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "was not deleted" in done.stderr and done.stdout == ""
        assert _ids(cli_db) == [doomed]
