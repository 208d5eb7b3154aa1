"""A dot vote each person takes part in (issue 29.2): each person spends their own dots, anonymous; the ranking
counts a team's people only as the small-group rule shows them; a team vote and a person vote stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import InvalidInput, TooManyDots
from workshop.domain.model import Team
from workshop.domain.voices import device_person
from workshop.services.loop.own_votes import own_dots, spend_own_dot
from workshop.services.loop.themes import create_theme
from workshop.services.loop.votes import open_vote, set_vote_open, spend_dot, vote_results
from workshop.services.whole.backup import backup, restore
from workshop.services.whole.reports import html_report
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import make_engine, migrate


class Vote:
    def __init__(self, engine: Engine) -> None:
        self.wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
        self.cafe = create_theme(engine, self.wid, "A cafe")
        self.stage = create_theme(engine, self.wid, "A stage")
        self.red, self.blue, self.green = (add_team(engine, self.wid, n)[0] for n in ("Red", "Blue", "Green"))
        self.own = open_vote(engine, self.wid, "What first?", "themes", 2, each_person=True)
        self.team = open_vote(engine, self.wid, "Together?", "themes", 2)


@pytest.fixture
def vote(engine: Engine) -> Vote:
    return Vote(engine)


def _dots(engine: Engine, vote: Vote, team: Team, item: int, people: int) -> list[str]:
    keys = [device_person() for _ in range(people)]
    for key in keys:
        spend_own_dot(engine, team, key, vote.own, item)
        spend_own_dot(engine, team, key, vote.own, item)
    return keys


def _ranked(engine: Engine, vote: Vote) -> dict[str, int]:
    return {label: dots for _id, label, dots in vote_results(engine, vote.wid, vote.own)}


def test_each_persons_dots_count_only_as_the_small_group_rule_shows_them(engine: Engine, vote: Vote) -> None:
    _dots(engine, vote, vote.red, vote.cafe, 3)
    _dots(engine, vote, vote.blue, vote.stage, 2)  # Blue alone would be "other": withheld
    assert _ranked(engine, vote) == {"A cafe": 6, "A stage": 0}
    _dots(engine, vote, vote.green, vote.stage, 1)  # Blue and Green together: 3 people, shown
    assert _ranked(engine, vote) == {"A stage": 6, "A cafe": 6}


def test_a_person_spends_their_own_dots_and_no_more(engine: Engine, vote: Vote) -> None:
    key = device_person()
    spend_own_dot(engine, vote.red, key, vote.own, vote.cafe)
    assert spend_own_dot(engine, vote.red, key, vote.own, vote.stage) == {vote.cafe: 1, vote.stage: 1}
    with pytest.raises(TooManyDots):
        spend_own_dot(engine, vote.red, key, vote.own, vote.cafe)
    other = device_person()  # the next person on the same team has dots of their own
    assert spend_own_dot(engine, vote.red, other, vote.own, vote.cafe) == {vote.cafe: 1}
    assert own_dots(engine, vote.red, vote.own, key) == {vote.cafe: 1, vote.stage: 1}


def test_a_team_vote_and_a_person_vote_stay_apart_and_a_closed_vote_refuses(engine: Engine, vote: Vote) -> None:
    with pytest.raises(InvalidInput):
        spend_dot(engine, vote.red, vote.own, vote.cafe)
    with pytest.raises(InvalidInput):
        spend_own_dot(engine, vote.red, device_person(), vote.team, vote.cafe)
    with pytest.raises(InvalidInput):
        spend_own_dot(engine, vote.red, "ann@library.example", vote.own, vote.cafe)
    set_vote_open(engine, vote.wid, vote.own, False)
    with pytest.raises(InvalidInput):
        spend_own_dot(engine, vote.red, device_person(), vote.own, vote.cafe)


def test_own_dots_survive_a_backup_and_restore(engine: Engine, vote: Vote, tmp_path: Path) -> None:
    keys = _dots(engine, vote, vote.red, vote.cafe, 3)
    backup(engine, tmp_path / "backup.json")
    fresh = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(fresh)
    restore(fresh, tmp_path / "backup.json", replace=True)
    assert own_dots(fresh, vote.red, vote.own, keys[0]) == {vote.cafe: 2}
    assert _ranked(fresh, vote) == _ranked(engine, vote) == {"A cafe": 6, "A stage": 0}
    fresh.dispose()


def test_the_report_says_each_person_voted_and_ranks_only_what_the_rule_shows(engine: Engine, vote: Vote) -> None:
    _dots(engine, vote, vote.red, vote.cafe, 3)
    _dots(engine, vote, vote.blue, vote.stage, 2)
    report = html_report(engine, vote.wid, "en")
    assert "2 dots per person, anonymous" in report and "2 dots per team" in report  # the team vote stays a team's
    start = report.index("<h3>What first?</h3>")
    own = report[start : report.index("<h3>", start + 4)]  # this vote's part: Blue's two people are not in it
    assert "<td>A cafe</td><td>6</td>" in own and "<td>A stage</td><td>0</td>" in own
