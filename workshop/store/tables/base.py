"""The workshop and what every feature hangs on: the metadata, the settings, workshops, teams and their
weights, sign-ins, and the data versions caches key on."""

from __future__ import annotations

import secrets

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData()


def new_workshop_uid() -> str:
    """A workshop's identity: random, minted once with the workshop, never given to another. What names a
    workshop across time (a session's role, a sign-in kept in the address) names this, not the number."""
    return secrets.token_hex(16)


def workshop_fk() -> Column[int]:
    return Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False, index=True)


settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

workshops = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("language", String(8), nullable=False, default="en"),
    Column("template_key", String(100), nullable=False, default=""),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("publish_log_immediately", Boolean, nullable=False, default=False),
    Column("facilitator_code_hash", String(300), nullable=False),
    Column("leadership_code_hash", String(300), nullable=False),
    Column("team_code_salt", String(64), nullable=False),
    Column("weak_gap", Float, nullable=False, default=0.05),
    Column("strong_gap", Float, nullable=False, default=0.05),
    Column("weak_strength", Float, nullable=False, default=2.5),
    Column("strong_strength", Float, nullable=False, default=3.5),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("start_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("uid", String(32), nullable=False, unique=True, default=new_workshop_uid),
    # Issue 26: words key terms and theme suggestions leave out (names the rule misses), one a line.
    Column("leave_out", Text, nullable=False, default="", server_default=""),
    # Issue 26.7: the library the workshop belongs to, as the leaflet names it ("" = the workshop's name), the
    # library's contact details, and whether a team's mapping starts from the register's values.
    Column("library_name", String(200), nullable=False, server_default=""),
    Column("library_contact", String(200), nullable=False, server_default=""),
    Column("mapping_prefill", Boolean, nullable=False, server_default=false()),
    # Issue 30: months after the workshop's last day that its personal data is kept (workshop.services.privacy.people).
    Column("retention_months", Integer, nullable=False, server_default="12"),
)

space_weights = Table(
    "space_weights",
    metadata,
    workshop_fk(),
    Column("space", String(40), nullable=False),
    Column("weight", Integer, nullable=False),
    UniqueConstraint("workshop_id", "space"),
)

teams = Table(
    "teams",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("name", String(200), nullable=False),
    Column("code_hash", String(128), nullable=False),
    UniqueConstraint("workshop_id", "code_hash"),
)

sign_in_attempts = Table(
    "sign_in_attempts",
    metadata,
    Column("scope", String(100), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", Float, nullable=False, default=0.0),
)

# Issue 14: a facilitator's or leadership's sign-in that survives a reload. The address carries a random
# token (?s=...); only its sha256 is kept, with the role, the workshop and when it expires. Momentary state
# like sign_in_attempts: not workshop data, not backed up.
role_sessions = Table(
    "role_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    workshop_fk(),
    Column("role", String(20), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    # The workshop's identity when the sign-in was made: the token resumes it in that very workshop only.
    Column("workshop_uid", String(32), nullable=False, server_default=""),
)

# Counters per table, bumped by every write transaction that changed it: caches key on these, so a
# write invalidates only what it changed, on every server instance. A table's version is the sum of its
# VERSION_SHARDS counters and a write bumps one of them at random, so concurrent writers on PostgreSQL do
# not all queue on one row lock (issue 17).
VERSION_SHARDS = 32

data_versions = Table(
    "data_versions",
    metadata,
    Column("table_name", String(100), primary_key=True),
    Column("shard", Integer, primary_key=True, autoincrement=False, default=0),
    Column("version", Integer, nullable=False, default=0),
)
