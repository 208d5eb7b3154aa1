"""Past one server (deploy/): two app servers behind nginx on one PostgreSQL. A team answering through one
server is counted on the other server's wall at its next refresh, and killing a server mid-week loses no
saved answer: its teams reconnect through nginx to the other one and find their answers there. Sessions
speak Streamlit's websocket protocol (bench/protocol.py), each pinned to a server by nginx's route cookie.
Marked `scale_out`: needs nginx (.ci/run installs it) and TEST_DATABASE_URL."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from bench.crowd import save_first_text
from bench.protocol import Session
from deploy.cluster import Cluster, cluster
from tests.conftest import IN_CI, database_url
from tests.reliability.conftest import open_week
from workshop.config.i18n import translate
from workshop.services.access import codes as access
from workshop.services.week.morning import new_projector_link
from workshop.services.week.teams import join_link
from workshop.store import make_engine, migrate

SERVER_SCRYPT_N = 2**14  # workshop.services.access.codes._N, as the app's servers run it
pytestmark = [pytest.mark.scale_out, pytest.mark.xdist_group("scale_out")]


@pytest.fixture
def pg_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # Team codes are found by their hash with the workshop's salt at the hashing cost: the servers hash at
    # the real cost, so the teams made here must too (tests/conftest.py cheapens it for this process).
    monkeypatch.setattr(access, "_N", SERVER_SCRYPT_N)
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        if IN_CI:
            pytest.fail("CI must test the scale-out: nginx is not installed (.ci/run installs it)")
        pytest.skip("nginx is not installed")
    return database_url("postgresql", tmp_path)


async def pinned(running: Cluster, server: int) -> Session:
    """A session that nginx sends to app server `server` (tries route cookies until one lands there)."""
    want = f"127.0.0.1:{running.ports[server]}"
    for n in range(200):
        session = Session(running.base, cookie=f"workshop_route=team-{n}")
        await session.connect()
        if session.served_by == want:
            return session
        await session.close()
    raise AssertionError(f"no route cookie reached {want}")


async def join_and_answer(session: Session, wid: int, code: str, text: str) -> None:
    page = await session.open(join_link(session.base, code, wid))
    assert session.page_hash == session.pages["answer"], page.texts()  # the link lands on the answer page
    saved = await save_first_text(session, page, text)
    assert "Saved at" in saved.texts(), saved.texts()


def counted(n: int, teams: int) -> str:
    return translate("en", "morning.n_of_m", done=n, n=teams)


def test_an_answer_through_one_server_is_counted_on_the_other_servers_wall_at_its_next_refresh(pg_url: str) -> None:
    engine = make_engine(pg_url)
    migrate(engine)
    week = open_week(engine, 3)
    token = new_projector_link(engine, week.workshop_id)

    async def scenario(running: Cluster) -> None:
        wall, team = await pinned(running, 1), await pinned(running, 0)
        shown = await wall.run(f"projector={token}")
        assert counted(0, 3) in shown.texts()  # the other server has read (and cached) the count
        assert wall.auto_reruns, "the wall refreshes itself"
        await join_and_answer(team, week.workshop_id, "CODE00", "Meet us by the 3D printer")
        refreshed = await wall.refresh()
        assert counted(1, 3) in refreshed.texts(), refreshed.texts()
        await asyncio.gather(wall.close(), team.close())

    with cluster(pg_url, 2) as running:
        asyncio.run(scenario(running))
    engine.dispose()


def test_a_server_killed_mid_week_loses_no_saved_answer_and_its_teams_go_on_on_the_other(pg_url: str) -> None:
    engine = make_engine(pg_url)
    migrate(engine)
    week = open_week(engine, 3)
    token = new_projector_link(engine, week.workshop_id)
    wid = week.workshop_id

    async def scenario(running: Cluster) -> None:
        doomed, kept = await pinned(running, 0), await pinned(running, 1)
        await join_and_answer(doomed, wid, "CODE00", "Saved before the crash")
        await join_and_answer(kept, wid, "CODE01", "Saved on the server that stays")
        cookie = doomed.cookie
        running.kill(0)
        # The browser of the killed server's team reconnects with its cookie: nginx sends it on.
        again = Session(running.base, cookie=cookie)
        await again.connect()
        tried = again.served_by.split(", ")  # nginx names each server it tried: the dead one, then the other
        assert tried[-1] == f"127.0.0.1:{running.ports[1]}"
        page = await again.open(join_link(running.base, "CODE00", wid))
        assert "Saved before the crash" in [a.value for a in page.of_type("text_area")]
        assert translate("en", "answer.saved_earlier", time="\0").split("\0")[0] in page.texts()
        # The other server's team never noticed; the wall, through the surviving server, counts both.
        resaved = await save_first_text(kept, await kept.run(), "Edited after the crash")
        assert "Saved at" in resaved.texts()
        wall = Session(running.base, cookie=cookie)
        await wall.connect()
        assert counted(2, 3) in (await wall.run(f"projector={token}")).texts()
        await asyncio.gather(again.close(), kept.close(), wall.close(), doomed.close(), return_exceptions=True)

    with cluster(pg_url, 2) as running:
        asyncio.run(scenario(running))
    from sqlalchemy import select

    from workshop.store import read
    from workshop.store.tables import responses

    with read(engine) as conn:
        texts = sorted(conn.execute(select(responses.c.text).where(responses.c.workshop_id == wid)).scalars())
    assert texts == ["Edited after the crash", "Saved before the crash"]
    engine.dispose()
