"""Cached reads: reused until a write changes a table they read, then read afresh."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from workshop.domain.model import Offer
from workshop.services.register.offers import add_offers, offers_frame
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import make_engine, migrate


@pytest.fixture
def app_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    url = f"sqlite:///{tmp_path / 'cache.sqlite3'}"
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", url)
    engine = make_engine(url)
    migrate(engine)
    return engine


def test_a_cached_read_is_reused_until_its_table_changes(app_engine: Engine) -> None:
    from ui import cache

    calls: list[int] = []

    def counted(engine: Engine, workshop_id: int):  # type: ignore[no-untyped-def]
        calls.append(workshop_id)
        return offers_frame(engine, workshop_id)

    read = cache.cached(counted, "offers")
    wid = create_workshop(app_engine, "Week", "facilitate-me", "lead-me-now")
    assert read(wid).empty and read(wid).empty
    assert len(calls) == 1  # the second read came from the cache
    create_workshop(app_engine, "Another week", "facilitate-me", "lead-me-now")  # other tables only
    read(wid)
    assert len(calls) == 1
    add_offers(app_engine, wid, [Offer(name="Makerspace", spaces={"performative": 3})])
    assert list(read(wid)["name"]) == ["Makerspace"]  # the write is seen at once
    assert len(calls) == 2


def test_a_read_must_name_its_tables() -> None:
    from ui import cache

    with pytest.raises(ValueError, match="name the tables"):
        cache.cached(offers_frame)
