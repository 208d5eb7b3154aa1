"""Who may do what: passcodes for facilitators and leadership, join codes for teams. Codes are stored as
scrypt hashes, never in clear.

Guessing is made infeasible by the code space and the hash cost, not by locking people out: wrong codes
make only the browser session that sends them wait (a library's staff shares one address, so never per
address, and never for everyone); wrong passcodes cost every sender of the workshop a few seconds at
most; many wrong codes for one workshop are counted for its facilitator to see."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, exists, select

from workshop.domain.codes import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    TEAM_CODE_ALPHABET,
    check_new_passcode,
    check_passcode,
    new_passcode,
    new_team_code,
    normalise_team_code,
    require_passcode_role,
    require_waited,
    stored_hash_problem,
    wait_after,
)
from workshop.domain.errors import AccessDenied, NotFound
from workshop.domain.model import Role, Team
from workshop.services.rows import TEAMS
from workshop.store import read, write
from workshop.store.engine import upsert
from workshop.store.one_statement import one_statement
from workshop.store.tables import sign_in_attempts, teams, workshops

__all__ = [
    "TEAM_CODE_ALPHABET",
    "check_new_passcode",
    "check_passcode",
    "hash_code",
    "join_team",
    "new_passcode",
    "new_team_code",
    "normalise_team_code",
    "recent_wrong_codes",
    "sign_in",
    "throttled",
    "verify_code",
    "wait_after",
]

_N, _R, _P = SCRYPT_N, SCRYPT_R, SCRYPT_P  # _N is lowered by the tests (tests/conftest.py)
# Hashes of team codes that found their team, by an HMAC (with this process's own random key) of the salt
# and code: a team's second device, a reload or a reconnect joins without the scrypt. A code is hashed at
# full cost until it has worked once, so a guess costs as much as before (issue 17).
_JOINED_MAX = 4096
_joined: OrderedDict[bytes, tuple[str, str]] = OrderedDict()  # -> (salt, the code's hash)
_joined_lock = threading.Lock()
# Hashes at once: each takes 128 * r * n bytes (16 MB) and a core; more at once than cores is no quicker,
# only bigger (the C library keeps freed buffers, see ui.context.give_large_blocks_back).
_hashing = threading.BoundedSemaphore(os.cpu_count() or 2)
_PROCESS_KEY = secrets.token_bytes(32)
RECENT_WINDOW_SECONDS = 600  # wrong codes each within 10 minutes of the last count as one run
WARN_AFTER = 25  # that many in a run: the facilitator is told someone may be guessing
PASSCODE_DELAY_STEP = 0.5  # a wrong passcode's answer is delayed by this per recent wrong passcode...
MAX_PASSCODE_DELAY = 3.0  # ...but never more than this: slowed by seconds, never locked for minutes
_FORGET_AFTER = 86_400.0  # counters untouched for a day are deleted
Clock = Callable[[], float]
Sleep = Callable[[float], None]


def hash_code(code: str, salt: bytes | None = None) -> str:
    """A self-describing scrypt hash: scrypt$n$r$p$salt$hash."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    with _hashing:
        digest = hashlib.scrypt(code.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_code(code: str, stored: str) -> bool:
    if stored_hash_problem(stored):  # never spend more than the app's own cost on a stored hash
        return False
    try:
        _, n, r, p, salt, digest = stored.split("$")
        with _hashing:
            candidate = hashlib.scrypt(
                code.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
            )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def team_code_hash(code: str, salt_hex: str) -> str:
    """Team codes share their workshop's salt, so a code is found with one hash, not one per team."""
    return hash_code(normalise_team_code(code), bytes.fromhex(salt_hex)).rsplit("$", 1)[1]


def public_team_code_hash(code: str, salt_hex: str) -> str:
    """The hash of a team code that is no secret (the demo's, printed on its home page, which asks on
    every run): worked out once per process, salt and cost, since remembering it gives nothing away."""
    return _remembered_hash(code, salt_hex, _N)


@lru_cache(maxsize=256)
def _remembered_hash(code: str, salt_hex: str, _cost: int) -> str:
    return team_code_hash(code, salt_hex)


def _locked_row(conn: Connection, scope: str) -> Row[Any]:
    """The counter row for a scope, created if missing and locked until the transaction ends."""
    values = {"scope": scope, "failures": 0, "last_failure_at": 0.0}
    conn.execute(upsert(conn, sign_in_attempts).values(values).on_conflict_do_nothing())
    return conn.execute(select(sign_in_attempts).where(sign_in_attempts.c.scope == scope).with_for_update()).one()


def count_attempt(engine: Engine, scope: str, clock: Clock) -> None:
    """Check this session's wait and count the attempt in one transaction, before any code is hashed:
    parallel guesses from one session queue here, and only those the wait allows are checked."""
    with write(engine) as conn:
        conn.execute(sign_in_attempts.delete().where(sign_in_attempts.c.last_failure_at < clock() - _FORGET_AFTER))
        row = _locked_row(conn, scope)
        now = clock()  # read once the row is ours: a guess that waited for the lock must not count from before it
        require_waited(row.failures, row.last_failure_at, now)
        conn.execute(
            sign_in_attempts.update()
            .where(sign_in_attempts.c.scope == scope)
            .values(failures=row.failures + 1, last_failure_at=now)
        )


def settle(engine: Engine, scope: str, ok: bool, recent_scope: str, clock: Clock) -> int:
    """A right code clears the session's count; a wrong one is added to the workshop's recent run.
    Returns that run's length (0 after a right code)."""
    with write(engine) as conn:
        if ok:
            conn.execute(sign_in_attempts.delete().where(sign_in_attempts.c.scope == scope))
            return 0
        now = clock()
        row = _locked_row(conn, recent_scope)
        fresh = now - row.last_failure_at <= RECENT_WINDOW_SECONDS
        failures = row.failures + 1 if fresh else 1
        conn.execute(
            sign_in_attempts.update()
            .where(sign_in_attempts.c.scope == recent_scope)
            .values(failures=failures, last_failure_at=now)
        )
        return int(failures)


def session_scope(owner: str, kind: str, session: str) -> str:
    """The counter of one browser session's attempts at one kind of code. Every check of a secret names
    its session: without one, all senders would share one counter and one visitor's guesses would make
    everybody wait (issue 24.4)."""
    if not session:
        raise ValueError("a secret is checked for one browser session: name the session")
    return f"session:{owner}:{kind}:{session}"[:100]


def throttled(
    engine: Engine, scope: str, recent_scope: str, check: Callable[[], bool], clock: Clock, sleep: Sleep | None
) -> None:
    """The one per-session throttle every secret goes through: this session's wait is checked and the
    attempt counted before `check` hashes anything; a right code clears the count; a wrong one is added to
    the recent run, answered `passcode_delay` late when `sleep` is given, and refused without a reason."""
    count_attempt(engine, scope, clock)
    ok = check()
    recent = settle(engine, scope, ok, recent_scope, clock)
    if not ok:
        if sleep is not None:
            sleep(passcode_delay(recent))
        raise AccessDenied("error.wrong_code")


def _recent_scope(workshop_id: int, kind: str) -> str:
    return f"recent:{workshop_id}:{kind}"


@dataclass(frozen=True)
class RecentWrongCodes:
    """Wrong codes tried on one workshop lately (each within the window of the one before)."""

    count: int
    last_at: float

    @property
    def alarming(self) -> bool:
        return self.count >= WARN_AFTER


def recent_wrong_codes(engine: Engine, workshop_id: int, clock: Clock = time.time) -> RecentWrongCodes:
    """How many wrong team codes and passcodes this workshop has seen in its latest run of them."""
    now, count, last = clock(), 0, 0.0
    scopes = [_recent_scope(workshop_id, "team"), _recent_scope(workshop_id, "passcode")]
    with read(engine) as conn:
        for row in conn.execute(select(sign_in_attempts).where(sign_in_attempts.c.scope.in_(scopes))):
            if now - row.last_failure_at <= RECENT_WINDOW_SECONDS:
                count, last = count + row.failures, max(last, row.last_failure_at)
    return RecentWrongCodes(count, last)


def passcode_delay(recent: int) -> float:
    """Seconds a wrong passcode's answer waits, growing with the workshop's recent wrong passcodes."""
    return min(MAX_PASSCODE_DELAY, PASSCODE_DELAY_STEP * recent)


def sign_in(
    engine: Engine,
    workshop_id: int,
    role: Role,
    code: str,
    clock: Clock = time.time,
    *,
    session: str,
    sleep: Sleep = time.sleep,
) -> Role:
    """Check a facilitator or leadership passcode; a wrong one is refused without saying why, a little late."""
    require_passcode_role(role)
    column = workshops.c.facilitator_code_hash if role == Role.FACILITATOR else workshops.c.leadership_code_hash

    def right() -> bool:
        with read(engine) as conn:
            stored = conn.execute(select(column).where(workshops.c.id == workshop_id)).scalar()
        return stored is not None and verify_code(code.strip(), stored)

    scope = session_scope(str(workshop_id), role.value, session)
    throttled(engine, scope, _recent_scope(workshop_id, "passcode"), right, clock, sleep)
    return role


# A known code's join, built once: every device of the 9:00 crowd makes this one read, the code's team and
# whether this session has wrong codes counted (each statement hands the GIL over; 60 script threads wait for it).
_SALT = select(workshops.c.team_code_salt).where(workshops.c.id == bindparam("workshop"))
_KNOWN_JOIN = select(
    teams.c.id,
    teams.c.name,
    exists().where(sign_in_attempts.c.scope == bindparam("scope")).label("counted"),
).where(teams.c.workshop_id == bindparam("workshop"), teams.c.code_hash == bindparam("digest"))


def join_team(engine: Engine, workshop_id: int, code: str, clock: Clock = time.time, *, session: str) -> Team:
    """The team whose join code this is, in this workshop."""
    scope = session_scope(str(workshop_id), "team", session)
    # By workshop, not salt: the remembered hash must find its team; under another salt the code is hashed again.
    known = hmac.new(_PROCESS_KEY, f"{_N}:{workshop_id}:{normalise_team_code(code)}".encode(), "sha256").digest()
    with _joined_lock:
        salt_and_hash = _joined.get(known)
    remembered = salt_and_hash[1] if salt_and_hash else None
    if remembered is not None and (team := _known_team(engine, workshop_id, remembered, scope)) is not None:
        # A code that has worked before, from a session with no wrong codes to wait for: nothing to
        # count and nothing to clear, so no write (the 9:00 crowd's reloads and second devices).
        return team
    with read(engine) as conn:
        salt = conn.execute(_SALT, {"workshop": workshop_id}).scalar()
    if salt is None:
        raise NotFound("error.no_such_workshop")
    if salt_and_hash is not None and salt_and_hash[0] != salt:  # the hash was of the same id's earlier workshop
        remembered = None
    found: list[Any] = []  # the team row, once the code found it

    def right() -> bool:
        digest = remembered or team_code_hash(code, salt)
        with read(engine) as conn:
            row = conn.execute(
                select(teams.c.id, teams.c.name, teams.c.code_hash).where(
                    TEAMS.of(workshop_id), teams.c.code_hash == digest
                )
            ).first()
        found.extend([row] if row is not None else [])
        return row is not None

    throttled(engine, scope, _recent_scope(workshop_id, "team"), right, clock, None)
    row = found[0]
    digest = row.code_hash
    with _joined_lock:
        _joined[known] = (salt, digest)
        _joined.move_to_end(known)
        while len(_joined) > _JOINED_MAX:
            _joined.popitem(last=False)
    return Team(id=row.id, workshop_id=workshop_id, name=row.name)


def _known_team(engine: Engine, workshop_id: int, digest: str, scope: str) -> Team | None:
    """The team of a code that worked before in this process, if this session has no wrong codes counted."""
    with one_statement(engine) as conn:
        row = conn.execute(_KNOWN_JOIN, {"workshop": workshop_id, "digest": digest, "scope": scope}).first()
    return None if row is None or row.counted else Team(id=row.id, workshop_id=workshop_id, name=row.name)
