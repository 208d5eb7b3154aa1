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


def test_each_caller_gets_its_own_copy_of_a_cached_result(app_engine: Engine) -> None:
    from ui import cache

    def teams_of(engine: Engine, workshop_id: int) -> list[str]:
        return ["Team A", "Team B"]

    read = cache.cached(teams_of, "teams")
    wid = create_workshop(app_engine, "Week", "facilitate-me", "lead-me-now")
    mine = read(wid)
    mine.append("changed by one page")
    assert read(wid) == ["Team A", "Team B"]  # another page's copy is as read


def test_sessions_asking_at_once_for_a_result_not_yet_read_wait_for_one_read(app_engine: Engine) -> None:
    import threading
    import time

    from ui import cache

    calls: list[int] = []

    def slow(engine: Engine, workshop_id: int) -> int:
        calls.append(workshop_id)
        time.sleep(0.3)
        return workshop_id * 2

    read = cache.cached(slow, "days")
    wid = create_workshop(app_engine, "Week", "facilitate-me", "lead-me-now")
    got: list[int] = []
    crowd = [threading.Thread(target=lambda: got.append(read(wid))) for _ in range(8)]
    for session in crowd:
        session.start()
    for session in crowd:
        session.join()
    assert got == [wid * 2] * 8 and calls == [wid]  # 9:00: the week read once, not once per team


def test_the_cache_keeps_the_newest_results_only(app_engine: Engine) -> None:
    from ui import cache

    calls: list[int] = []

    def numbered(engine: Engine, n: int) -> int:
        calls.append(n)
        return n

    read = cache.cached(numbered, "teams")
    for n in range(cache.MAX_ENTRIES + 5):
        read(n)
    read(cache.MAX_ENTRIES + 4)  # among the newest: kept
    read(0)  # the oldest: read again
    assert calls.count(cache.MAX_ENTRIES + 4) == 1 and calls.count(0) == 2
    assert len(cache._KEPT) <= cache.MAX_ENTRIES


def test_the_cache_keeps_no_more_than_its_bytes(app_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import cache

    monkeypatch.setattr(cache, "MAX_BYTES", 100_000)
    cache.forget_all()

    def big(engine: Engine, n: int) -> bytes:
        return bytes(30_000) + bytes([n])

    read = cache.cached(big, "offers")
    for n in range(10):
        assert read(n)[-1] == n
    assert cache._KEPT_BYTES[0] <= 100_000 and len(cache._KEPT) == 3  # the newest three of ~30 KB
    assert cache._KEPT_BYTES[0] == sum(len(v) for v in cache._KEPT.values())
