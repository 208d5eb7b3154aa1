"""The offer register and the partner network: offers, partners and their stages, target groups, and the
teams' mapping of offers (issue 18)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from workshop.store.tables.base import metadata, workshop_fk

partners = Table(
    "partners",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("name", String(200), nullable=False),
    Column("sector", String(20), nullable=False, default="public"),
    Column("stage", String(20), nullable=False, default="network"),
    Column("description", Text, nullable=False, default=""),
    Column("contact", String(200), nullable=False, default=""),
)

# Issue 16: each move of a partner in the network circle, with the day it happened (past years can be
# entered); the partner's current stage is its latest entry's. The first entry is made with the partner.
partner_stages = Table(
    "partner_stages",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("partner_id", ForeignKey("partners.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("stage", String(20), nullable=False),
    Column("changed_on", Date, nullable=False),
    Column("note", String(200), nullable=False, default=""),
)

offers = Table(
    "offers",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("owner_team", String(200), nullable=False, default=""),
    Column("target_groups", JSON, nullable=False, default=list),
    Column("status", String(20), nullable=False, default="active"),
    Column("reach", Integer, nullable=False, default=0),
    Column("strength", Integer, nullable=False, default=3),
    Column("inspiration", Integer, nullable=False, default=0),
    Column("learning", Integer, nullable=False, default=0),
    Column("meeting", Integer, nullable=False, default=0),
    Column("performative", Integer, nullable=False, default=0),
    Column("partners", JSON, nullable=False, default=list),
    Column("tags", JSON, nullable=False, default=list),
    Column("primary_space", String(40), nullable=True),
)

# The workshop's own list of target groups (empty: workshop.domain.model.DEFAULT_TARGET_GROUPS).
target_groups = Table(
    "target_groups",
    metadata,
    workshop_fk(),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    UniqueConstraint("workshop_id", "name"),
)

# Issue 18, the teams' mapping of offers. One phase per workshop (planned, open, closed; like a day) and
# which offers each team maps (workshop.domain.mapping.MappingScope).
mapping_phases = Table(
    "mapping_phases",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(20), nullable=False, default="planned"),
    Column("scope", String(20), nullable=False, default="own"),
)

# One row per team and offer it mapped (done) or began to map (a draft); a proposal of an offer the
# register lacks has no offer until the facilitator accepts it (then it points at the new offer).
mappings = Table(
    "mappings",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("offer_id", ForeignKey("offers.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("proposed", Boolean, nullable=False, default=False),
    Column("proposed_name", String(200), nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("inspiration", Integer, nullable=False, default=0),
    Column("learning", Integer, nullable=False, default=0),
    Column("meeting", Integer, nullable=False, default=0),
    Column("performative", Integer, nullable=False, default=0),
    Column("strength", Integer, nullable=False, default=3),
    Column("target_groups", JSON, nullable=False, default=list),
    Column("partners", JSON, nullable=False, default=list),
    Column("note", Text, nullable=False, default=""),
    Column("done", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("team_id", "offer_id"),
)

# What the facilitator accepted into the register for an offer, and which teams' mappings it came from.
mapping_decisions = Table(
    "mapping_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("offer_id", ForeignKey("offers.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("inspiration", Integer, nullable=False),
    Column("learning", Integer, nullable=False),
    Column("meeting", Integer, nullable=False),
    Column("performative", Integer, nullable=False),
    Column("strength", Integer, nullable=False),
    Column("mapped_by", JSON, nullable=False, default=list),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)
