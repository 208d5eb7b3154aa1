"""The owner credential: set once (first run or WORKSHOP_OWNER_CODE), checked as a hash, slowed when wrong."""

import pytest
from sqlalchemy import Engine, select

from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.services.owner import owner_code_is_set, set_owner_code, sign_in_owner
from workshop.store.tables import settings

CODE = "owner-of-this-database"


def no_sleep(_seconds: float) -> None:
    return None


def test_the_first_owner_passcode_is_stored_as_a_hash_and_cannot_be_replaced(engine: Engine) -> None:
    assert not owner_code_is_set(engine)
    set_owner_code(engine, CODE)
    assert owner_code_is_set(engine)
    with engine.connect() as conn:
        stored = conn.execute(select(settings.c.value).where(settings.c.key == "owner_code_hash")).scalar()
    assert stored.startswith("scrypt$") and CODE not in stored
    with pytest.raises(InvalidInput, match="already set"):
        set_owner_code(engine, "another-owner-passcode")
    sign_in_owner(engine, CODE, session="me")
    with pytest.raises(AccessDenied):
        sign_in_owner(engine, "another-owner-passcode", session="me", sleep=no_sleep)


def test_a_weak_owner_passcode_is_refused(engine: Engine) -> None:
    with pytest.raises(InvalidInput, match="12 characters"):
        set_owner_code(engine, "owner")
    assert not owner_code_is_set(engine)


def test_the_configured_owner_code_wins_and_no_page_can_set_one(engine: Engine) -> None:
    assert owner_code_is_set(engine, configured=CODE)
    with pytest.raises(InvalidInput):
        set_owner_code(engine, "someone-elses-passcode", configured=CODE)
    sign_in_owner(engine, CODE, configured=CODE)
    with pytest.raises(AccessDenied):
        sign_in_owner(engine, "owner-of-this-databas", configured=CODE, sleep=no_sleep)


def test_wrong_owner_passcodes_make_only_their_session_wait(engine: Engine) -> None:
    set_owner_code(engine, CODE)
    for _ in range(3):
        with pytest.raises(AccessDenied):
            sign_in_owner(engine, "guess-guess-guess", session="guesser", sleep=no_sleep)
    with pytest.raises(TooManyAttempts):
        sign_in_owner(engine, CODE, session="guesser")
    sign_in_owner(engine, CODE, session="the-owner")
