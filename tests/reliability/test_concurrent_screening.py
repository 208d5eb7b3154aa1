"""Tabs of one team saving its screening of a proposal at the same moment: every save succeeds, and the
team ends up with exactly one whole screening (one tab's), never a mix or a duplicate — SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine

from tests.reliability.conftest import at_once, open_week
from workshop.domain.screening import team_rater
from workshop.services.partnership.proposals import save_proposal
from workshop.services.partnership.screening import own_screening, screen_as_team

TABS = 6


def test_tabs_saving_one_teams_screening_at_once_leave_one_whole_screening(engine: Engine) -> None:
    week = open_week(engine, teams=2)
    pid = save_proposal(engine, week.workshop_id, {"title": "Maker camp"})
    team = week.teams[0]

    def tab(n: int) -> None:
        answer = "yes" if n % 2 else "no"
        given = [{"question": q, "answer": answer, "note": f"tab {n}"} for q in range(1, 15)]
        screen_as_team(engine, team, pid, given)

    assert at_once(TABS, tab) == []  # a unique violation or a deadlock fails the test
    saved = own_screening(engine, week.workshop_id, pid, team_rater(int(team.id or 0)))
    assert sorted(saved) == list(range(1, 15))
    assert len({(a.answer, a.note) for a in saved.values()}) == 1  # all 14 from the same tab
