"""Two tabs (or a retry) of one team spending its last dots at the same moment: the team never ends up
with more dots than the vote gives it — on SQLite and on PostgreSQL."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine

from tests.reliability.conftest import at_once, open_week
from workshop.domain.errors import TooManyDots
from workshop.domain.voting import check_spend
from workshop.services.loop import votes as votes_service
from workshop.services.loop.themes import create_theme
from workshop.services.loop.votes import open_vote, spend_dot, team_dots

TABS = 8


def test_tabs_racing_for_the_last_dot_spend_exactly_the_teams_dots(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Widen the gap between reading what the team spent and writing the new dot, so that a race would
    # show every time: only the transaction's lock keeps the tabs apart.
    def slow_check(*args: object) -> int:
        time.sleep(0.05)
        return check_spend(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(votes_service, "check_spend", slow_check)
    week = open_week(engine, teams=2)
    items = [create_theme(engine, week.workshop_id, f"Theme {n}") for n in range(TABS)]
    vote = open_vote(engine, week.workshop_id, "What first?", "themes", dots=3)
    team = week.teams[0]
    spend_dot(engine, team, vote, items[0])
    spend_dot(engine, team, vote, items[1])  # one dot left; eight tabs reach for it at once
    errors = at_once(TABS, lambda n: spend_dot(engine, team, vote, items[n]))
    refused = [e for e in errors if isinstance(e, TooManyDots)]
    other = [e for e in errors if not isinstance(e, TooManyDots)]  # a lock error or a deadlock
    assert other == []
    assert len(refused) == TABS - 1
    assert sum(team_dots(engine, week.workshop_id, vote, int(team.id or 0)).values()) == 3
