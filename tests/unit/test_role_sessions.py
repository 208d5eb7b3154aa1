"""A facilitator's or leadership's sign-in that survives a reload: the token resumes its role in its own
workshop only, for 12 hours, until sign-out; the database keeps only a hash of it."""

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from workshop.domain.errors import InvalidInput
from workshop.domain.model import Role
from workshop.services.access.sessions import RoleSession, end_session, resume_session, start_session
from workshop.services.workshops.lifecycle import create_workshop, delete_workshop, get_workshop
from workshop.store import read, write
from workshop.store.tables import role_sessions

NOON = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def at(moment: dt.datetime):  # type: ignore[no-untyped-def]
    return lambda: moment


@pytest.fixture
def two(engine: Engine) -> tuple[int, int]:
    first = create_workshop(engine, "Roskilde", "facilitate-one", "lead-one")
    second = create_workshop(engine, "Aarhus", "facilitate-two", "lead-two")
    return first, second


def test_a_token_resumes_its_role_in_its_own_workshop_only(engine: Engine, two: tuple[int, int]) -> None:
    first, second = two
    facilitator = start_session(engine, first, Role.FACILITATOR)
    leadership = start_session(engine, second, Role.LEADERSHIP)
    assert len(facilitator) >= 40 and facilitator != leadership
    uids = get_workshop(engine, first).uid, get_workshop(engine, second).uid
    assert resume_session(engine, facilitator) == RoleSession(first, Role.FACILITATOR, uids[0])
    assert resume_session(engine, leadership) == RoleSession(second, Role.LEADERSHIP, uids[1])


def test_the_database_keeps_a_hash_not_the_token(engine: Engine, two: tuple[int, int]) -> None:
    token = start_session(engine, two[0], Role.FACILITATOR)
    with read(engine) as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(role_sessions))]
    assert len(rows) == 1
    assert token not in {str(v) for v in rows[0].values()}
    assert len(rows[0]["token_hash"]) == 64


def test_a_wrong_or_altered_token_resumes_nothing(engine: Engine, two: tuple[int, int]) -> None:
    token = start_session(engine, two[0], Role.FACILITATOR)
    flipped = ("A" if token[0] != "A" else "B") + token[1:]
    for wrong in (flipped, token[:-1], "", "x" * 5000):
        assert resume_session(engine, wrong) is None


def test_a_token_expires_after_twelve_hours(engine: Engine, two: tuple[int, int]) -> None:
    token = start_session(engine, two[0], Role.LEADERSHIP, clock=at(NOON))
    just_before = NOON + dt.timedelta(hours=12) - dt.timedelta(seconds=1)
    assert resume_session(engine, token, clock=at(just_before)) is not None
    assert resume_session(engine, token, clock=at(NOON + dt.timedelta(hours=12))) is None
    # a later sign-in clears expired rows from the table
    start_session(engine, two[0], Role.FACILITATOR, clock=at(NOON + dt.timedelta(hours=13)))
    with read(engine) as conn:
        assert len(conn.execute(select(role_sessions)).all()) == 1


def test_sign_out_ends_the_token_and_only_that_one(engine: Engine, two: tuple[int, int]) -> None:
    ended = start_session(engine, two[0], Role.FACILITATOR)
    other = start_session(engine, two[0], Role.FACILITATOR)  # the same role in another browser
    end_session(engine, ended)
    assert resume_session(engine, ended) is None
    assert resume_session(engine, other) == RoleSession(two[0], Role.FACILITATOR, get_workshop(engine, two[0]).uid)


def test_a_deleted_workshops_tokens_resume_nothing(engine: Engine, two: tuple[int, int]) -> None:
    token = start_session(engine, two[0], Role.FACILITATOR)
    delete_workshop(engine, two[0])
    assert resume_session(engine, token) is None


def test_a_token_resumes_nothing_in_another_workshop_under_its_workshops_number(
    engine: Engine, two: tuple[int, int]
) -> None:
    """A kept sign-in that outlived its workshop, its number now another's (issue 24): the row says the number
    of the second workshop, but it was made in the first, and resumes nothing."""
    token = start_session(engine, two[0], Role.FACILITATOR)
    with write(engine) as conn:
        conn.execute(role_sessions.update().values(workshop_id=two[1]))
    assert resume_session(engine, token) is None


def test_a_team_sign_in_does_not_get_a_token(engine: Engine, two: tuple[int, int]) -> None:
    with pytest.raises(InvalidInput, match="not kept across reloads"):
        start_session(engine, two[0], Role.TEAM)
