"""Passcodes and team codes: hashed, checked, and slowed down after wrong guesses."""

import re
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.sql.dml import UpdateBase

from workshop.domain.codes import FREE_ATTEMPTS
from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.domain.model import Role
from workshop.services.access.codes import (
    MAX_PASSCODE_DELAY,
    RECENT_WINDOW_SECONDS,
    TEAM_CODE_ALPHABET,
    WARN_AFTER,
    join_team,
    new_passcode,
    new_team_code,
    recent_wrong_codes,
    sign_in,
    wait_after,
)
from workshop.services.week.teams import delete_team, regenerate_code
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store.tables import teams, workshops


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_codes_are_stored_only_as_hashes(engine: Engine, wid: int) -> None:
    add_team(engine, wid, "Front desk", "ABC234")
    with engine.connect() as conn:
        stored = conn.execute(select(workshops)).first()._mapping
        code_hash = conn.execute(select(teams.c.code_hash)).scalar()
    assert "facilitate-me" not in str(dict(stored)) and stored["facilitator_code_hash"].startswith("scrypt$")
    assert "ABC234" not in code_hash


def test_the_right_passcode_signs_in_and_a_wrong_one_is_refused(engine: Engine, wid: int) -> None:
    assert sign_in(engine, wid, Role.FACILITATOR, "facilitate-me", session="test") == Role.FACILITATOR
    assert sign_in(engine, wid, Role.LEADERSHIP, " lead-me-now ", session="test") == Role.LEADERSHIP
    with pytest.raises(AccessDenied):
        sign_in(engine, wid, Role.LEADERSHIP, "facilitate-me", session="test")


def test_repeated_wrong_codes_get_a_growing_wait_in_that_session(engine: Engine, wid: int) -> None:
    clock = Clock()
    for _ in range(3):
        with pytest.raises(AccessDenied):
            sign_in(engine, wid, Role.FACILITATOR, "guess-guess", clock, session="a", sleep=no_sleep)
    with pytest.raises(TooManyAttempts) as first:
        sign_in(engine, wid, Role.FACILITATOR, "facilitate-me", clock, session="a")
    clock.now += first.value.wait_seconds
    with pytest.raises(AccessDenied):
        sign_in(engine, wid, Role.FACILITATOR, "guess-again", clock, session="a", sleep=no_sleep)
    with pytest.raises(TooManyAttempts) as second:
        sign_in(engine, wid, Role.FACILITATOR, "facilitate-me", clock, session="a")
    assert second.value.wait_seconds > first.value.wait_seconds
    clock.now += second.value.wait_seconds
    assert sign_in(engine, wid, Role.FACILITATOR, "facilitate-me", clock, session="a") == Role.FACILITATOR
    # success clears the count: the next mistake costs no wait
    with pytest.raises(AccessDenied):
        sign_in(engine, wid, Role.FACILITATOR, "typo-typo", clock, session="a", sleep=no_sleep)


def no_sleep(_seconds: float) -> None:
    return None


def test_wrong_team_codes_from_one_session_never_make_another_session_wait(engine: Engine, wid: int) -> None:
    """Issue 12.1: one visitor guessing (form or ?code= links) used to lock every team out for minutes."""
    add_team(engine, wid, "Front desk", "ABC234")
    clock = Clock()
    for _ in range(3):
        with pytest.raises(AccessDenied):
            join_team(engine, wid, "ZZZZ-ZZZZ", clock, session="guesser")
    with pytest.raises(TooManyAttempts):
        join_team(engine, wid, "ZZZZ-ZZZZ", clock, session="guesser")
    # another browser: joins at once, and its own typo is just a wrong code, not a wait
    assert join_team(engine, wid, "ABC234", clock, session="front-desk").name == "Front desk"
    with pytest.raises(AccessDenied):
        join_team(engine, wid, "ABC235", clock, session="someone-else")
    # staff passcodes are not held up either
    assert sign_in(engine, wid, Role.LEADERSHIP, "lead-me-now", clock, session="leader") == Role.LEADERSHIP


