"""A crafted backup is refused whole (issue 24, item 6): values the app never accepts as input, and rows
that name a team, question, vote or item of another workshop (or of none). Each is refused by
`python -m workshop restore --replace` with exit 2 and one line naming the table, row and column, and the
database (holding the demo and a second workshop) is exactly as it was. The untouched backup of the same
database restores, so each refusal comes from its one change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.conftest import demo_copy, run_cli
from tests.reliability.test_backup_round_trip import fingerprint
from workshop.domain.identity import SignInRules
from workshop.services.access.sign_in import remember_team, save_rules
from workshop.services.whole.backup import snapshot
from workshop.services.workshops.lifecycle import add_team, create_workshop, list_teams
from workshop.store import make_engine, migrate

OTHER_TEAM = "the other workshop's team"  # replaced by that team's id
TEN_MB = "x" * 10_000_000
INT_MAX = 2_147_483_647  # fits the database's integer column, so only the app's rules can refuse it

# (what is crafted, table, changes to its first row, the column the error names)
CRAFTED: list[tuple[str, str, dict[str, Any], str]] = [
    ("a description of 10 MB", "workshops", {"description": TEN_MB}, "description"),
    ("a question with 5,000 options", "questions", {"options": [f"option {n}" for n in range(5000)]}, "options"),
    ("a threshold of 1e308", "workshops", {"weak_gap": 1e308}, "weak_gap"),
    ("a threshold of -1e308", "workshops", {"strong_strength": -1e308}, "strong_strength"),
    ("a vote of 2,147,483,647 dots", "votes", {"dots": INT_MAX}, "dots"),
    ("2,147,483,647 dots on one item", "vote_dots", {"dots": INT_MAX}, "dots"),
    ("an offer of strength 999", "offers", {"strength": 999}, "strength"),
    ("an offer's contribution of 99", "offers", {"inspiration": 99}, "inspiration"),
    ("a mapping's contribution of 99", "mappings", {"learning": 99}, "learning"),
    ("a mapping of strength 999", "mappings", {"strength": 999}, "strength"),
    ("an answer's rating of 999", "responses", {"rating": 999}, "rating"),
    ("a space weight of 99", "space_weights", {"weight": 99}, "weight"),
    (
        "a passcode hash asking for a billion rounds",
        "workshops",
        {"facilitator_code_hash": "scrypt$16384$8$1000000000$" + "0" * 32 + "$" + "0" * 64},
        "facilitator_code_hash",
    ),
    ("a team code salt that is not hexadecimal", "workshops", {"team_code_salt": "not hex at all"}, "team_code_salt"),
    ("an answer by another workshop's team", "responses", {"team_id": OTHER_TEAM}, "team_id"),
    ("dots by another workshop's team", "vote_dots", {"team_id": OTHER_TEAM}, "team_id"),
    ("a reaction by another workshop's team", "reactions", {"team_id": OTHER_TEAM}, "team_id"),
    (
        "a screening by another workshop's team",
        "screenings",
        {"team_id": OTHER_TEAM, "rater": f"team:{OTHER_TEAM}"},
        "team_id",
    ),
    ("a mapping by another workshop's team", "mappings", {"team_id": OTHER_TEAM}, "team_id"),
    ("a screening by a team its rater does not name", "screenings", {"rater": "team:999"}, "rater"),
    ("an answer to a question the backup lacks", "responses", {"question_id": 999_999}, "question_id"),
    ("a dot on an item its vote does not hold", "vote_dots", {"item_id": 999_999}, "item_id"),
    ("a roster address in capitals", "team_members", {"email": "SOFIE@LIBRARY.EXAMPLE"}, "email"),
    ("a roster address that is none", "team_members", {"email": "sofie"}, "email"),
    ("a roster row in another workshop's team", "team_members", {"team_id": OTHER_TEAM}, "team_id"),
    ("a way to a team that is none", "sign_in_rules", {"team_access": "everybody"}, "team_access"),
    ("a facilitator address that is none", "sign_in_rules", {"facilitator_emails": ["x"]}, "facilitator_emails"),
    ("a leadership group of 10 MB", "sign_in_rules", {"leadership_groups": [TEN_MB]}, "leadership_groups"),
    ("a second team with the same code", "teams", {}, "workshop_id, code_hash"),
    ("a second offer of the same name", "offers", {}, "name"),
]
# The clash is named at the row that repeats an earlier one.
ROW = {"a second team with the same code": 2, "a second offer of the same name": 2}


@pytest.fixture
def held(engine: Engine) -> tuple[Engine, dict[str, Any], int]:
    """The demo (with sign-on rules and a roster) and a second workshop with one team; the database's backup
    document and that team's id."""
    demo = demo_copy(engine)
    save_rules(engine, demo, SignInRules(facilitator_emails=frozenset({"frida@library.example"})))
    remember_team(engine, demo, "sofie@library.example", int(list_teams(engine, demo)[0].id or 0))
    other = create_workshop(engine, "Another library", "facilitate-me-2027", "lead-the-week-2027")
    team = add_team(engine, other, "Outsiders")[0]
    return engine, snapshot(engine), int(team.id or 0)


def _crafted(doc: dict[str, Any], table: str, changes: dict[str, Any], team: int) -> dict[str, Any]:
    crafted = json.loads(json.dumps(doc))
    rows = crafted["tables"][table]
    for column, value in changes.items():
        rows[0][column] = team if value == OTHER_TEAM else value
        if isinstance(value, str) and OTHER_TEAM in value and value != OTHER_TEAM:
            rows[0][column] = value.replace(OTHER_TEAM, str(team))
    if table == "teams":  # the clash: the second row repeats the first's code in the same workshop
        rows[1]["code_hash"] = rows[0]["code_hash"]
    if table == "offers":  # the register's rule: one name once per workshop, case ignored
        rows[1]["name"] = rows[0]["name"].upper()
    return crafted


@pytest.mark.parametrize(("what", "table", "changes", "column"), CRAFTED, ids=[c[0] for c in CRAFTED])
def test_a_crafted_backup_is_refused_in_one_line_and_changes_nothing(
    held: tuple[Engine, dict[str, Any], int],
    store_url: str,
    tmp_path: Path,
    what: str,
    table: str,
    changes: dict[str, Any],
    column: str,
) -> None:
    engine, doc, team = held
    file = tmp_path / "crafted.json"
    file.write_text(json.dumps(_crafted(doc, table, changes, team)), encoding="utf-8")
    before = fingerprint(engine)

    refused = run_cli(store_url, "restore", str(file), "--replace")

    lines = refused.stderr.splitlines()
    assert refused.returncode == 2, (what, refused.stderr[:500])
    assert len(lines) == 1 and f"table {table}, row {ROW.get(what, 1)}, {column}: " in lines[0], (what, lines)
    assert len(lines[0]) < 600 and "Traceback" not in refused.stderr  # the 10 MB text is not echoed
    assert fingerprint(engine) == before  # nothing deleted, nothing written


def test_the_untouched_backup_of_the_same_database_restores(
    held: tuple[Engine, dict[str, Any], int], store_url: str, tmp_path: Path
) -> None:
    """The control: each refusal above comes from its one change, not from the demo or the second workshop."""
    engine, doc, _ = held
    file = tmp_path / "real.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    before = fingerprint(engine)
    restored = run_cli(store_url, "restore", str(file), "--replace")
    assert restored.returncode == 0, restored.stderr
    assert fingerprint(engine) == before
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    migrate(fresh)
    assert run_cli(str(fresh.url), "restore", str(file)).returncode == 0
    assert snapshot(fresh) == doc
    fresh.dispose()
