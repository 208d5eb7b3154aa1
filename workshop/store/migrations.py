"""Schema versions. A fresh database gets the current schema and the latest version; an older one
runs each later step in order, in one transaction, so a release can change the schema without losing data."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text

from workshop.store.engine import schema_change, write
from workshop.store.identity import never_reuse_ids
from workshop.store.tables import (
    asset_proposals,
    assets,
    comments,
    data_versions,
    history,
    mapping_decisions,
    mapping_phases,
    mappings,
    metadata,
    partner_proposals,
    partner_stages,
    partners,
    person_answers,
    person_dots,
    profile_ratings,
    projector_links,
    proposals,
    publications,
    reactions,
    recap_quotes,
    role_sessions,
    screenings,
    settings,
    sign_in_rules,
    target_groups,
    team_members,
    vote_dots,
    votes,
    workshops,
)
from workshop.store.versions import seed_versions

Migration = Callable[[Connection], None]


def _offer_register(conn: Connection) -> None:
    """Issue 3: a chosen primary space for offers whose top contributions tie; per-workshop target groups."""
    if "primary_space" not in {c["name"] for c in inspect(conn).get_columns("offers")}:
        conn.exec_driver_sql("ALTER TABLE offers ADD COLUMN primary_space VARCHAR(40)")
    metadata.create_all(conn, tables=[target_groups])


def _close_the_loop(conn: Connection) -> None:
    """Issue 15: leadership publishes its decisions to the teams, opens themes for their reactions, and
    opens dot votes on its themes or actions."""
    if "reactions_open" not in {c["name"] for c in inspect(conn).get_columns("themes")}:
        conn.exec_driver_sql("ALTER TABLE themes ADD COLUMN reactions_open BOOLEAN NOT NULL DEFAULT FALSE")
    metadata.create_all(conn, tables=[publications, reactions, votes, vote_dots])


def _workshop_dates(conn: Connection) -> None:
    """Issue 14: a workshop's first and last day, editable after creation."""
    have = {c["name"] for c in inspect(conn).get_columns("workshops")}
    for column in ("start_date", "end_date"):
        if column not in have:
            conn.exec_driver_sql(f"ALTER TABLE workshops ADD COLUMN {column} DATE")


def _version_shards(conn: Connection) -> None:
    """Issue 17: a table's data version is spread over shard rows (no hot row for concurrent writers); the
    old single counters carry over as shard 0, so no version goes back to one a cache has seen."""
    if "shard" in {c["name"] for c in inspect(conn).get_columns(data_versions.name)}:
        return  # made in the new shape by the 1 -> 2 step of this release
    old = conn.execute(text("SELECT table_name, version FROM data_versions")).all()
    conn.execute(text("DROP TABLE data_versions"))
    metadata.create_all(conn, tables=[data_versions])
    if old:
        conn.execute(data_versions.insert(), [{"table_name": t, "shard": 0, "version": v} for t, v in old])


def _partner_stages(conn: Connection) -> None:
    """Issue 16: each partner's stage history, started (where it has none) with its current stage on the day
    its workshop was made."""
    metadata.create_all(conn, tables=[partner_stages])
    begun = select(partner_stages.c.partner_id)
    rows = conn.execute(
        select(partners.c.id, partners.c.workshop_id, partners.c.stage, workshops.c.created_at)
        .join(workshops, workshops.c.id == partners.c.workshop_id)
        .where(partners.c.id.not_in(begun))
    ).fetchall()
    if rows:
        conn.execute(
            partner_stages.insert(),
            [
                {"workshop_id": r.workshop_id, "partner_id": r.id, "stage": r.stage, "changed_on": r.created_at.date()}
                for r in rows
            ],
        )


def _leave_out(conn: Connection) -> None:
    """Issue 26: a workshop's own words that key terms and theme suggestions leave out."""
    if "leave_out" not in {c["name"] for c in inspect(conn).get_columns("workshops")}:
        conn.exec_driver_sql("ALTER TABLE workshops ADD COLUMN leave_out TEXT NOT NULL DEFAULT ''")


def _closer_to_the_book(conn: Connection) -> None:
    """Issue 26.7: main points proposed and approved by leadership (the existing ones approved); the library's
    name and contact details on the workshop; a per-workshop setting to pre-fill a team's mapping."""
    have = {c["name"] for c in inspect(conn).get_columns("main_points")}
    if "status" not in have:
        conn.exec_driver_sql("ALTER TABLE main_points ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'approved'")
    have = {c["name"] for c in inspect(conn).get_columns("workshops")}
    for column in ("library_name", "library_contact"):
        if column not in have:
            conn.exec_driver_sql(f"ALTER TABLE workshops ADD COLUMN {column} VARCHAR(200) NOT NULL DEFAULT ''")
    if "mapping_prefill" not in have:
        conn.exec_driver_sql("ALTER TABLE workshops ADD COLUMN mapping_prefill BOOLEAN NOT NULL DEFAULT FALSE")


def _retention(conn: Connection) -> None:
    """Issue 30: each workshop's retention period for personal data, in months after its last day."""
    if "retention_months" not in {c["name"] for c in inspect(conn).get_columns("workshops")}:
        conn.exec_driver_sql("ALTER TABLE workshops ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 12")


def _sign_in_by_identity(conn: Connection) -> None:
    """Issue 29.1: single sign-on: the owner's rules per workshop and the people placed in teams."""
    metadata.create_all(conn, tables=[sign_in_rules, team_members])


