"""A dot vote each person takes part in (issue 29.2): a person spends their own dots, one at a time, under their
opaque key; the ranking (workshop.services.loop.votes.vote_results) counts them under the small-group rule."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from workshop.domain.errors import AccessDenied
from workshop.domain.model import Team
from workshop.domain.voices import check_person_key
from workshop.domain.voting import check_change, check_spend
from workshop.services.loop.votes import open_item
from workshop.store import read, write
from workshop.store.tables import person_dots, teams


def _own(conn: Connection, vote_id: int, person_key: str) -> dict[int, int]:
    rows = conn.execute(
        select(person_dots.c.item_id, person_dots.c.dots).where(
            person_dots.c.vote_id == vote_id, person_dots.c.person_key == person_key
        )
    )
    return {int(r.item_id): int(r.dots) for r in rows}


def spend_own_dot(
    engine: Engine, team: Team, person_key: str, vote_id: int, item_id: int, change: int = 1
) -> dict[int, int]:
    """Put one of this person's dots on an item (change=-1: take one back); returns their dots by item. Refused
    beyond their dots, on a closed vote, on a vote the team takes part in as one, and for another workshop's."""
    check_person_key(person_key)
    check_change(change)
    with write(engine) as conn:
        member = conn.execute(
            select(teams.c.id).where(teams.c.id == team.id, teams.c.workshop_id == team.workshop_id).with_for_update()
        )
        if member.first() is None:
            raise AccessDenied("error.not_a_team_of_this_workshop")
        vote = open_item(conn, team.workshop_id, vote_id, item_id)
        vote.require_way(each_person=True)
        spent = _own(conn, vote_id, person_key)
        new = check_spend(vote.dots, spent, item_id, change)
        mine = (
            (person_dots.c.vote_id == vote_id)
            & (person_dots.c.person_key == person_key)
            & (person_dots.c.item_id == item_id)
        )
        if item_id in spent:
            conn.execute(person_dots.update().where(mine).values(dots=new, team_id=team.id))
        else:
            conn.execute(
                person_dots.insert().values(
                    workshop_id=team.workshop_id,
                    vote_id=vote_id,
                    team_id=team.id,
                    person_key=person_key,
                    item_id=item_id,
                    dots=new,
                )
            )
        return {**spent, item_id: new}


def own_dots(engine: Engine, team: Team, vote_id: int, person_key: str) -> dict[int, int]:
    """This person's dots on each item of the vote."""
    with read(engine) as conn:
        found = conn.execute(
            select(person_dots.c.item_id, person_dots.c.dots).where(
                person_dots.c.vote_id == vote_id,
                person_dots.c.person_key == person_key,
                person_dots.c.workshop_id == team.workshop_id,
            )
        )
        return {int(r.item_id): int(r.dots) for r in found}
