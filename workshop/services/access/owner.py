"""The owner of the database: the one credential that creates and deletes workshops and chooses the one
everybody lands on. It is never printed on a page: it comes from WORKSHOP_OWNER_CODE, or it is set on the
Workshops page by whoever holds the one-time setup code the server printed to its console (stored as a
scrypt hash). The command line acts as owner."""

from __future__ import annotations

import datetime as dt
import hmac
import os
import secrets
import sys
import threading
import time
from typing import TextIO

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.codes import (
    TEAM_CODE_ALPHABET,
    check_new_passcode,
    normalise_team_code,
    require_no_owner_code,
    require_owner_code_storable,
)
from workshop.domain.errors import InvalidInput
from workshop.domain.history import SET, Change, Kind
from workshop.services.access.codes import Clock, Sleep, hash_code, session_scope, throttled, verify_code
from workshop.services.history import record
from workshop.store import read, write
from workshop.store.tables import settings

OWNER_KEY = "owner_code_hash"
OWNER_VARIABLE = "WORKSHOP_OWNER_CODE"
# One row per minted setup code ("owner_setup:<id>" -> "<expires at>$<scrypt hash>"): each server behind
# the same database prints its own, and any of them that has not expired works on every server.
SETUP_PREFIX = "owner_setup:"
SETUP_CODE_HOURS = 24
SETUP_MESSAGE = "Owner setup code"  # what a person looks for in the server's console or log


def configured_owner_code() -> str:
    """WORKSHOP_OWNER_CODE from the environment ('' when unset)."""
    return os.environ.get(OWNER_VARIABLE, "").strip()


def owner_code_is_set(engine: Engine, configured: str = "") -> bool:
    """Whether an owner credential exists (configured, or set on an earlier first run)."""
    if configured:
        return True
    with read(engine) as conn:
        return conn.execute(select(settings.c.value).where(settings.c.key == OWNER_KEY)).scalar() is not None


def set_owner_code(engine: Engine, code: str, configured: str = "") -> None:
    """Store the owner passcode: for the person at the server (tests, the console). A page sets it only
    through `claim_owner`, with the setup code. Refused once one exists (it is never replaced)."""
    require_owner_code_storable(bool(configured))
    code = check_new_passcode(code, field="owner_passcode")
    try:
        with write(engine) as conn:
            conn.execute(settings.insert().values(key=OWNER_KEY, value=hash_code(code)))
            record(conn, None, Kind.ROLE, None, Change.ADDED, "owner", [["owner_passcode", "", SET]])
            conn.execute(settings.delete().where(settings.c.key.startswith(SETUP_PREFIX)))
    except IntegrityError as exc:
        raise InvalidInput("error.owner_code_set", field="owner") from exc


def issue_setup_code(engine: Engine, clock: Clock = time.time) -> tuple[str, float]:
    """A new one-time setup code, valid for SETUP_CODE_HOURS; only its hash is stored. Expired codes are
    dropped. Returns the code and when it expires (seconds since the epoch)."""
    code = "-".join("".join(secrets.choice(TEAM_CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    expires = clock() + SETUP_CODE_HOURS * 3600
    with write(engine) as conn:
        for key, value in conn.execute(select(settings.c.key, settings.c.value)).all():
            if key.startswith(SETUP_PREFIX) and _expiry(value) <= clock():
                conn.execute(settings.delete().where(settings.c.key == key))
        key = SETUP_PREFIX + secrets.token_hex(8)
        conn.execute(settings.insert().values(key=key, value=f"{expires:.0f}${hash_code(normalise_team_code(code))}"))
    return code, expires


def _expiry(value: str) -> float:
    try:
        return float(value.split("$", 1)[0])
    except ValueError:
        return 0.0


def _setup_code_is_right(engine: Engine, code: str, now: float) -> bool:
    with read(engine) as conn:
        stored = conn.execute(select(settings.c.value).where(settings.c.key.startswith(SETUP_PREFIX))).scalars().all()
    typed = normalise_team_code(code)  # case, spaces and dashes do not matter
    # Every live code is hashed (one per server): the answer takes as long whichever one matches.
    matches = [verify_code(typed, value.split("$", 1)[1]) for value in stored if _expiry(value) > now]
    return any(matches)


def claim_owner(
    engine: Engine,
    setup_code: str,
    code: str,
    configured: str = "",
    clock: Clock = time.time,
    *,
    session: str,
    sleep: Sleep = time.sleep,
) -> None:
    """Set the first owner passcode, given a setup code the server printed: wrong setup codes make only
    this session wait. The setup codes end once the owner passcode is set."""
    require_no_owner_code(bool(configured), owner_code_is_set(engine))
    check_new_passcode(code, field="owner_passcode")  # a weak new passcode costs no attempt
    scope = session_scope("owner", "setup", session)
    throttled(engine, scope, "recent:owner", lambda: _setup_code_is_right(engine, setup_code, clock()), clock, sleep)
    set_owner_code(engine, code)


def sign_in_owner(
    engine: Engine,
    code: str,
    configured: str = "",
    clock: Clock = time.time,
    *,
    session: str,
    sleep: Sleep = time.sleep,
) -> None:
    """Check the owner passcode; wrong ones slow only this session, and each answer a few seconds at most."""

    def right() -> bool:
        if configured:
            return hmac.compare_digest(code.strip().encode("utf-8"), configured.encode("utf-8"))
        with read(engine) as conn:
            stored = conn.execute(select(settings.c.value).where(settings.c.key == OWNER_KEY)).scalar()
        return stored is not None and verify_code(code.strip(), stored)

    throttled(engine, session_scope("owner", "owner", session), "recent:owner", right, clock, sleep)


class SetupAnnouncer:
    """One server process's setup code: printed to its console when the process first runs the app and no
    owner exists (and again once the code has expired, or after a restart)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner_known = False
        self._expires = 0.0

    def announce(
        self, engine: Engine, configured: str, out: TextIO | None = None, clock: Clock = time.time
    ) -> str | None:
        """Print a fresh setup code when this process needs one; returns it (None when none was printed)."""
        if self._owner_known or configured:
            return None
        with self._lock:
            if self._owner_known or clock() < self._expires:
                return None
            if owner_code_is_set(engine):
                self._owner_known = True
                return None
            code, self._expires = issue_setup_code(engine, clock)
        until = dt.datetime.fromtimestamp(self._expires, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        print(
            f"{SETUP_MESSAGE}: {code} (valid until {until}). No owner passcode is set for this database: open "
            f"the Workshops page and enter this code to set it, or set {OWNER_VARIABLE}.",
            file=out or sys.stderr,
            flush=True,
        )
        return code
