"""Single sign-on (issue 29.1): the owner's rules per workshop and the signed-in people's teams."""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, String, Table

from workshop.store.tables.base import metadata

# The owner's rules per workshop: which e-mail addresses and group claims make a facilitator or leadership,
# and how people reach their team (roster or code). Lists as JSON arrays of normalised e-mail addresses
# (workshop.domain.identity) and group names.
sign_in_rules = Table(
    "sign_in_rules",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("team_access", String(10), nullable=False, default="code"),
    Column("facilitator_emails", JSON, nullable=False, default=list),
    Column("leadership_emails", JSON, nullable=False, default=list),
    Column("facilitator_groups", JSON, nullable=False, default=list),
    Column("leadership_groups", JSON, nullable=False, default=list),
)
# A signed-in person's team: from the owner's roster (source "roster", replaced whole by each import) or
# remembered after the person typed the team's code once (source "code").
team_members = Table(
    "team_members",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(10), primary_key=True),
    Column("email", String(254), primary_key=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
)
