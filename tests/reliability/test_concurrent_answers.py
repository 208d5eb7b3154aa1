"""Many teams saving at once, through the service the answer page calls: nothing lost, nothing doubled,
no error reaches a user ("database is locked" included) — on SQLite and on PostgreSQL."""

from __future__ import annotations

import time
import uuid
from collections import defaultdict

from sqlalchemy import Engine, func, select

from tests.reliability.conftest import FIGURES, OpenWeek, answer_for, at_once, open_week, percentile
from workshop.domain.model import Team
from workshop.services.answers import Answer, submit_answer
from workshop.store import read
from workshop.store.tables import responses

THREADS, ANSWERS_EACH = 50, 20


def stored(engine: Engine, workshop_id: int) -> dict[int, int]:
    """Answers stored per team."""
    with read(engine) as conn:
        rows = conn.execute(
            select(responses.c.team_id, func.count())
            .where(responses.c.workshop_id == workshop_id)
            .group_by(responses.c.team_id)
        )
        return {r[0]: r[1] for r in rows}


def submissions(week: OpenWeek, team: Team) -> list[tuple[Answer, str]]:
    """A team's 20 answers, each to a different question, each with its own idempotency key."""
    return [
        (answer_for(q, f"{team.name} on question {q.id}: we ❤ <b>the</b> library"), str(uuid.uuid4()))
        for q in week.questions[:ANSWERS_EACH]
    ]


def report(engine: Engine, what: str, latencies: list[float], seconds: float) -> None:
    ms = [x * 1000 for x in latencies]
    FIGURES.append(
        f"{engine.dialect.name:10} {what}: {len(ms)} writes in {seconds:.1f} s, "
        f"p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, max {max(ms):.0f} ms"
    )


def test_fifty_teams_saving_twenty_answers_at_once_store_exactly_1000(engine: Engine) -> None:
    week = open_week(engine, THREADS)
    assert len(week.questions) >= ANSWERS_EACH
    latencies: list[float] = []

    def team_saves(n: int) -> None:
        team = week.teams[n]
        for answer, key in submissions(week, team):
            began = time.perf_counter()
            saved = submit_answer(engine, team, answer, idempotency_key=key)
            latencies.append(time.perf_counter() - began)
            assert saved.team_id == team.id and saved.text == answer.text

    began = time.perf_counter()
    errors = at_once(THREADS, team_saves, timeout=600)
    report(engine, "50 threads x 20 answers", latencies, time.perf_counter() - began)
    assert errors == []
    counts = stored(engine, week.workshop_id)
    assert sum(counts.values()) == THREADS * ANSWERS_EACH == 1000
    assert set(counts.values()) == {ANSWERS_EACH} and len(counts) == THREADS


def test_every_submission_sent_twice_with_the_same_key_is_stored_once(engine: Engine) -> None:
    week = open_week(engine, THREADS)
    planned = {team.id: submissions(week, team) for team in week.teams}
    returned: dict[str, set[int]] = defaultdict(set)
    latencies: list[float] = []

    def save(team: Team, answer: Answer, key: str) -> None:
        began = time.perf_counter()
        saved = submit_answer(engine, team, answer, idempotency_key=key)
        latencies.append(time.perf_counter() - began)
        returned[key].add(int(saved.id or 0))

    def team_saves_and_retries_its_neighbours(n: int) -> None:
        # Each team's submission, and the retry of the next team's one: the retry of a save often
        # arrives while the first attempt is still being written, as after a dropped connection.
        team, neighbour = week.teams[n], week.teams[(n + 1) % THREADS]
        for own, theirs in zip(planned[team.id], planned[neighbour.id], strict=True):
            save(team, *own)
            save(neighbour, *theirs)

    began = time.perf_counter()
    errors = at_once(THREADS, team_saves_and_retries_its_neighbours, timeout=600)
    report(engine, "1000 answers sent twice", latencies, time.perf_counter() - began)
    assert errors == []
    assert sum(stored(engine, week.workshop_id).values()) == 1000
    assert len(returned) == 1000 and all(len(ids) == 1 for ids in returned.values())
    with read(engine) as conn:
        keys = conn.execute(select(func.count(func.distinct(responses.c.idempotency_key)))).scalar()
    assert keys == 1000
