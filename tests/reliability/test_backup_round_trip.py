"""Backup -> restore into an empty database -> every table has the same rows, checked by count and by a
checksum of its content computed here (not by backup.py's own code): SQLite and PostgreSQL, both ways."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from tests.conftest import database_url
from tests.reliability.conftest import answer_for, open_week
from workshop.services.partnership.partner_proposals import decide_partner_proposal, propose_partner
from workshop.services.partnership.proposals import record_verdict, save_proposal
from workshop.services.partnership.screening import screen_as_team
from workshop.services.register.assets import add_asset, decide_asset_proposal, propose_asset
from workshop.services.week.answers import Answer, save_draft, submit_answer
from workshop.services.week.comments import add_comment, set_hidden
from workshop.services.week.planning import set_publish_log_immediately
from workshop.services.whole.backup import backup, restore
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate, read, write
from workshop.store.tables import (
    actions,
    data_versions,
    metadata,
    role_sessions,
    sign_in_attempts,
    theme_responses,
    themes,
)

# Sign-in throttling and reload-surviving sign-ins are momentary state, not workshop data: a backup leaves
# them out (a restored database signs everyone in afresh).
NOT_BACKED_UP = {sign_in_attempts.name, role_sessions.name}
TRICKY = "Line one\nline two — æøå ❤ <script>alert(1)</script> =SUM(A1) 'quoted' \"double\" \\ tab\tend"


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite keeps UTC without a zone
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def fingerprint(engine: Engine) -> dict[str, tuple[int, str]]:
    """Per table: (row count, sha256 of its rows in primary-key order)."""
    found: dict[str, tuple[int, str]] = {}
    with read(engine) as conn:
        # data_versions counts this database's own writes (for caches): not content, not backed up
        for table in (t for t in metadata.sorted_tables if t is not data_versions):
            if table.name in NOT_BACKED_UP:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            rows = [{k: _value(v) for k, v in r._mapping.items()} for r in conn.execute(select(table).order_by(*order))]
            blob = json.dumps(rows, sort_keys=True, ensure_ascii=False).encode("utf-8")
            found[table.name] = (len(rows), hashlib.sha256(blob).hexdigest())
    return found


def fresh(kind: str, tmp_path: Path, name: str) -> Engine:
    """An empty, migrated database of that kind (PostgreSQL: the test server, wiped)."""
    folder = tmp_path / name
    folder.mkdir()
    engine = make_engine(database_url(kind, folder, migrated=True))
    migrate(engine)
    return engine


def fill(engine: Engine) -> None:
    """The demo, plus a second workshop with answers, an edit, drafts, a theme and an action."""
    create_demo(engine)
    week = open_week(engine, teams=3, template_key="four_spaces_week")
    for n, team in enumerate(week.teams):
        for question in week.questions[: 5 + n]:
            submit_answer(
                engine, team, answer_for(question, f"{TRICKY} {n}"), idempotency_key=f"k-{team.id}-{question.id}"
            )
    text_question = next(q for q in week.questions if q.kind.value == "text")
    submit_answer(engine, week.teams[0], Answer(int(text_question.id or 0), "An edit, later"))
    save_draft(engine, week.teams[1], int(week.questions[-1].id or 0), f"Unsent {TRICKY}")
    set_publish_log_immediately(engine, week.workshop_id, True)  # the log shows the open day: comments
    first = submit_answer(engine, week.teams[0], answer_for(week.questions[0], "Commented on"))
    add_comment(engine, week.teams[1], int(first.id or 0), f"Seen {TRICKY}")
    set_hidden(engine, week.workshop_id, add_comment(engine, week.teams[2], int(first.id or 0), "Rude"), True)
    pid = save_proposal(
        engine,
        week.workshop_id,
        {
            "title": f"Proposal {TRICKY}"[:200],
            "description": TRICKY,
            "spaces": ["meeting"],
            "target_groups": ["children"],
        },
    )
    given = [{"question": 1, "answer": "yes", "note": f"Note {TRICKY}"}, {"question": 14, "answer": "unsure"}]
    screen_as_team(engine, week.teams[0], pid, given)
    record_verdict(engine, week.workshop_id, pid, "conditions", f"Reason {TRICKY}")
    add_asset(engine, week.workshop_id, f"Rooms {TRICKY}", TRICKY)
    decide_asset_proposal(engine, week.workshop_id, propose_asset(engine, week.teams[0], "Wifi", TRICKY), True)
    proposed = propose_partner(engine, week.teams[1], {"name": f"Job centre {TRICKY}"[:200], "contact": "Lise"})
    decide_partner_proposal(engine, week.workshop_id, proposed.id, False)
    with write(engine) as conn:  # no service writes themes and actions yet
        theme_id = conn.execute(
            themes.insert().values(
                workshop_id=week.workshop_id, title="Meet across ages", status="adopt", decision=TRICKY
            )
        ).inserted_primary_key[0]
        # an answer of the same workshop, as the themes service allows (response 1 is the demo's)
        conn.execute(theme_responses.insert().values(theme_id=theme_id, response_id=first.id))
        conn.execute(
            actions.insert().values(
                workshop_id=week.workshop_id, theme_id=theme_id, title="Open stage pilot", due=dt.date(2027, 3, 1)
            )
        )


@pytest.mark.parametrize(
    ("source_kind", "target_kind"),
    [("sqlite", "sqlite"), ("postgresql", "postgresql"), ("sqlite", "postgresql"), ("postgresql", "sqlite")],
)
def test_a_restored_backup_has_the_same_rows_in_every_table(source_kind: str, target_kind: str, tmp_path: Path) -> None:
    source = fresh(source_kind, tmp_path, "source")
    fill(source)
    before = fingerprint(source)
    file = tmp_path / "backup.json"
    counts = backup(source, file)
    source.dispose()
    expected = {name: n for name, (n, _) in before.items()}
    expected["settings"] -= 1  # the schema version belongs to the database, not to the backup
    assert counts == expected  # every table, every row (a table missing from the backup shows here)

    target = fresh(target_kind, tmp_path, "target")  # on the same PostgreSQL server: wiped first
    assert fingerprint(target)["responses"][0] == 0
    restore(target, file)
    after = fingerprint(target)
    target.dispose()
    assert {name: n for name, (n, _) in after.items()} == {name: n for name, (n, _) in before.items()}
    assert after == before
    from workshop.config.templates import demo

    demo_actions, demo_reactions = (sum(len(getattr(t, k)) for t in demo().themes) for k in ("actions", "reactions"))
    assert before["responses"][0] > 50 and before["drafts"][0] == 1 and before["actions"][0] == 1 + demo_actions
    assert before["reactions"][0] == demo_reactions > 0 and before["publications"][0] == 1
    assert before["votes"][0] == len(demo().votes) > 0 and before["vote_dots"][0] > 0
    assert before["comments"][0] == 2  # one of them hidden: the flag comes back too (the checksum)
    screened = sum(len(s.answered()) for p in demo().proposals for s in p.screenings)
    assert before["proposals"][0] == len(demo().proposals) + 1 and before["screenings"][0] == screened + 2
    # Issue 16: the assets in their order, the teams' proposals with their status (one decided in fill()).
    assert before["assets"][0] == len(demo().assets) + 2 == 10  # one added, one accepted
    assert before["asset_proposals"][0] == 2 and before["partner_proposals"][0] == len(demo().partner_proposals) + 1
