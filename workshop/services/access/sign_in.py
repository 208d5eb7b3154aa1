"""Single sign-on's use cases: the owner's rules per workshop (who is facilitator and leadership by e-mail
address or group claim; how people reach their team), the roster, and where a signed-in person belongs.
The pages call the owner's writes only for a session the owner's passcode signed in (ui.gate.is_owner)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from workshop.domain.errors import NotFound
from workshop.domain.history import Change, Kind, differences
from workshop.domain.identity import (
    Person,
    SignInRules,
    TeamAccess,
    checked_email,
    normalise_email,
    staff_roles,
)
from workshop.domain.model import Role, Team
from workshop.files.roster import roster_rows
from workshop.files.spreadsheet import SourceTable
from workshop.services.history import record
from workshop.store import read, write
from workshop.store.engine import upsert
from workshop.store.tables import sign_in_rules, team_members, teams, workshops

ROSTER, CODE = TeamAccess.ROSTER.value, TeamAccess.CODE.value
# What the record of changes names (workshop.services.history): the owner's sign-in rules and roster.
SIGN_IN_RULES, ROSTER_SUBJECT = "single sign-on", "roster"


def rules_for(engine: Engine, workshop_id: int) -> SignInRules:
    """The owner's rules for a workshop (the defaults when it has none: nobody by identity, team codes)."""
    with read(engine) as conn:
        row = conn.execute(select(sign_in_rules).where(sign_in_rules.c.workshop_id == workshop_id)).first()
    if row is None:
        return SignInRules()
    return SignInRules(
        facilitator_emails=frozenset(row.facilitator_emails),
        leadership_emails=frozenset(row.leadership_emails),
        facilitator_groups=frozenset(row.facilitator_groups),
        leadership_groups=frozenset(row.leadership_groups),
        team_access=TeamAccess(row.team_access),
    )


def save_rules(engine: Engine, workshop_id: int, rules: SignInRules) -> None:
    """Store the owner's rules for a workshop, replacing the earlier ones (NotFound: the workshop is gone)."""
    values = {
        "team_access": rules.team_access.value,
        "facilitator_emails": sorted(normalise_email(e) for e in rules.facilitator_emails),
        "leadership_emails": sorted(normalise_email(e) for e in rules.leadership_emails),
        "facilitator_groups": sorted(rules.facilitator_groups),
        "leadership_groups": sorted(rules.leadership_groups),
    }
    with write(engine) as conn:
        if conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
            raise NotFound("error.no_such_workshop")
        earlier = conn.execute(select(sign_in_rules).where(sign_in_rules.c.workshop_id == workshop_id)).first()
        statement = upsert(conn, sign_in_rules).values(workshop_id=workshop_id, **values)
        conn.execute(statement.on_conflict_do_update(index_elements=["workshop_id"], set_=values))
        before = dict(earlier._mapping) if earlier is not None else None
        details = differences(before, values, list(values))
        if details:  # who may sign in as what: a role grant, kept in the record (issue 29.3)
            record(conn, workshop_id, Kind.ROLE, None, Change.CHANGED, SIGN_IN_RULES, details)


def _team_ids(engine: Engine, workshop_id: int) -> dict[str, int]:
    with read(engine) as conn:
        return {
            r.name: r.id
            for r in conn.execute(select(teams.c.id, teams.c.name).where(teams.c.workshop_id == workshop_id))
        }


def import_roster(engine: Engine, workshop_id: int, table: SourceTable) -> int:
    """Replace the workshop's roster with the file's (all or nothing: ImportRejected names every bad row).
    People who reached their team by its code are kept. Returns how many people the roster places."""
    ids = _team_ids(engine, workshop_id)
    placed = roster_rows(table, ids)
    rows = [{"workshop_id": workshop_id, "source": ROSTER, "email": e, "team_id": ids[t]} for e, t in placed.items()]
    try:
        with write(engine) as conn:
            conn.execute(
                team_members.delete().where(team_members.c.workshop_id == workshop_id, team_members.c.source == ROSTER)
            )
            if rows:
                conn.execute(team_members.insert(), rows)
            record(conn, workshop_id, Kind.ROLE, None, Change.CHANGED, ROSTER_SUBJECT, [["roster", "", str(len(rows))]])
    except IntegrityError as exc:  # a team deleted since the file was read
        raise NotFound("error.not_found") from exc
    return len(rows)


def roster(engine: Engine, workshop_id: int) -> list[tuple[str, str]]:
    """The roster as (e-mail address, team name), by address."""
    with read(engine) as conn:
        found = conn.execute(
            select(team_members.c.email, teams.c.name)
            .join(teams, teams.c.id == team_members.c.team_id)
            .where(team_members.c.workshop_id == workshop_id, team_members.c.source == ROSTER)
            .order_by(team_members.c.email)
        )
        return [(r.email, r.name) for r in found]


def team_of(engine: Engine, workshop_id: int, email: str, access: TeamAccess) -> Team | None:
    """The person's team in this workshop, the way the owner chose: the roster, or the code typed once."""
    address = normalise_email(email)
    if not address:
        return None
    with read(engine) as conn:
        row = conn.execute(
            select(teams.c.id, teams.c.name)
            .join(team_members, teams.c.id == team_members.c.team_id)
            .where(
                team_members.c.workshop_id == workshop_id,
                team_members.c.source == access.value,
                team_members.c.email == address,
            )
        ).first()
    return Team(id=row.id, workshop_id=workshop_id, name=row.name) if row is not None else None


def remember_team(engine: Engine, workshop_id: int, email: str, team_id: int) -> None:
    """Remember the team a signed-in person reached with its code (checked by access.join_team first): the
    next sign-in takes them there. NotFound when the team is gone meanwhile."""
    address = checked_email(email)
    values = {"workshop_id": workshop_id, "source": CODE, "email": address, "team_id": team_id}
    try:
        with write(engine) as conn:
            there = select(teams.c.id).where(teams.c.id == team_id, teams.c.workshop_id == workshop_id)
            if conn.execute(there).first() is None:
                raise NotFound("error.not_found")
            statement = upsert(conn, team_members).values(**values)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["workshop_id", "source", "email"], set_={"team_id": team_id}
                )
            )
    except IntegrityError as exc:  # deleted between the check and the write (PostgreSQL)
        raise NotFound("error.not_found") from exc


@dataclass(frozen=True)
class Placement:
    """Where a signed-in person belongs in a workshop: a staff role, a team, or neither (`role` None)."""

    role: Role | None
    team: Team | None = None
    team_access: TeamAccess = TeamAccess.CODE


def place(engine: Engine, workshop_id: int, person: Person) -> Placement:
    """The person's place in the workshop by the owner's rules: facilitator or leadership by e-mail address
    or group claim (facilitator first), else their team by the roster or the code they typed once."""
    rules = rules_for(engine, workshop_id)
    staff = staff_roles(person, rules)
    if staff:
        return Placement(staff[0], team_access=rules.team_access)
    found = team_of(engine, workshop_id, person.email, rules.team_access)
    if found is not None:
        return Placement(Role.TEAM, found, rules.team_access)
    return Placement(None, team_access=rules.team_access)
