"""Partnership (issue 16): proposals screened with the 14 questions, the library's assets, and the teams'
proposed additions and partners."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from workshop.store.tables.base import metadata, workshop_fk

# Issue 16: proposals (a project or a partner's offer to the library) screened with the 14 "How to Say
# No" questions (workshop.domain.screening), and leadership's verdict with its reason.
proposals = Table(
    "proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("title", String(200), nullable=False),
    Column("proposer", String(200), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("spaces", JSON, nullable=False, default=list),
    Column("target_groups", JSON, nullable=False, default=list),
    Column("partner_id", ForeignKey("partners.id", ondelete="SET NULL"), nullable=True),
    Column("is_open", Boolean, nullable=False, default=True),
    Column("verdict", String(20), nullable=True),
    Column("verdict_reason", Text, nullable=False, default=""),
)

# One answer per proposal, rater and question: rater "team:<id>" (team_id set) or "facilitator".
screenings = Table(
    "screenings",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("proposal_id", ForeignKey("proposals.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("rater", String(40), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=True),
    Column("question", Integer, nullable=False),
    Column("answer", String(10), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("proposal_id", "rater", "question"),
)

# Issue 16: the library's assets to offer partners ("Vi kan – vil du?"), in the facilitator's order; a
# team's proposed addition waits for the facilitator (pending, accepted, declined; workshop.domain.assets).
assets = Table(
    "assets",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("position", Integer, nullable=False, default=0),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
)

asset_proposals = Table(
    "asset_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False, default="pending"),
    Column("asset_id", ForeignKey("assets.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Issue 16: a team's "who do we know?" — a partner and contact it proposes for the register.
partner_proposals = Table(
    "partner_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("sector", String(20), nullable=False, default="public"),
    Column("contact", String(200), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False, default="pending"),
    Column("partner_id", ForeignKey("partners.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