def test_parallel_guesses_from_one_session_are_counted_before_any_is_checked(engine: Engine, wid: int) -> None:
    """Issue 12.1: the check and the count were not atomic (20 parallel guesses got 17 codes checked)."""
    outcomes: list[str] = []

    def guess(n: int) -> None:
        try:
            join_team(engine, wid, f"GUESS{n:03d}", session="burst")
        except AccessDenied:
            outcomes.append("checked")
        except TooManyAttempts:
            outcomes.append("refused")

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("checked") == FREE_ATTEMPTS and outcomes.count("refused") == 20 - FREE_ATTEMPTS


def test_many_wrong_codes_for_a_workshop_warn_its_facilitator_without_a_wait(engine: Engine, wid: int) -> None:
    add_team(engine, wid, "Front desk", "ABC234")
    clock = Clock()
    for n in range(WARN_AFTER):
        clock.now += 5
        with pytest.raises(AccessDenied):
            join_team(engine, wid, "WXYZ-WXYZ", clock, session=f"visitor-{n}")
    recent = recent_wrong_codes(engine, wid, clock)
    assert recent.alarming and recent.count == WARN_AFTER and recent.last_at == clock.now
    assert join_team(engine, wid, "ABC234", clock, session="team").name == "Front desk"
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    assert recent_wrong_codes(engine, other, clock).count == 0
    clock.now += RECENT_WINDOW_SECONDS + 1
    assert not recent_wrong_codes(engine, wid, clock).alarming


def test_wrong_passcodes_are_slowed_by_seconds_never_minutes(engine: Engine, wid: int) -> None:
    clock, slept = Clock(), []
    for n in range(40):  # forty fresh sessions guessing the facilitator passcode
        with pytest.raises(AccessDenied):
            sign_in(engine, wid, Role.FACILITATOR, f"guess-{n}", clock, session=f"s{n}", sleep=slept.append)
    assert 0 < slept[0] < slept[5] and max(slept) == MAX_PASSCODE_DELAY <= 3
    # the real facilitator, in the middle of it, signs in at once
    assert sign_in(engine, wid, Role.FACILITATOR, "facilitate-me", clock, session="me") == Role.FACILITATOR


