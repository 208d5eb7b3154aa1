"""Issue 24, the migration from schema 14 to 15: ids are never given twice, and every workshop has an identity.

SQLite numbered a new row max(id) + 1, so deleting the last workshop (team, question, theme ...) and making
a new one gave the newcomer the deleted one's id, and whatever still remembered that id (a signed-in
browser session, a dot on a theme) now meant the newcomer. AUTOINCREMENT stops that, but SQLite cannot add
it to a table: each numbered table is built anew with it, its rows copied as they are (the foreign keys are
off meanwhile, see workshop.store.engine.schema_change). PostgreSQL's sequences never go back already.
Every workshop also gets its uid, minted here for the workshops that existed before."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, inspect, select, text
from sqlalchemy.schema import CreateTable

from workshop.store.tables import (
    actions,
    new_workshop_uid,
    numbered_tables,
    role_sessions,
    themes,
    vote_dots,
    workshops,
)

_REBUILT = "{}__rebuilt"


def never_reuse_ids(conn: Connection) -> None:
    """Mint the workshops' uids, bind the kept sign-ins to them; on SQLite rebuild every numbered table with
    AUTOINCREMENT."""
    _mint_uids(conn)
    _bind_role_sessions(conn)
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("ALTER TABLE workshops ALTER COLUMN uid SET NOT NULL")
        if not any(u["column_names"] == ["uid"] for u in inspect(conn).get_unique_constraints("workshops")):
            conn.exec_driver_sql("ALTER TABLE workshops ADD CONSTRAINT workshops_uid_key UNIQUE (uid)")
        return
    for table in numbered_tables():
        rebuild_with_autoincrement(conn, table)
    # A dot names its theme or action by number, with no foreign key: dots left by a theme deleted before
    # this release must not land on a new theme that would have taken its number.
    spent = conn.execute(select(func.max(vote_dots.c.item_id))).scalar()
    if spent is not None:
        for table in (themes, actions):
            keep_numbers_above(conn, table, int(spent))


def _mint_uids(conn: Connection) -> None:
    if "uid" not in {c["name"] for c in inspect(conn).get_columns("workshops")}:
        conn.exec_driver_sql("ALTER TABLE workshops ADD COLUMN uid VARCHAR(32)")
    missing = conn.execute(select(workshops.c.id).where(workshops.c.uid.is_(None))).scalars().all()
    for workshop_id in missing:
        conn.execute(workshops.update().where(workshops.c.id == workshop_id).values(uid=new_workshop_uid()))


def _bind_role_sessions(conn: Connection) -> None:
    if "workshop_uid" not in {c["name"] for c in inspect(conn).get_columns("role_sessions")}:
        conn.exec_driver_sql("ALTER TABLE role_sessions ADD COLUMN workshop_uid VARCHAR(32) NOT NULL DEFAULT ''")
    their_uid = select(workshops.c.uid).where(workshops.c.id == role_sessions.c.workshop_id).scalar_subquery()
    conn.execute(role_sessions.update().where(role_sessions.c.workshop_uid == "").values(workshop_uid=their_uid))


def _declared(conn: Connection, name: str) -> str:
    found = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": name})
    return str(found.scalar() or "")


def rebuild_with_autoincrement(conn: Connection, table: Table) -> None:
    """Build a SQLite table anew as this release declares it (AUTOINCREMENT), with every row, id and index
    it had; nothing done when it already numbers that way. A column the release does not know stops it."""
    declared = _declared(conn, table.name)
    if not declared or "AUTOINCREMENT" in declared.upper():
        return
    had = [str(r[1]) for r in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")]
    unknown = sorted(set(had) - {c.name for c in table.columns})
    if unknown:
        raise RuntimeError(f"table {table.name} has a column this release does not know: {unknown[0]}")
    quote = conn.dialect.identifier_preparer.quote
    create = str(CreateTable(table).compile(dialect=conn.dialect)).strip()
    head = f"CREATE TABLE {quote(table.name)} ("
    if not create.startswith(head):
        raise RuntimeError(f"unexpected definition of table {table.name}: {create[:80]}")
    rebuilt = _REBUILT.format(table.name)
    conn.exec_driver_sql(f"CREATE TABLE {quote(rebuilt)} (" + create[len(head) :])
    columns = ", ".join(quote(c.name) for c in table.columns if c.name in had)
    conn.exec_driver_sql(f"INSERT INTO {quote(rebuilt)} ({columns}) SELECT {columns} FROM {quote(table.name)}")
    conn.exec_driver_sql(f"DROP TABLE {quote(table.name)}")
    conn.exec_driver_sql(f"ALTER TABLE {quote(rebuilt)} RENAME TO {quote(table.name)}")
    for index in table.indexes:
        index.create(conn)


def keep_numbers_above(conn: Connection, table: Table, floor: int) -> None:
    """A SQLite AUTOINCREMENT table's next id is above `floor`, whatever rows it holds."""
    seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :n"), {"n": table.name}).scalar()
    if seq is None:
        conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:n, :s)"), {"n": table.name, "s": floor})
    elif int(seq) < floor:
        conn.execute(text("UPDATE sqlite_sequence SET seq = :s WHERE name = :n"), {"n": table.name, "s": floor})
