"""The owner credential: set once (with the setup code the server printed, or WORKSHOP_OWNER_CODE), checked as
a hash, slowed when wrong."""

import io

import pytest
from sqlalchemy import Engine, select

from workshop.domain.codes import FREE_ATTEMPTS
from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.services.access.owner import (
    SETUP_CODE_HOURS,
    SETUP_MESSAGE,
    SETUP_PREFIX,
    SetupAnnouncer,
    claim_owner,
    issue_setup_code,
    owner_code_is_set,
    set_owner_code,
    sign_in_owner,
)
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
    sign_in_owner(engine, CODE, configured=CODE, session="test")
    with pytest.raises(AccessDenied):
        sign_in_owner(engine, "owner-of-this-databas", configured=CODE, sleep=no_sleep, session="test")


def test_wrong_owner_passcodes_make_only_their_session_wait(engine: Engine) -> None:
    set_owner_code(engine, CODE)
    for _ in range(3):
        with pytest.raises(AccessDenied):
            sign_in_owner(engine, "guess-guess-guess", session="guesser", sleep=no_sleep)
    with pytest.raises(TooManyAttempts):
        sign_in_owner(engine, CODE, session="guesser")
    sign_in_owner(engine, CODE, session="the-owner")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_setup_code_is_stored_only_as_a_hash_and_sets_the_owner_once(engine: Engine) -> None:
    """Issue 24.5: a fresh install's owner was whoever came first; now it takes the printed setup code."""
    setup, _ = issue_setup_code(engine)
    with engine.connect() as conn:
        stored = [r.value for r in conn.execute(select(settings).where(settings.c.key.startswith(SETUP_PREFIX)))]
    assert len(stored) == 1 and setup not in stored[0] and setup.replace("-", "") not in stored[0]
    for guess in ("", "ABCD-EFGH-JKMN"):
        with pytest.raises(AccessDenied):
            claim_owner(engine, guess, CODE, session="first-visitor", sleep=no_sleep)
    assert not owner_code_is_set(engine)
    claim_owner(engine, f" {setup.lower()} ", CODE, session="operator")
    sign_in_owner(engine, CODE, session="operator")
    with engine.connect() as conn:  # the setup codes end with it
        assert conn.execute(select(settings).where(settings.c.key.startswith(SETUP_PREFIX))).all() == []
    with pytest.raises(InvalidInput, match="already set"):
        claim_owner(engine, setup, "another-owner-passcode", session="operator")


def test_every_servers_live_setup_code_works_and_an_expired_one_does_not(engine: Engine) -> None:
    """Several servers on one database each print their own code; any live one works on every server."""
    clock = Clock()
    first, _ = issue_setup_code(engine, clock)
    clock.now += 3600
    second, _ = issue_setup_code(engine, clock)
    clock.now += SETUP_CODE_HOURS * 3600 - 1800  # the first has expired, the second has not
    with pytest.raises(AccessDenied):
        claim_owner(engine, first, CODE, clock=clock, session="operator", sleep=no_sleep)
    claim_owner(engine, second, CODE, clock=clock, session="operator")
    assert owner_code_is_set(engine)


def test_wrong_setup_codes_make_only_their_session_wait_and_a_weak_passcode_costs_no_attempt(engine: Engine) -> None:
    setup, _ = issue_setup_code(engine)
    for _ in range(5):  # a weak new passcode is refused before the setup code is checked or counted
        with pytest.raises(InvalidInput, match="12 characters"):
            claim_owner(engine, "ABCD-EFGH-JKMN", "owner", session="guesser")
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AccessDenied):
            claim_owner(engine, "ABCD-EFGH-JKMN", CODE, session="guesser", sleep=no_sleep)
    with pytest.raises(TooManyAttempts):
        claim_owner(engine, setup, CODE, session="guesser")
    claim_owner(engine, setup, CODE, session="operator")
    assert owner_code_is_set(engine)


def test_the_server_prints_a_setup_code_once_per_process_again_after_a_restart_and_after_it_expires(
    engine: Engine,
) -> None:
    clock, out = Clock(), io.StringIO()
    process = SetupAnnouncer()
    first = process.announce(engine, "", out, clock)
    assert first is not None and process.announce(engine, "", out, clock) is None
    assert out.getvalue().count(SETUP_MESSAGE) == 1 and f"{SETUP_MESSAGE}: {first} " in out.getvalue()
    restarted = SetupAnnouncer().announce(engine, "", out, clock)  # a restart, or a second server
    assert restarted not in (None, first) and out.getvalue().count(SETUP_MESSAGE) == 2
    clock.now += SETUP_CODE_HOURS * 3600
    renewed = process.announce(engine, "", out, clock)
    assert renewed not in (None, first, restarted)
    claim_owner(engine, str(renewed), CODE, clock=clock, session="operator")
    assert SetupAnnouncer().announce(engine, "", out, clock) is None  # an owner exists: nothing to print
    assert SetupAnnouncer().announce(engine, "configured-owner-code", out, clock) is None
    assert out.getvalue().count(SETUP_MESSAGE) == 3