def _own_voices(conn: Connection) -> None:
    """Issue 29.2: a question (or a dot vote) each person answers for themselves, their anonymous answers and
    dots, and who last edited a team's answer."""
    if "each_person" not in {c["name"] for c in inspect(conn).get_columns("questions")}:
        conn.exec_driver_sql("ALTER TABLE questions ADD COLUMN each_person BOOLEAN NOT NULL DEFAULT FALSE")
    if "edited_by" not in {c["name"] for c in inspect(conn).get_columns("responses")}:
        conn.exec_driver_sql("ALTER TABLE responses ADD COLUMN edited_by VARCHAR(200) NOT NULL DEFAULT ''")
    if "each_person" not in {c["name"] for c in inspect(conn).get_columns("votes")}:
        conn.exec_driver_sql("ALTER TABLE votes ADD COLUMN each_person BOOLEAN NOT NULL DEFAULT FALSE")
    metadata.create_all(conn, tables=[person_answers, person_dots])


def _history(conn: Connection) -> None:
    """Issue 29.3: the record of who changed what (workshop.services.history); its counter rows come with
    seed_versions."""
    metadata.create_all(conn, tables=[history])


# Append steps here: MIGRATIONS[n] brings a database from version n+1 to n+2.
# Example for a later release: lambda conn: conn.exec_driver_sql("ALTER TABLE offers ADD COLUMN x TEXT").
MIGRATIONS: list[Migration] = [
    lambda conn: metadata.create_all(conn, tables=[data_versions]),  # 1 -> 2: data versions for caching
    lambda conn: metadata.create_all(conn, tables=[profile_ratings]),  # 2 -> 3: the opposite-pairs profile
    _offer_register,  # 3 -> 4: primary space on tie, target groups
    _close_the_loop,  # 4 -> 5: published decisions, reactions, dot votes
    # 5 -> 6: the teams' mapping of offers (issue 18): phase, team mappings and proposals, decisions
    lambda conn: metadata.create_all(conn, tables=[mapping_phases, mappings, mapping_decisions]),
    lambda conn: metadata.create_all(conn, tables=[comments]),  # 6 -> 7: comments on the week's log (issue 15)
    _workshop_dates,  # 7 -> 8: a workshop's start and end dates (issue 14)
    # 8 -> 9: the morning meeting (issue 14): projector links, quoted answers in a day's recap
    lambda conn: metadata.create_all(conn, tables=[projector_links, recap_quotes]),
    # 9 -> 10: a facilitator's or leadership's sign-in that survives a reload (issue 14)
    lambda conn: metadata.create_all(conn, tables=[role_sessions]),
    # 10 -> 11: proposals screened with the "How to Say No" questions, and leadership's verdict (issue 16)
    lambda conn: metadata.create_all(conn, tables=[proposals, screenings]),
    # 11 -> 12: the library's assets, the teams' proposed assets and partners (issue 16)
    lambda conn: metadata.create_all(conn, tables=[assets, asset_proposals, partner_proposals]),
    _partner_stages,  # 12 -> 13: each partner's stage history (issue 16)
    _version_shards,  # 13 -> 14: data versions in shards, no hot row for concurrent writers (issue 17)
    never_reuse_ids,  # 14 -> 15: a workshop's identity (uid); SQLite ids never reused, AUTOINCREMENT (issue 24)
    _leave_out,  # 15 -> 16: a workshop's words left out of key terms (issue 26)
    _closer_to_the_book,  # 16 -> 17: proposed main points, the library's name and contact, mapping pre-fill
    _retention,  # 17 -> 18: each workshop's retention period for personal data (issue 30)
    _sign_in_by_identity,  # 18 -> 19: single sign-on: roles from identity, the roster (issue 29.1)
    _own_voices,  # 19 -> 20: each person's own answer, anonymous to leadership; who edited a team answer
    _history,  # 20 -> 21: the record of who changed what (issue 29)
]
SCHEMA_VERSION = 1 + len(MIGRATIONS)
VERSION_KEY = "schema_version"


def current_version(conn: Connection, lock: bool = False) -> int:
    """The version a database is at; 0 when it has no schema yet. With lock, its row stays locked until the
    transaction ends (PostgreSQL; SQLite's write transaction holds the whole file already)."""
    if not inspect(conn).has_table(settings.name):
        return 0
    asked = select(settings.c.value).where(settings.c.key == VERSION_KEY)
    value = conn.execute(asked.with_for_update() if lock else asked).scalar()
    return int(value) if value is not None else 0


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema; returns the version the database is now at."""
    with write(engine) as conn:
        version = current_version(conn)
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"the database is at schema {version}, newer than this release ({SCHEMA_VERSION})")
        if version == SCHEMA_VERSION:  # every start of the app and the command line: nothing to change
            seed_versions(conn)
            return SCHEMA_VERSION
    with schema_change(engine) as conn:
        # Again, locked: several servers starting at once migrate one after the other, the later ones finding
        # the work done (two at once would both add a column, and the second fail).
        version = current_version(conn, lock=True)
        if version == 0:
            metadata.create_all(conn)
            conn.execute(settings.insert().values(key=VERSION_KEY, value=str(SCHEMA_VERSION)))
        else:
            for step in MIGRATIONS[version - 1 :]:
                step(conn)
            conn.execute(settings.update().where(settings.c.key == VERSION_KEY).values(value=str(SCHEMA_VERSION)))
        seed_versions(conn)
        return SCHEMA_VERSION
