"""The database schema (SQLAlchemy Core), one module per part of the app. Version changes go through
workshop.store.migrations."""

from __future__ import annotations

from sqlalchemy import Integer, Table

from workshop.store.tables.base import (
    VERSION_SHARDS,
    data_versions,
    metadata,
    new_workshop_uid,
    role_sessions,
    settings,
    sign_in_attempts,
    space_weights,
    teams,
    workshops,
)
from workshop.store.tables.history import history
from workshop.store.tables.loop import (
    actions,
    person_dots,
    profile_ratings,
    publications,
    reactions,
    theme_responses,
    themes,
    vote_dots,
    votes,
)
from workshop.store.tables.partnership import asset_proposals, assets, partner_proposals, proposals, screenings
from workshop.store.tables.register import (
    mapping_decisions,
    mapping_phases,
    mappings,
    offers,
    partner_stages,
    partners,
    target_groups,
)
from workshop.store.tables.sign_in import sign_in_rules, team_members
from workshop.store.tables.week import (
    comments,
    days,
    drafts,
    main_points,
    person_answers,
    projector_links,
    questions,
    recap_quotes,
    responses,
)

# Tables in an order that respects foreign keys: for backup, restore and export.
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
    person_answers,
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
    person_dots,
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
    sign_in_rules,
    team_members,
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


__all__ = [
    "ENTITY_TABLES",
    "VERSION_SHARDS",
    "actions",
    "asset_proposals",
    "assets",
    "comments",
    "data_versions",
    "days",
    "drafts",
    "history",
    "main_points",
    "mapping_decisions",
    "mapping_phases",
    "mappings",
    "metadata",
    "new_workshop_uid",
    "numbered_tables",
    "offers",
    "partner_proposals",
    "partner_stages",
    "partners",
    "person_answers",
    "person_dots",
    "profile_ratings",
    "projector_links",
    "proposals",
    "publications",
    "questions",
    "reactions",
    "recap_quotes",
    "responses",
    "role_sessions",
    "screenings",
    "settings",
    "sign_in_attempts",
    "sign_in_rules",
    "space_weights",
    "target_groups",
    "team_members",
    "teams",
    "theme_responses",
    "themes",
    "vote_dots",
    "votes",
    "workshops",
]