def test_wait_doubles_and_is_capped() -> None:
    assert [wait_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    assert wait_after(50) == 300


def test_a_team_joins_with_its_code_typed_loosely(engine: Engine, wid: int) -> None:
    team, _ = add_team(engine, wid, "Children & families", "KX7-Q2M")
    assert join_team(engine, wid, " kx7q2m ", session="test").id == team.id
    with pytest.raises(AccessDenied):
        join_team(engine, wid, "KX7Q2N", session="test")


def test_a_team_code_does_not_open_another_workshop(engine: Engine, wid: int) -> None:
    add_team(engine, wid, "Front desk", "ABC234")
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    with pytest.raises(AccessDenied):
        join_team(engine, other, "ABC234", session="test")


def test_new_team_codes_are_eight_look_alike_free_characters_shown_grouped() -> None:
    codes = {new_team_code() for _ in range(200)}
    assert all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", c) for c in codes)
    assert all(set(c.replace("-", "")) <= set(TEAM_CODE_ALPHABET) for c in codes)
    assert not set("0O1lI") & set(TEAM_CODE_ALPHABET)


def test_an_eight_character_code_joins_with_or_without_its_dash_in_any_case(engine: Engine, wid: int) -> None:
    team, code = add_team(engine, wid, "Makerspace")
    assert len(code) == 9 and code[4] == "-"
    for typed in (code, code.replace("-", ""), f"  {code.lower()} ", code.replace("-", " ")):
        assert join_team(engine, wid, typed, session="typing").id == team.id


def test_short_passcodes_are_refused(engine: Engine) -> None:
    with pytest.raises(InvalidInput):
        create_workshop(engine, "Week", "abc", "lead-me-now")


@pytest.mark.parametrize(
    ("passcode", "why"),
    [
        ("lead-me-now", "12 characters"),
        ("Password1234", "too common"),
        ("aaaaaaaaaaaaaaaa", "too common"),
        ("1234567890123", "too common"),
        ("Strategy week 2027", "too common"),
    ],
)
def test_a_passcode_chosen_for_a_new_workshop_must_be_long_and_uncommon(
    engine: Engine, passcode: str, why: str
) -> None:
    with pytest.raises(InvalidInput, match=why):
        create_workshop(engine, "Week", new_passcode(), passcode, strict_passcodes=True)


def test_the_generated_passcode_is_accepted(engine: Engine) -> None:
    offered = new_passcode()
    assert len(offered) >= 16
    wid = create_workshop(engine, "Week", offered, new_passcode(), strict_passcodes=True)
    assert sign_in(engine, wid, Role.FACILITATOR, offered, session="test") == Role.FACILITATOR


def test_a_stored_hash_dearer_than_the_apps_own_is_never_computed() -> None:
    """A hash from a crafted backup names its own cost; p=1,000,000,000 would hold a server thread for hours.
    One step above the app's cost is refused even with the right passcode, so the costly one is never run."""
    import hashlib

    from workshop.services.access.codes import verify_code

    salt = bytes(range(16))
    digest = hashlib.scrypt(b"the right passcode", salt=salt, n=16, r=8, p=2, dklen=32).hex()
    assert not verify_code("the right passcode", f"scrypt$16$8$2${salt.hex()}${digest}")
    cheap = hashlib.scrypt(b"the right passcode", salt=salt, n=16, r=8, p=1, dklen=32).hex()
    assert verify_code("the right passcode", f"scrypt$16$8$1${salt.hex()}${cheap}")  # the app's own shape


def _writes_during(engine: Engine) -> tuple[list[str], Callable[[], None]]:
    """The tables INSERT/UPDATE/DELETE statements write to while listening, and a function that stops it."""
    written: list[str] = []

    def note(_conn: object, clause: object, *_args: object) -> None:
        if isinstance(clause, UpdateBase):
            written.append(clause.table.name)  # type: ignore[attr-defined]

    event.listen(engine, "after_execute", note)
    return written, lambda: event.remove(engine, "after_execute", note)


def test_a_code_that_has_worked_joins_again_from_another_session_without_a_write(engine: Engine, wid: int) -> None:
    """Issue 25: at 9:00 every team's second device, reload and reconnect joins with a code that has worked
    once; each such join wrote two transactions (count the attempt, then clear it) that the crowd queued for."""
    team, _ = add_team(engine, wid, "Front desk", "ABC234")
    assert join_team(engine, wid, "ABC234", session="first-device").id == team.id
    written, stop = _writes_during(engine)
    try:
        joined = [join_team(engine, wid, " abc234 ", session=f"device-{n}") for n in range(3)]
    finally:
        stop()
    assert [found.id for found in joined] == [team.id] * 3
    assert written == []


def test_a_code_that_has_worked_still_waits_out_the_sessions_wrong_guesses(engine: Engine, wid: int) -> None:
    """The join without a write is only for a session with nothing counted: a session that guessed wrong
    waits, whatever code it sends next, and its right code clears its count as before."""
    add_team(engine, wid, "Front desk", "ABC234")
    clock = Clock()
    join_team(engine, wid, "ABC234", clock, session="the-team")
    for _ in range(3):
        with pytest.raises(AccessDenied):
            join_team(engine, wid, "ZZZZ-ZZZZ", clock, session="guesser")
    with pytest.raises(TooManyAttempts) as waiting:
        join_team(engine, wid, "ABC234", clock, session="guesser")
    clock.now += waiting.value.wait_seconds
    assert join_team(engine, wid, "ABC234", clock, session="guesser").name == "Front desk"
    with pytest.raises(AccessDenied):  # the right code cleared the count: the next typo costs no wait
        join_team(engine, wid, "ZZZZ-ZZZZ", clock, session="guesser")


def test_a_code_that_has_worked_no_longer_joins_once_the_team_has_a_new_one(engine: Engine, wid: int) -> None:
    team, _ = add_team(engine, wid, "Front desk", "ABC234")
    join_team(engine, wid, "ABC234", session="first-device")
    fresh = regenerate_code(engine, wid, int(team.id or 0))
    with pytest.raises(AccessDenied):
        join_team(engine, wid, "ABC234", session="second-device")
    assert join_team(engine, wid, fresh.code, session="second-device").id == team.id
    delete_team(engine, wid, int(team.id or 0))
    with pytest.raises(AccessDenied):
        join_team(engine, wid, fresh.code, session="third-device")
