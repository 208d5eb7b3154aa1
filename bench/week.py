"""Benchmark of the strategy week's hot paths on a big week: prints figures, asserts nothing.

Run: python -m bench.week [DATABASE_URL]   (default: a temporary SQLite file)
60 teams, 5 days x 5 questions, every team answers every question (1,500 answers)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workshop.domain.model import DayStatus
from workshop.services.answers import Answer, save_draft, submit_answer
from workshop.services.planning import save_day, save_question
from workshop.services.week import answers_frame, day_participation, list_days, set_day_status
from workshop.services.workshops import add_team, create_workshop
from workshop.store import make_engine, migrate

TEAMS, DAYS, QUESTIONS = 60, 5, 5


def timed(label: str, action: Callable[[], object], repeat: int = 20) -> None:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} median {statistics.median(runs):7.1f} ms   max {max(runs):7.1f} ms   (n={repeat})")


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    wid = create_workshop(engine, "Bench week", "facilitate-me", "lead-me-now")
    teams = [add_team(engine, wid, f"Team {n}")[0] for n in range(TEAMS)]
    questions = []
    for d in range(DAYS):
        day = save_day(engine, wid, f"Day {d + 1}")
        set_day_status(engine, wid, int(day.id or 0), DayStatus.OPEN)
        questions += [int(save_question(engine, wid, int(day.id or 0), f"Q{d}.{q}?").id or 0) for q in range(QUESTIONS)]
    start = time.perf_counter()
    writes = []
    for team in teams:
        for qid in questions:
            t0 = time.perf_counter()
            submit_answer(
                engine, team, Answer(qid, "An answer of a few words " * 8), idempotency_key=f"{team.id}-{qid}"
            )
            writes.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - start
    print(f"backend: {engine.dialect.name}; {len(writes)} answers stored in {total:.1f} s")
    print(f"{'submit_answer (new answer)':<44} median {statistics.median(writes):7.1f} ms   max {max(writes):7.1f} ms")
    team, qid = teams[0], questions[0]
    timed("submit_answer (edit)", lambda: submit_answer(engine, team, Answer(qid, "Edited text")))
    timed("submit_answer (retry, same key)", lambda: submit_answer(engine, team, Answer(qid, "x"), "retry-key"))
    timed("save_draft", lambda: save_draft(engine, team, qid, "Half a thought"))
    day_id = int(list_days(engine, wid)[0].id or 0)
    timed("day_participation (morning view refresh)", lambda: day_participation(engine, wid, day_id))
    timed("answers_frame (1,500 answers; week log)", lambda: answers_frame(engine, wid))


if __name__ == "__main__":
    main()
