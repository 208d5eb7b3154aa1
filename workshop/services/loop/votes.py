"""Dot votes: leadership opens a vote on its themes or actions; each team spends its dots one at a time.
A team never exceeds its dots, even from two tabs at once: the check and the write share one transaction
that first locks the team's row (PostgreSQL; SQLite writers queue behind BEGIN IMMEDIATE)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, Engine, func, select

from workshop.domain.errors import AccessDenied, NotFound
from workshop.domain.model import Team
from workshop.domain.voices import people_shown
from workshop.domain.voting import Vote, VoteTarget, check_change, check_spend, checked_vote, ranking
from workshop.services.rows import ACTIONS, TEAMS, THEMES, VOTES
from workshop.store import read, write
from workshop.store.tables import person_dots, teams, vote_dots, votes

# What a vote's page reads: a cached copy keys on these tables' data versions.
VOTE_TABLES = ("votes", "vote_dots", "person_dots", "teams", "themes", "actions")


def open_vote(engine: Engine, workshop_id: int, title: str, target: str, dots: int, each_person: bool = False) -> int:
    """A new open vote (`each_person`: each person spends their own dots, anonymous); returns its id."""
    vote = checked_vote(title, target, dots, each_person)
    with write(engine) as conn:
        insert = votes.insert().values(
            workshop_id=workshop_id,
            title=vote.title,
            target=vote.target.value,
            dots=vote.dots,
            is_open=True,
            each_person=vote.each_person,
        )
        return int(conn.execute(insert.returning(votes.c.id)).scalar_one())


def set_vote_open(engine: Engine, workshop_id: int, vote_id: int, is_open: bool) -> None:
    """Close a vote (its dots are kept and its ranking is final), or open it again."""
    with write(engine) as conn:
        VOTES.update(conn, workshop_id, vote_id, is_open=is_open)


def list_votes(engine: Engine, workshop_id: int) -> list[Vote]:
    """The workshop's votes, newest first."""
    with read(engine) as conn:
        rows = conn.execute(VOTES.select(workshop_id).order_by(votes.c.id.desc()))
        return [Vote.model_validate(dict(r._mapping)) for r in rows]


def _items(conn: Connection, workshop_id: int, target: VoteTarget) -> dict[int, str]:
    items = THEMES if target == VoteTarget.THEMES else ACTIONS
    rows = conn.execute(items.select(workshop_id, items.table.c.id, items.table.c.title).order_by(items.table.c.id))
    return {int(r.id): str(r.title) for r in rows}


def vote_items(engine: Engine, workshop_id: int, vote_id: int) -> dict[int, str]:
    """What the vote is on: the workshop's themes or actions, by id."""
    with read(engine) as conn:
        vote = _vote(conn, workshop_id, vote_id)
        return _items(conn, workshop_id, vote.target)


def _vote(conn: Connection, workshop_id: int, vote_id: int) -> Vote:
    return Vote.model_validate(dict(VOTES.get(conn, workshop_id, vote_id)._mapping))


def open_item(conn: Connection, workshop_id: int, vote_id: int, item_id: int) -> Vote:
    """The vote, when it is open and the item is one of its workshop's themes or actions."""
    vote = _vote(conn, workshop_id, vote_id)
    vote.require_open()
    if item_id not in _items(conn, workshop_id, vote.target):
        raise NotFound("error.missing.item", id=item_id)
    return vote


def _spent(conn: Connection, vote_id: int, team_id: int) -> dict[int, int]:
    rows = conn.execute(
        select(vote_dots.c.item_id, vote_dots.c.dots).where(
            vote_dots.c.vote_id == vote_id, vote_dots.c.team_id == team_id
        )
    )
    return {int(r.item_id): int(r.dots) for r in rows}


def spend_dot(engine: Engine, team: Team, vote_id: int, item_id: int, change: int = 1) -> dict[int, int]:
    """Put one dot on an item (change=-1: take one back); returns the team's dots by item. Refused
    once the team's dots are spent, on a closed vote, and for an item or vote of another workshop."""
    check_change(change)
    with write(engine) as conn:
        # The team's row, locked: a second tab of the same team waits here until this one commits.
        member = conn.execute(
            select(teams.c.id).where(teams.c.id == team.id, TEAMS.of(team.workshop_id)).with_for_update()
        )
        if member.first() is None:
            raise AccessDenied("error.not_a_team_of_this_workshop")
        vote = open_item(conn, team.workshop_id, vote_id, item_id)
        vote.require_way(each_person=False)
        spent = _spent(conn, vote_id, team.id)
        new = check_spend(vote.dots, spent, item_id, change)
        mine = (vote_dots.c.vote_id == vote_id) & (vote_dots.c.team_id == team.id) & (vote_dots.c.item_id == item_id)
        if item_id in spent:
            conn.execute(vote_dots.update().where(mine).values(dots=new))
        else:
            conn.execute(
                vote_dots.insert().values(
                    workshop_id=team.workshop_id, vote_id=vote_id, team_id=team.id, item_id=item_id, dots=new
                )
            )
        return {**spent, item_id: new}


def team_dots(engine: Engine, workshop_id: int, vote_id: int, team_id: int) -> dict[int, int]:
    """The team's dots on each item of the vote."""
    with read(engine) as conn:
        _vote(conn, workshop_id, vote_id)
        return _spent(conn, vote_id, team_id)


def vote_results(engine: Engine, workshop_id: int, vote_id: int) -> list[tuple[int, str, int]]:
    """Every item with the dots all teams gave it, most first; where each person votes, the dots of the people
    the small-group rule shows (workshop.domain.voices.people_shown) count too."""
    with read(engine) as conn:
        vote = _vote(conn, workshop_id, vote_id)
        labels = _items(conn, workshop_id, vote.target)
        totals: Counter[int] = Counter(
            dict(
                conn.execute(
                    select(vote_dots.c.item_id, func.sum(vote_dots.c.dots))
                    .where(vote_dots.c.vote_id == vote_id)
                    .group_by(vote_dots.c.item_id)
                ).all()
            )
        )
        own = conn.execute(
            select(person_dots.c.person_key, person_dots.c.team_id, person_dots.c.item_id, person_dots.c.dots).where(
                person_dots.c.vote_id == vote_id, person_dots.c.dots > 0
            )
        ).fetchall()
    shown = people_shown({r.person_key: str(r.team_id) for r in own})
    for row in own:
        if row.person_key in shown:
            totals[int(row.item_id)] += int(row.dots)
    return ranking(labels, totals)
