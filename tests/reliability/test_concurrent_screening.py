"""Tabs of one team saving its screening of a proposal at the same moment: every save succeeds, and the
team ends up with exactly one whole screening (one tab's), never a mix or a duplicate — SQLite and PostgreSQL."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from tests.reliability.conftest import open_week
from workshop.domain.screening import team_rater
from workshop.services.proposals import save_proposal
from workshop.services.screening import own_screening, screen_as_team

TABS = 6


def test_tabs_saving_one_teams_screening_at_once_leave_one_whole_screening(engine: Engine) -> None:
    week = open_week(engine, teams=2)
    pid = save_proposal(engine, week.workshop_id, {"title": "Maker camp"})
    team = week.teams[0]
    start = threading.Barrier(TABS)
    failed: list[BaseException] = []

    def tab(n: int) -> None:
        answer = "yes" if n % 2 else "no"
        given = [{"question": q, "answer": answer, "note": f"tab {n}"} for q in range(1, 15)]
        start.wait()
        try:
            screen_as_team(engine, team, pid, given)
        except BaseException as exc:  # a unique violation or a deadlock must fail the test
            failed.append(exc)

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(TABS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failed == []
    saved = own_screening(engine, week.workshop_id, pid, team_rater(int(team.id or 0)))
    assert sorted(saved) == list(range(1, 15))
    assert len({(a.answer, a.note) for a in saved.values()}) == 1  # all 14 from the same tab
