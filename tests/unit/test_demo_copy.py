"""The tests' quick demo (tests/conftest.py demo_copy) is the demo create_demo makes: the same rows in every
table, ids counting on from the same place, on SQLite and PostgreSQL. Only what create_demo draws anew each
time differs: salts and the hashes made with them, the workshop's uid, and the times of its writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tests.conftest import database_url, demo_copy
from workshop.services.whole.backup import snapshot
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import make_engine, migrate

DRAWN_ANEW = {
    ("workshops", "facilitator_code_hash"),
    ("workshops", "leadership_code_hash"),
    ("workshops", "team_code_salt"),
    ("workshops", "uid"),
    ("teams", "code_hash"),
}
TIMES = ("created_at", "updated_at", "at")


def _comparable(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        table: [{k: v for k, v in row.items() if (table, k) not in DRAWN_ANEW and k not in TIMES} for row in rows]
        for table, rows in doc["tables"].items()
    }


def test_the_copied_demo_is_the_demo_create_demo_makes(engine: Engine, store_url: str, tmp_path: Path) -> None:
    copied_id = demo_copy(engine, "da")
    copied = snapshot(engine)
    next_copied = create_workshop(engine, "After the copy", "facilitate-me", "lead-me-now")
    engine.dispose()

    kind = "sqlite" if store_url.startswith("sqlite") else "postgresql"
    (tmp_path / "made").mkdir()
    made_engine = make_engine(database_url(kind, tmp_path / "made", migrated=True))
    migrate(made_engine)
    made_id = create_demo(made_engine, "da")
    made = snapshot(made_engine)
    next_made = create_workshop(made_engine, "After the copy", "facilitate-me", "lead-me-now")
    made_engine.dispose()

    assert copied_id == made_id
    assert sum(len(rows) for rows in made["tables"].values()) > 400  # the demo, not two empty databases
    assert _comparable(copied) == _comparable(made)
    assert next_copied == next_made  # ids count on from the same place
