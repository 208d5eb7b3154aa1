"""The owner of the database: the one credential that creates and deletes workshops and chooses the one
everybody lands on. It is never printed on a page: it comes from WORKSHOP_OWNER_CODE, or the first
person to open the Workshops page sets it (stored as a scrypt hash). The command line acts as owner."""

from __future__ import annotations

import hmac
import os
import time

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.codes import check_new_passcode
from workshop.domain.errors import AccessDenied, InvalidInput
from workshop.services.access import (
    Clock,
    Sleep,
    count_attempt,
    hash_code,
    passcode_delay,
    session_scope,
    settle,
    verify_code,
)
from workshop.store import read, write
from workshop.store.tables import settings

OWNER_KEY = "owner_code_hash"
OWNER_VARIABLE = "WORKSHOP_OWNER_CODE"


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
    """The first run's owner passcode; refused once one exists (it is never replaced from a page)."""
    if configured:
        raise InvalidInput("the owner passcode is set by WORKSHOP_OWNER_CODE", field="owner")
    code = check_new_passcode(code, field="owner passcode")
    try:
        with write(engine) as conn:
            conn.execute(settings.insert().values(key=OWNER_KEY, value=hash_code(code)))
    except IntegrityError as exc:
        raise InvalidInput("an owner passcode is already set", field="owner") from exc


def sign_in_owner(
    engine: Engine,
    code: str,
    configured: str = "",
    clock: Clock = time.time,
    *,
    session: str = "",
    sleep: Sleep = time.sleep,
) -> None:
    """Check the owner passcode; wrong ones slow only this session, and each answer a few seconds at most."""
    scope = session_scope("owner", "owner", session)
    count_attempt(engine, scope, clock)
    if configured:
        ok = hmac.compare_digest(code.strip().encode("utf-8"), configured.encode("utf-8"))
    else:
        with read(engine) as conn:
            stored = conn.execute(select(settings.c.value).where(settings.c.key == OWNER_KEY)).scalar()
        ok = stored is not None and verify_code(code.strip(), stored)
    recent = settle(engine, scope, ok, "recent:owner", clock)
    if not ok:
        sleep(passcode_delay(recent))
        raise AccessDenied("wrong code")
