"""The database schema (SQLAlchemy Core). Version changes go through workshop.store.migrations."""

from __future__ import annotations

import secrets

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
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


def _workshop_fk() -> Column[int]:
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
)

space_weights = Table(
    "space_weights",
    metadata,
    _workshop_fk(),
    Column("space", String(40), nullable=False),
    Column("weight", Integer, nullable=False),
    UniqueConstraint("workshop_id", "space"),
)

teams = Table(
    "teams",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("name", String(200), nullable=False),
    Column("code_hash", String(128), nullable=False),
    UniqueConstraint("workshop_id", "code_hash"),
)

partners = Table(
    "partners",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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
    _workshop_fk(),
    Column("partner_id", ForeignKey("partners.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("stage", String(20), nullable=False),
    Column("changed_on", Date, nullable=False),
    Column("note", String(200), nullable=False, default=""),
)

offers = Table(
    "offers",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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

main_points = Table(
    "main_points",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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
    _workshop_fk(),
    Column("position", Integer, nullable=False, default=0),
    Column("date", Date, nullable=True),
    Column("title", String(200), nullable=False),
    Column("status", String(20), nullable=False, default="planned"),
)

questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("day_id", ForeignKey("days.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("main_point_id", ForeignKey("main_points.id", ondelete="SET NULL"), nullable=True),
    Column("position", Integer, nullable=False, default=0),
    Column("kind", String(20), nullable=False, default="text"),
    Column("text", Text, nullable=False),
    Column("options", JSON, nullable=False, default=list),
    Column("space", String(40), nullable=True),
)

responses = Table(
    "responses",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False, default=""),
    Column("rating", Integer, nullable=True),
    Column("choices", JSON, nullable=False, default=list),
    Column("spaces", JSON, nullable=False, default=list),
    Column("idempotency_key", String(100), nullable=True, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("question_id", "team_id"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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
    _workshop_fk(),
    Column("theme_id", ForeignKey("themes.id", ondelete="SET NULL"), nullable=True),
    Column("title", String(200), nullable=False),
    Column("owner", String(200), nullable=False, default=""),
    Column("space", String(40), nullable=True),
    Column("main_point_id", ForeignKey("main_points.id", ondelete="SET NULL"), nullable=True),
    Column("due", Date, nullable=True),
    Column("status", String(20), nullable=False, default="planned"),
)

sign_in_attempts = Table(
    "sign_in_attempts",
    metadata,
    Column("scope", String(100), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", Float, nullable=False, default=0.0),
)

Index("ix_questions_workshop_day", questions.c.workshop_id, questions.c.day_id)
Index("ix_responses_workshop_question", responses.c.workshop_id, responses.c.question_id)


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
# The two opposite pairs (reflection <-> topicality, planning <-> spontaneity), rated -2..+2 by
# leadership (rater "leadership") and by each team (rater "team:<id>"); one value per rater and pair.
profile_ratings = Table(
    "profile_ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("rater", String(40), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=True),
    Column("pair", String(40), nullable=False),
    Column("value", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("workshop_id", "rater", "pair"),
)
# The workshop's own list of target groups (empty: workshop.domain.model.DEFAULT_TARGET_GROUPS).
target_groups = Table(
    "target_groups",
    metadata,
    _workshop_fk(),
    Column("position", Integer, nullable=False),
    Column("name", String(100), nullable=False),
    UniqueConstraint("workshop_id", "name"),
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
    _workshop_fk(),
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
    _workshop_fk(),
    Column("title", String(200), nullable=False),
    Column("target", String(20), nullable=False, default="themes"),
    Column("dots", Integer, nullable=False, default=3),
    Column("is_open", Boolean, nullable=False, default=True),
)
# A team's dots on one item (a theme or an action id, by the vote's target).
vote_dots = Table(
    "vote_dots",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("vote_id", ForeignKey("votes.id", ondelete="CASCADE"), nullable=False),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False),
    Column("item_id", Integer, nullable=False),
    Column("dots", Integer, nullable=False),
    UniqueConstraint("vote_id", "team_id", "item_id"),
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
    _workshop_fk(),
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
    _workshop_fk(),
    Column("offer_id", ForeignKey("offers.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("inspiration", Integer, nullable=False),
    Column("learning", Integer, nullable=False),
    Column("meeting", Integer, nullable=False),
    Column("performative", Integer, nullable=False),
    Column("strength", Integer, nullable=False),
    Column("mapped_by", JSON, nullable=False, default=list),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)

# Issue 15 item 4, the week's log as a conversation: a team's comment on an answer the log shows it
# (workshop.domain.comments); the facilitator or leadership may hide it from the teams.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Tables in an order that respects foreign keys: for backup, restore and export.
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
    _workshop_fk(),
    Column("day_id", ForeignKey("days.id", ondelete="CASCADE"), primary_key=True),
    Column("response_id", ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True),
)

# Issue 14: a facilitator's or leadership's sign-in that survives a reload. The address carries a random
# token (?s=...); only its sha256 is kept, with the role, the workshop and when it expires. Momentary state
# like sign_in_attempts: not workshop data, not backed up.
role_sessions = Table(
    "role_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    _workshop_fk(),
    Column("role", String(20), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    # The workshop's identity when the sign-in was made: the token resumes it in that very workshop only.
    Column("workshop_uid", String(32), nullable=False, server_default=""),
)

# Issue 16: proposals (a project or a partner's offer to the library) screened with the 14 "How to Say
# No" questions (workshop.domain.screening), and leadership's verdict with its reason.
proposals = Table(
    "proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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
    _workshop_fk(),
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
    _workshop_fk(),
    Column("position", Integer, nullable=False, default=0),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, default=""),
)
asset_proposals = Table(
    "asset_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    _workshop_fk(),
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
    _workshop_fk(),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("sector", String(20), nullable=False, default="public"),
    Column("contact", String(200), nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False, default="pending"),
    Column("partner_id", ForeignKey("partners.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Issue 29.3: the record of who changed what. One row per change of a main point, a day, a question, a theme,
# a decision, an action, a verdict, a mapping decision or a role, written in the change's own transaction
# (workshop.services.history): who (`by_role`, and the signed-in person's name and e-mail, or the team's
# name), when, what (kind, the item's id, its name then) and a short before -> after. Never edited from a
# page; it goes with its workshop. A change outside any workshop (the owner's passcode) has no workshop.
history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("item_id", Integer, nullable=True),
    Column("change", String(20), nullable=False),
    Column("subject", String(300), nullable=False, default=""),
    Column("details", JSON, nullable=False, default=list),
    Column("by_role", String(20), nullable=False),
    Column("by_name", String(200), nullable=False, default=""),
    Column("by_email", String(320), nullable=False, default=""),
)

ENTITY_TABLES: tuple[Table, ...] = (
    workshops,
    space_weights,
    teams,
    partners,
    partner_stages,
    offers,
    main_points,
    days,
    questions,
    responses,
    drafts,
    themes,
    theme_responses,
    actions,
    profile_ratings,
    target_groups,
    publications,
    reactions,
    votes,
    vote_dots,
    mapping_phases,
    mappings,
    mapping_decisions,
    comments,
    projector_links,
    recap_quotes,
    proposals,
    screenings,
    assets,
    asset_proposals,
    partner_proposals,
    history,
)


def numbered_tables() -> tuple[Table, ...]:
    """The tables whose rows are numbered by an integer id: every such id can be remembered elsewhere (a
    session, an address, a widget's key, a dot on a theme), so none may ever be given to a second row."""
    return tuple(
        t
        for t in metadata.sorted_tables
        if [c.name for c in t.primary_key.columns] == ["id"] and isinstance(t.c.id.type, Integer)
    )


# SQLite gives a new row the highest id + 1 unless the table says AUTOINCREMENT: the id of a deleted last row
# (a workshop, a team, a question) came back for the next one, and every session, link or row that still
# remembered it pointed at the newcomer (issue 24). PostgreSQL's sequences never go back.
for _numbered in numbered_tables():
    _numbered.dialect_kwargs["sqlite_autoincrement"] = True
