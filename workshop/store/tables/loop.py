"""Closing the loop: themes and their answers, actions, the opposite-pairs profile, publication, the
teams' reactions and dot votes."""

from __future__ import annotations

from sqlalchemy import (
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
    false,
)

from workshop.store.tables.base import metadata, workshop_fk

themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("title", String(200), nullable=False),
    Column("status", String(20), nullable=False, default="open"),
    Column("decision", Text, nullable=False, default=""),
    Column("reactions_open", Boolean, nullable=False, default=False),
)

theme_responses = Table(
    "theme_responses",
    metadata,
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True),
)

actions = Table(
    "actions",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("theme_id", ForeignKey("themes.id", ondelete="SET NULL"), nullable=True),
    Column("title", String(200), nullable=False),
    Column("owner", String(200), nullable=False, default=""),
    Column("space", String(40), nullable=True),
    Column("main_point_id", ForeignKey("main_points.id", ondelete="SET NULL"), nullable=True),
    Column("due", Date, nullable=True),
    Column("status", String(20), nullable=False, default="planned"),
)

# The two opposite pairs (reflection <-> topicality, planning <-> spontaneity), rated -2..+2 by
# leadership (rater "leadership") and by each team (rater "team:<id>"); one value per rater and pair.
profile_ratings = Table(
    "profile_ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("rater", String(40), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=True),
    Column("pair", String(40), nullable=False),
    Column("value", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("workshop_id", "rater", "pair"),
)

# Whether leadership has published its themes, decisions and actions to the teams (no row: not yet).
publications = Table(
    "publications",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("published", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# One reaction per team and theme: agree or concerns, and a short comment (workshop.domain.loop).
reactions = Table(
    "reactions",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False),
    Column("stance", String(20), nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("theme_id", "team_id"),
)

# Dot voting: leadership opens a vote on its themes or actions; each team spreads `dots` over them.
votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("title", String(200), nullable=False),
    Column("target", String(20), nullable=False, default="themes"),
    Column("dots", Integer, nullable=False, default=3),
    Column("is_open", Boolean, nullable=False, default=True),
    # Issue 29.2: each person spends their own dots (anonymous to leadership), not the team as one.
    Column("each_person", Boolean, nullable=False, server_default=false()),
)

# A team's dots on one item (a theme or an action id, by the vote's target).
vote_dots = Table(
    "vote_dots",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("vote_id", ForeignKey("votes.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False),
    Column("item_id", Integer, nullable=False),
    Column("dots", Integer, nullable=False),
    UniqueConstraint("vote_id", "team_id", "item_id"),
)
# Issue 29.2: one person's dots on one item of a vote each person takes part in, under an opaque person key.
person_dots = Table(
    "person_dots",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("vote_id", ForeignKey("votes.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person_key", String(80), nullable=False),
    Column("item_id", Integer, nullable=False),
    Column("dots", Integer, nullable=False),
    UniqueConstraint("vote_id", "person_key", "item_id"),
)
