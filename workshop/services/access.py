"""Who may do what: passcodes for facilitators and leadership, join codes for teams, and a growing
wait after wrong codes. Codes are stored as scrypt hashes, never in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

from sqlalchemy import Engine, select

from workshop.domain.errors import AccessDenied, InvalidInput, NotFound, TooManyAttempts
from workshop.domain.model import Role, Team
from workshop.store import read, write
from workshop.store.tables import sign_in_attempts, teams, workshops

TEAM_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/l: easy to read out and type
TEAM_CODE_LENGTH = 6
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300
_N, _R, _P = 2**14, 8, 1
Clock = Callable[[], float]


def hash_code(code: str, salt: bytes | None = None) -> str:
    """A self-describing scrypt hash: scrypt$n$r$p$salt$hash."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(code.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_code(code: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        candidate = hashlib.scrypt(
            code.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def check_passcode(code: str) -> str:
    """A facilitator or leadership passcode must be at least 6 characters."""
    code = code.strip()
    if len(code) < 6:
        raise InvalidInput("a passcode needs at least 6 characters", field="passcode")
    return code


def new_team_code() -> str:
    return "".join(secrets.choice(TEAM_CODE_ALPHABET) for _ in range(TEAM_CODE_LENGTH))


def normalise_team_code(code: str) -> str:
    """What a person typed, as the code it means: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def team_code_hash(code: str, salt_hex: str) -> str:
    """Team codes share their workshop's salt, so a code is found with one hash, not one per team."""
    return hash_code(normalise_team_code(code), bytes.fromhex(salt_hex)).rsplit("$", 1)[1]


def wait_after(failures: int) -> int:
    """Seconds to wait after this many wrong codes in a row: none at first, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1)))


def _throttle(engine: Engine, scope: str, clock: Clock) -> None:
    with read(engine) as conn:
        row = conn.execute(select(sign_in_attempts).where(sign_in_attempts.c.scope == scope)).first()
    if row is None:
        return
    remaining = row.last_failure_at + wait_after(row.failures) - clock()
    if remaining > 0:
        raise TooManyAttempts(int(remaining) + 1)


def _register_attempt(engine: Engine, scope: str, ok: bool, clock: Clock) -> None:
    with write(engine) as conn:
        row = conn.execute(select(sign_in_attempts).where(sign_in_attempts.c.scope == scope)).first()
        if ok:
            if row is not None:
                conn.execute(sign_in_attempts.delete().where(sign_in_attempts.c.scope == scope))
            return
        failures = (row.failures if row else 0) + 1
        if row is None:
            conn.execute(sign_in_attempts.insert().values(scope=scope, failures=failures, last_failure_at=clock()))
        else:
            conn.execute(
                sign_in_attempts.update()
                .where(sign_in_attempts.c.scope == scope)
                .values(failures=failures, last_failure_at=clock())
            )


def sign_in(engine: Engine, workshop_id: int, role: Role, code: str, clock: Clock = time.time) -> Role:
    """Check a facilitator or leadership passcode; a wrong one is refused without saying why."""
    if role not in (Role.FACILITATOR, Role.LEADERSHIP):
        raise AccessDenied("teams join with their team code")
    scope = f"{workshop_id}:{role.value}"
    _throttle(engine, scope, clock)
    column = workshops.c.facilitator_code_hash if role == Role.FACILITATOR else workshops.c.leadership_code_hash
    with read(engine) as conn:
        stored = conn.execute(select(column).where(workshops.c.id == workshop_id)).scalar()
    ok = stored is not None and verify_code(code.strip(), stored)
    _register_attempt(engine, scope, ok, clock)
    if not ok:
        raise AccessDenied("wrong code")
    return role


def join_team(engine: Engine, workshop_id: int, code: str, clock: Clock = time.time) -> Team:
    """The team whose join code this is, in this workshop."""
    scope = f"{workshop_id}:team"
    _throttle(engine, scope, clock)
    with read(engine) as conn:
        salt = conn.execute(select(workshops.c.team_code_salt).where(workshops.c.id == workshop_id)).scalar()
        if salt is None:
            raise NotFound("no such workshop")
        row = conn.execute(
            select(teams.c.id, teams.c.name).where(
                teams.c.workshop_id == workshop_id, teams.c.code_hash == team_code_hash(code, salt)
            )
        ).first()
    _register_attempt(engine, scope, row is not None, clock)
    if row is None:
        raise AccessDenied("wrong code")
    return Team(id=row.id, workshop_id=workshop_id, name=row.name)
