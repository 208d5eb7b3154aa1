"""Passcodes and team codes: hashed, checked, and slowed down after wrong guesses."""

import pytest
from sqlalchemy import Engine, select

from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.domain.model import Role
from workshop.services.access import (
    TEAM_CODE_ALPHABET,
    join_team,
    new_team_code,
    sign_in,
    wait_after,
)
from workshop.services.workshops import add_team, create_workshop
from workshop.store.tables import teams, workshops


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def workshop_id(engine: Engine) -> int:
    return create_workshop(engine, "Week", "facilitate-me", "lead-me-now")


def test_codes_are_stored_only_as_hashes(engine: Engine, workshop_id: int) -> None:
    add_team(engine, workshop_id, "Front desk", "ABC234")
    with engine.connect() as conn:
        stored = conn.execute(select(workshops)).first()._mapping
        code_hash = conn.execute(select(teams.c.code_hash)).scalar()
    assert "facilitate-me" not in str(dict(stored)) and stored["facilitator_code_hash"].startswith("scrypt$")
    assert "ABC234" not in code_hash


def test_the_right_passcode_signs_in_and_a_wrong_one_is_refused(engine: Engine, workshop_id: int) -> None:
    assert sign_in(engine, workshop_id, Role.FACILITATOR, "facilitate-me") == Role.FACILITATOR
    assert sign_in(engine, workshop_id, Role.LEADERSHIP, " lead-me-now ") == Role.LEADERSHIP
    with pytest.raises(AccessDenied):
        sign_in(engine, workshop_id, Role.LEADERSHIP, "facilitate-me")


def test_repeated_wrong_codes_get_a_growing_wait(engine: Engine, workshop_id: int) -> None:
    clock = Clock()
    for _ in range(3):
        with pytest.raises(AccessDenied):
            sign_in(engine, workshop_id, Role.FACILITATOR, "guess-guess", clock)
    with pytest.raises(TooManyAttempts) as first:
        sign_in(engine, workshop_id, Role.FACILITATOR, "facilitate-me", clock)
    clock.now += first.value.wait_seconds
    with pytest.raises(AccessDenied):
        sign_in(engine, workshop_id, Role.FACILITATOR, "guess-again", clock)
    with pytest.raises(TooManyAttempts) as second:
        sign_in(engine, workshop_id, Role.FACILITATOR, "facilitate-me", clock)
    assert second.value.wait_seconds > first.value.wait_seconds
    clock.now += second.value.wait_seconds
    assert sign_in(engine, workshop_id, Role.FACILITATOR, "facilitate-me", clock) == Role.FACILITATOR
    # success clears the count: the next mistake costs no wait
    with pytest.raises(AccessDenied):
        sign_in(engine, workshop_id, Role.FACILITATOR, "typo-typo", clock)


def test_wait_doubles_and_is_capped() -> None:
    assert [wait_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    assert wait_after(50) == 300


def test_a_team_joins_with_its_code_typed_loosely(engine: Engine, workshop_id: int) -> None:
    team, _ = add_team(engine, workshop_id, "Children & families", "KX7-Q2M")
    assert join_team(engine, workshop_id, " kx7q2m ").id == team.id
    with pytest.raises(AccessDenied):
        join_team(engine, workshop_id, "KX7Q2N")


def test_a_team_code_does_not_open_another_workshop(engine: Engine, workshop_id: int) -> None:
    add_team(engine, workshop_id, "Front desk", "ABC234")
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    with pytest.raises(AccessDenied):
        join_team(engine, other, "ABC234")


def test_new_team_codes_avoid_confusable_characters() -> None:
    codes = {new_team_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(TEAM_CODE_ALPHABET) for c in codes)
    assert not set("0O1lI") & set(TEAM_CODE_ALPHABET)


def test_short_passcodes_are_refused(engine: Engine) -> None:
    with pytest.raises(InvalidInput):
        create_workshop(engine, "Week", "abc", "lead-me-now")
