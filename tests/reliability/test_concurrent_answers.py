"""Many teams saving at once, through the service the answer page calls: nothing lost, nothing doubled,
no error reaches a user ("database is locked" included) — on SQLite and on PostgreSQL."""

from __future__ import annotations

import time
import uuid
from collections import defaultdict

from sqlalchemy import Engine, func, select

from tests.reliability.conftest import FIGURES, OpenWeek, answer_for, at_once, open_week, percentile
from workshop.domain.model import Team
from workshop.services.week.answers import Answer, save_draft, submit_answer, team_drafts
from workshop.store import read
from workshop.store.tables import responses
from workshop.store.versions import versions

THREADS, ANSWERS_EACH = 50, 20
# The template with at least 20 questions (the partnership week has 15 since its screening questions left it).
TEMPLATE = "internationalisation_week"


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
    week = open_week(engine, THREADS, TEMPLATE)
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
    week = open_week(engine, THREADS, TEMPLATE)
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


def test_teams_keeping_drafts_and_sending_answers_at_once_count_every_write_and_leave_no_draft(
    engine: Engine,
) -> None:
    """As on the answer page: each answer's text kept as a draft, then sent (the save deletes the draft).
    Every write counts exactly one version of each table it changed, under contention too: the morning view
    refreshes from these counts."""
    teams, each = 20, 10
    week = open_week(engine, teams)
    before = versions(engine, "responses", "drafts")

    def team_writes(n: int) -> None:
        team = week.teams[n]
        for q in week.questions[:each]:
            answer = answer_for(q, f"{team.name}: what we think of question {q.id}")
            save_draft(engine, team, answer.question_id, answer.text + " (typing)")
            submit_answer(engine, team, answer, idempotency_key=str(uuid.uuid4()))

    assert at_once(teams, team_writes, timeout=600) == []
    assert sum(stored(engine, week.workshop_id).values()) == teams * each
    assert all(team_drafts(engine, team) == {} for team in week.teams)
    after = versions(engine, "responses", "drafts")
    assert (after[0] - before[0], after[1] - before[1]) == (teams * each, 2 * teams * each)
