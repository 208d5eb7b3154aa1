"""The strategy week: main points, days, questions, the teams' answers and drafts, comments on the log,
and the morning meeting's projector links and quotes."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from workshop.store.tables.base import metadata, workshop_fk

main_points = Table(
    "main_points",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("position", Integer, nullable=False, default=0),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("spaces", JSON, nullable=False, default=list),
    # Issue 26.7: leadership proposes main points and approves them (workshop.domain.main_points).
    Column("status", String(20), nullable=False, server_default="approved"),
)

days = Table(
    "days",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("position", Integer, nullable=False, default=0),
    Column("date", Date, nullable=True),
    Column("title", String(200), nullable=False),
    Column("status", String(20), nullable=False, default="planned"),
)

questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("day_id", ForeignKey("days.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("main_point_id", ForeignKey("main_points.id", ondelete="SET NULL"), nullable=True),
    Column("position", Integer, nullable=False, default=0),
    Column("kind", String(20), nullable=False, default="text"),
    Column("text", Text, nullable=False),
    Column("options", JSON, nullable=False, default=list),
    Column("space", String(40), nullable=True),
    # Issue 29.2: each person answers for themselves (anonymous to leadership), not the team as one.
    Column("each_person", Boolean, nullable=False, server_default=false()),
)

responses = Table(
    "responses",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False, default=""),
    Column("rating", Integer, nullable=True),
    Column("choices", JSON, nullable=False, default=list),
    Column("spaces", JSON, nullable=False, default=list),
    Column("idempotency_key", String(100), nullable=True, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Issue 29.2: who last edited the team's answer, shown to the team only ("" = no one signed in).
    Column("edited_by", String(200), nullable=False, server_default=""),
    UniqueConstraint("question_id", "team_id"),
)

# Issue 29.2: one person's own answer to a question marked "each person answers". The person is an opaque
# key (a keyed hash of a signed-in e-mail, or a random key per device session): never a name or an address.
person_answers = Table(
    "person_answers",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("person_key", String(80), nullable=False),
    Column("rating", Integer, nullable=True),
    Column("choices", JSON, nullable=False, default=list),
    Column("idempotency_key", String(100), nullable=True, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("question_id", "person_key"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

Index("ix_questions_workshop_day", questions.c.workshop_id, questions.c.day_id)

Index("ix_responses_workshop_question", responses.c.workshop_id, responses.c.question_id)

# Issue 15 item 4, the week's log as a conversation: a team's comment on an answer the log shows it
# (workshop.domain.comments); the facilitator or leadership may hide it from the teams.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    workshop_fk(),
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Issue 14: the morning meeting. A read-only projector link per workshop (only its hash is kept), and the
# answers the facilitator quotes in a closed day's recap.
projector_links = Table(
    "projector_links",
    metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

recap_quotes = Table(
    "recap_quotes",
    metadata,
    workshop_fk(),
    Column("day_id", ForeignKey("days.id", ondelete="CASCADE"), primary_key=True),
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True),
)
