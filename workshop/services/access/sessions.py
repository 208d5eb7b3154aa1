"""A facilitator's or leadership's sign-in that survives a reload: a random token in the address (?s=...),
of which the database keeps only a sha256 hash, with the role, the workshop and an expiry."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from workshop.domain.errors import NotFound
from workshop.domain.model import Role
from workshop.domain.role_sessions import require_kept, session_expiry, session_live
from workshop.store import read, write
from workshop.store.tables import role_sessions, workshops

Clock = Callable[[], dt.datetime]
MAX_TOKEN = 200  # a token from the address longer than this is not one of ours


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _token_hash(token: str) -> str:
    """A 256-bit random token needs no slow hash: its sha256 can be neither turned back nor guessed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RoleSession:
    workshop_id: int
    role: Role
    workshop_uid: str  # the workshop's identity: the session holds its role in that very workshop


def start_session(engine: Engine, workshop_id: int, role: Role, clock: Clock = _now) -> str:
    """A new token for a passcode sign-in that just succeeded; expired sessions are cleared on the way."""
    require_kept(role)
    token = secrets.token_urlsafe(32)
    now = clock()
    with write(engine) as conn:
        uid = conn.execute(select(workshops.c.uid).where(workshops.c.id == workshop_id)).scalar()
        if uid is None:
            raise NotFound("error.missing.workshop", id=workshop_id)
        conn.execute(role_sessions.delete().where(role_sessions.c.expires_at <= now))
        conn.execute(
            role_sessions.insert().values(
                token_hash=_token_hash(token),
                workshop_id=workshop_id,
                workshop_uid=uid,
                role=role.value,
                expires_at=session_expiry(now),
            )
        )
    return token


def resume_session(engine: Engine, token: str, clock: Clock = _now) -> RoleSession | None:
    """The role and workshop a token from the address signs in again, or None for a wrong, ended or
    expired token, or one whose workshop is gone: the very workshop it was made in, not one with its number."""
    if not token or len(token) > MAX_TOKEN:
        return None
    with read(engine) as conn:
        row = conn.execute(
            select(role_sessions.c.workshop_id, role_sessions.c.role, role_sessions.c.expires_at, workshops.c.uid)
            .join(
                workshops,
                (workshops.c.id == role_sessions.c.workshop_id) & (workshops.c.uid == role_sessions.c.workshop_uid),
            )
            .where(role_sessions.c.token_hash == _token_hash(token))
        ).first()
    if row is None or not session_live(row.expires_at, clock()):
        return None
    return RoleSession(workshop_id=int(row.workshop_id), role=Role(row.role), workshop_uid=str(row.uid))


def end_session(engine: Engine, token: str) -> None:
    """Sign-out: the token stops working at once."""
    if not token or len(token) > MAX_TOKEN:
        return
    with write(engine) as conn:
        conn.execute(role_sessions.delete().where(role_sessions.c.token_hash == _token_hash(token)))
