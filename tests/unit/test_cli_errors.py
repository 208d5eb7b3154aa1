"""Every command of `python -m workshop` given bad arguments, a bad file or a bad database says so in one
line on stderr, exits 2 and changes nothing (issue 24.8): the CLI's one error edge (workshop.cli.edge),
not a fix per case. The table names each case; every command is in it, and every command that takes an
id also gets an id beyond 64 bits, found by walking the parser (a new command is covered as it comes)."""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conftest import ROOT, demo_copy, run_cli
from workshop.cli import build_parser
from workshop.files.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB
from workshop.services.whole.backup import snapshot

BEYOND_64_BITS = str(2**64)
GARBAGE_URL = "not a database"
UNREACHABLE_URL = "postgresql+psycopg://workshop:secret-password@127.0.0.1:1/nowhere"
NO_DRIVER_URL = "mysql://workshop:secret-password@127.0.0.1/nowhere"


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _id_cases() -> list[tuple[str, list[str]]]:
    """Each command with a positional id, given 2**64 there and a placeholder in its other positionals."""
    cases = []
    for name, parser in _commands().items():
        positionals = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
        if any(a.dest == "id" for a in positionals):
            args = [BEYOND_64_BITS if a.dest == "id" else "x" for a in positionals]
            cases.append((f"{name}-id-beyond-64-bits", [name, *args]))
    return cases


# (case, arguments with {dir} for this test's folder and {id} for the demo workshop, database URL or None
# for the test's own, what the one line says)
CASES: list[tuple[str, list[str], str | None, str]] = [
    ("no-command", [], None, "the following arguments are required: command"),
    ("unknown-command", ["erase-everything"], None, "invalid choice: 'erase-everything'"),
    ("list-garbage-url", ["list"], GARBAGE_URL, "WORKSHOP_DATABASE_URL is not a database URL"),
    ("list-unreachable-server", ["list"], UNREACHABLE_URL, "cannot be used: connection failed"),
    ("list-sqlite-in-missing-folder", ["list"], "sqlite:///{dir}/missing/w.sqlite3", "/missing does not exist"),
    ("list-no-driver", ["list"], NO_DRIVER_URL, "names a kind of database this app has no driver for"),
    ("scores-garbage-url", ["scores", "{id}"], GARBAGE_URL, "WORKSHOP_DATABASE_URL is not a database URL"),
    ("new-short-passcode", ["new", "--name", "W", "--facilitator-code", "short"], None, "at least"),
    ("new-from-beyond-64-bits", ["new", "--name", "W", "--from", BEYOND_64_BITS], None, "is not an id"),
    ("demo-unknown-language", ["demo", "--language", "xx"], None, "invalid choice: 'xx'"),
    ("export-into-missing-folder", ["export", "{id}", "--out", "{dir}/missing/x.json"], None, "No such file"),
    ("export-onto-a-folder", ["export", "{id}", "--out", "{dir}"], None, "Is a directory"),
    ("export-no-such-workshop", ["export", "4242", "--out", "{dir}/x.json"], None, "4242"),
    ("export-no-id", ["export"], None, "the following arguments are required: id"),
    ("export-id-not-a-number", ["export", "one"], None, "'one' is not an id"),
    ("backup-into-missing-folder", ["backup", "{dir}/missing/b.json"], None, "No such file"),
    ("backup-onto-a-folder", ["backup", "{dir}"], None, "Is a directory"),
    ("restore-missing-file", ["restore", "{dir}/missing.json"], None, "missing.json"),
    ("import-missing-file", ["import-offers", "{id}", "{dir}/missing.csv"], None, "No such file"),
    ("import-a-folder", ["import-offers", "{id}", "{dir}"], None, "Is a directory"),
    ("import-csv-with-a-sheet", ["import-offers", "{id}", "{dir}/offers.csv", "--sheet", "Nope"], None, "no sheets"),
    ("import-empty-sheet-name", ["import-offers", "{id}", "{dir}/offers.csv", "--sheet", ""], None, "name the sheet"),
    ("import-over-the-page-limit", ["import-offers", "{id}", "{dir}/big.csv"], None, "over the limit of 50.0 MB"),
    ("import-bad-map", ["import-offers", "{id}", "{dir}/offers.csv", "--map", "Nope=name"], None, "no column"),
    ("export-offers-into-missing-folder", ["export-offers", "{id}", "--out", "{dir}/no/o.csv"], None, "No such file"),
    ("scores-no-such-workshop", ["scores", "4242"], None, "4242"),
    ("teams-negative-id", ["teams", "-5"], None, "'-5' is not an id"),
    ("add-team-no-name", ["add-team", "{id}"], None, "the following arguments are required: name"),
    ("leaflet-into-missing-folder", ["leaflet", "{id}", "--out", "{dir}/missing/l.html"], None, "No such file"),
    ("retention-garbage-url", ["retention", "--dry-run"], GARBAGE_URL, "WORKSHOP_DATABASE_URL is not a database URL"),
    (
        "person-data-into-missing-folder",
        ["person-data", "{id}", "Lise Holm", "--out", "{dir}/no/p.json"],
        None,
        "No such file",
    ),
    ("person-data-no-such-workshop", ["person-data", "4242", "Lise Holm", "--out", "{dir}/p.json"], None, "4242"),
    ("erase-person-blank-name", ["erase-person", "{id}", "  ", "--yes"], None, "Give the person's name or e-mail"),
    *((case, args, None, "is not an id (a whole number from 1 to") for case, args in _id_cases()),
]


def test_every_command_is_in_the_table() -> None:
    covered = {args[0] for _, args, _, _ in CASES if args}
    assert set(_commands()) <= covered, f"commands without a bad-argument case: {set(_commands()) - covered}"


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if "sqlite3" not in p.name}


@pytest.fixture
def prepared(engine: Engine, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """The demo workshop in the test's database (SQLite, then PostgreSQL) and the files the cases name;
    fills a case's placeholders. The 50 MB file only for the case that names it (writing it for every case
    and backend cost more than the rest of this file's tests together)."""
    wid = demo_copy(engine)
    (tmp_path / "offers.csv").write_bytes(b"name;Meeting space\nChess club;2\n")
    if any("big.csv" in arg for arg in request.node.callspec.params["args"]):
        (tmp_path / "big.csv").write_bytes(b"name;Meeting space\n" + b"x" * MAX_UPLOAD_BYTES)
    return lambda text: text.format(dir=tmp_path, id=wid)


@pytest.mark.parametrize(("args", "url", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_command_says_one_line_exits_2_and_changes_nothing(
    args: list[str],
    url: str | None,
    says: str,
    prepared: Callable[[str], str],
    engine: Engine,
    store_url: str,
    tmp_path: Path,
) -> None:
    before, files = snapshot(engine), _files(tmp_path)
    done = run_cli(prepared(url) if url else store_url, *(prepared(a) for a in args))
    lines = done.stderr.splitlines()
    assert (done.returncode, len(lines)) == (2, 1), done.stderr
    assert lines[0].startswith("error: ") and says in lines[0], lines[0]
    assert "secret-password" not in done.stderr
    assert snapshot(engine) == before and _files(tmp_path) == files


def test_the_page_and_the_command_line_share_one_upload_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    # Streamlit's uploader counts server.maxUploadSize in MB of 1,000,000 bytes (1,024 x 1,024 on Windows only).
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB and MAX_UPLOAD_BYTES == 50_000_000
