"""How long a facilitator's or leadership's sign-in outlives a reload. Pure."""

from __future__ import annotations

import datetime as dt

from workshop.domain.errors import InvalidInput
from workshop.domain.model import Role

SESSION_HOURS = 12
# Only the passcode roles: a team's code already rides in its own address (?w=ID&code=...).
SESSION_ROLES = (Role.FACILITATOR, Role.LEADERSHIP)


def require_kept(role: Role) -> None:
    """Only a facilitator's or leadership's sign-in is kept through a reload: InvalidInput on the role otherwise."""
    if role not in SESSION_ROLES:
        raise InvalidInput("error.sign_in_not_kept", field="role")


def session_expiry(started: dt.datetime) -> dt.datetime:
    """When a sign-in started at `started` stops surviving reloads."""
    return started + dt.timedelta(hours=SESSION_HOURS)


def session_live(expires_at: dt.datetime, now: dt.datetime) -> bool:
    """Whether a sign-in expiring at `expires_at` still holds at `now` (a zone-less time is UTC, as SQLite keeps it)."""
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=dt.UTC)
    return now < expires_at
