"""The record of who changed what (issue 29.3)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Table

from workshop.store.tables.base import metadata

# One row per change of a main point, a day, a question, a theme, a decision, an action, a verdict, a mapping
# decision or a role, written in the change's own transaction (workshop.services.history): who
# (`by_role`, and the signed-in person's name and e-mail, or the team's name), when, what (kind, the item's
# id, its name then) and a short before -> after. Never edited from a page; it goes with its workshop. A
# change outside any workshop (the owner's passcode) has no workshop.
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
