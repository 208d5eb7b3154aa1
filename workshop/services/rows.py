"""A workshop's rows, read and written in one place: the workshop filter and "no such row" said once.

Every table that holds a workshop's rows has a `workshop_id`; a read or a write that forgets to filter on it
shows or changes another workshop's rows. `Rows(missing, table)` adds the filter to every statement it makes,
and says NotFound (with the table's own message and the id asked for) when a row named by its id is not there
or is another workshop's: the two are the same to the one asking.

Writes to rows named by their id say when they found none. A page reads an item, a person edits it, and the
save names its id; meanwhile another session may have deleted it. A check before the write does not close
that gap on PostgreSQL (another transaction may delete the row between the check and the write), and an
UPDATE or DELETE that matches no row succeeds in silence: the page would say "Saved" for a change stored
nowhere. So `Rows.update` and `Rows.delete` look at what they changed, and every other UPDATE or DELETE of
rows by their id in workshop/services goes through `changed` (tests/unit/test_writes_by_id.py holds every
service to it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, Table, select
from sqlalchemy.sql.dml import Delete, Update

from workshop.domain.errors import NotFound
from workshop.store.tables import (
    actions,
    asset_proposals,
    assets,
    comments,
    days,
    main_points,
    mapping_decisions,
    mapping_phases,
    mappings,
    offers,
    partner_proposals,
    partner_stages,
    partners,
    profile_ratings,
    projector_links,
    proposals,
    publications,
    questions,
    reactions,
    recap_quotes,
    responses,
    screenings,
    space_weights,
    target_groups,
    teams,
    themes,
    votes,
    workshops,
)


def changed(conn: Connection, statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE of rows by their id; NotFound (it is no longer there, nothing was changed)
    when it matched none. Returns how many rows it changed."""
    done = conn.execute(statement)
    if done.rowcount == 0:
        raise NotFound("error.not_found")
    return int(done.rowcount)


def change_workshop_row(conn: Connection, workshop_id: int, **values: Any) -> None:
    """Change the workshop's own row (its settings); NotFound when the workshop is gone."""
    if conn.execute(workshops.update().where(workshops.c.id == workshop_id).values(**values)).rowcount == 0:
        raise NotFound("error.missing.workshop", id=workshop_id)


def delete_workshop_row(conn: Connection, workshop_id: int) -> None:
    """Delete the workshop's row (its rows go with it, by the foreign keys); NotFound when it is gone."""
    if conn.execute(workshops.delete().where(workshops.c.id == workshop_id)).rowcount == 0:
        raise NotFound("error.missing.workshop", id=workshop_id)


class Rows:
    """One table's rows of one workshop at a time; `missing` is the message key of a row not found (the
    first argument, so that tests/unit/test_message_keys.py checks it as it checks a raise)."""

    def __init__(self, missing: str, table: Table) -> None:
        self.missing, self.table = missing, table

    def of(self, workshop_id: int) -> ColumnElement[bool]:
        """The filter on the workshop's rows."""
        return self.table.c.workshop_id == workshop_id

    def one_of(self, workshop_id: int, row_id: int) -> ColumnElement[bool]:
        """The filter on one row, by its id, of the workshop."""
        return (self.table.c.id == row_id) & self.of(workshop_id)

    def select(self, workshop_id: int, *columns: Any) -> Select[Any]:
        """The workshop's rows: whole, or these columns (more filters and an order may follow)."""
        return select(*(columns or (self.table,))).where(self.of(workshop_id))

    def get(self, conn: Connection, workshop_id: int, row_id: int, *columns: Any, lock: bool = False) -> Row[Any]:
        """One row of the workshop by its id (whole, or these columns); NotFound when it has none such.
        `lock`: held until the transaction ends (PostgreSQL), so that a concurrent write waits."""
        query = select(*(columns or (self.table,))).where(self.one_of(workshop_id, row_id))
        found = conn.execute(query.with_for_update() if lock else query).first()
        if found is None:
            raise self.not_found(row_id)
        return found

    def check(self, conn: Connection, workshop_id: int, row_id: int) -> None:
        """NotFound unless the workshop has the row."""
        self.get(conn, workshop_id, row_id, self.table.c.id)

    def update(self, conn: Connection, workshop_id: int, row_id: int, **values: Any) -> None:
        """Change one row of the workshop; NotFound when it has none such (deleted meanwhile, or never its)."""
        self._changed(conn, self.table.update().where(self.one_of(workshop_id, row_id)).values(**values), row_id)

    def delete(self, conn: Connection, workshop_id: int, row_id: int) -> None:
        """Delete one row of the workshop; NotFound when it has none such."""
        self._changed(conn, self.table.delete().where(self.one_of(workshop_id, row_id)), row_id)

    def _changed(self, conn: Connection, statement: Update | Delete, row_id: int) -> None:
        if conn.execute(statement).rowcount == 0:
            raise self.not_found(row_id)

    def not_found(self, row_id: int) -> NotFound:
        """The error of a row of this table that is not there (or is another workshop's)."""
        return NotFound(self.missing, id=row_id)


# The workshop's rows that services name by id, with what a missing one is called.
ACTIONS = Rows("error.missing.action", actions)
ANSWERS = Rows("error.missing.answer", responses)
ASSETS = Rows("error.missing.asset", assets)
COMMENTS = Rows("error.missing.comment", comments)
DAYS = Rows("error.missing.day", days)
MAIN_POINTS = Rows("error.missing.item", main_points)
OFFERS = Rows("error.missing.offer", offers)
PARTNERS = Rows("error.missing.partner", partners)
PROPOSALS = Rows("error.missing.proposal", proposals)
QUESTIONS = Rows("error.missing.question", questions)
STAGE_CHANGES = Rows("error.missing.stage_change", partner_stages)
TEAMS = Rows("error.missing.team", teams)
THEMES = Rows("error.missing.theme", themes)
VOTES = Rows("error.missing.vote", votes)
# The workshop's other rows, read and written by the workshop (or by a row they belong to), not by their own id.
ASSET_PROPOSALS = Rows("error.not_found", asset_proposals)
MAPPINGS = Rows("error.not_found", mappings)
MAPPING_DECISIONS = Rows("error.not_found", mapping_decisions)
MAPPING_PHASES = Rows("error.not_found", mapping_phases)
PARTNER_PROPOSALS = Rows("error.not_found", partner_proposals)
PROFILE_RATINGS = Rows("error.not_found", profile_ratings)
PROJECTOR_LINKS = Rows("error.not_found", projector_links)
PUBLICATIONS = Rows("error.not_found", publications)
QUOTES = Rows("error.not_found", recap_quotes)
REACTIONS = Rows("error.not_found", reactions)
SCREENINGS = Rows("error.not_found", screenings)
SPACE_WEIGHTS = Rows("error.not_found", space_weights)
GROUPS = Rows("error.not_found", target_groups)
