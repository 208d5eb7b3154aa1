"""Workshops: create one (from a template or from scratch), edit, list, pick the current one, delete; add and
list its teams, and refuse a team that is not one of its own."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import Connection, Engine, func, select

from workshop.config.templates import Template, template
from workshop.domain.errors import AccessDenied, NotFound
from workshop.domain.history import NEW_CODE, PASSCODES_SET, Change, Kind
from workshop.domain.model import MAX_LONG_TEXT, SPACE_KEYS, Team, Workshop
from workshop.domain.text_fields import MAX_SHORT_TEXT, check_text
from workshop.domain.validation import check_dates, check_language, check_name
from workshop.services.access.codes import check_new_passcode, check_passcode, hash_code, new_team_code, team_code_hash
from workshop.services.history import record
from workshop.services.rows import TEAMS, change_workshop_row, delete_workshop_row
from workshop.store import read, write
from workshop.store.tables import (
    days,
    main_points,
    questions,
    settings,
    space_weights,
    teams,
    workshops,
)

CURRENT_KEY = "current_workshop_id"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _workshop(row: object) -> Workshop:
    m = row._mapping  # type: ignore[attr-defined]
    return Workshop.model_validate({k: m[k] for k in Workshop.model_fields if k in m})


def create_workshop(
    engine: Engine,
    name: str,
    facilitator_code: str,
    leadership_code: str,
    template_key: str | None = None,
    description: str = "",
    is_demo: bool = False,
    *,
    language: str = "en",
    strict_passcodes: bool = False,
) -> int:
    """A new workshop in a content language, empty or filled from that language's template; returns its id
    and makes it current if none is.
    With strict_passcodes (a person chose them, on the page or the command line) short or common
    passcodes are refused; tests and the public demo may keep short ones."""
    _checked_name(name)
    if strict_passcodes:
        check_new_passcode(facilitator_code, "facilitator passcode")
        check_new_passcode(leadership_code, "leadership passcode")
    language = check_language(language)
    chosen: Template | None = template(template_key, language) if template_key else None
    with write(engine) as conn:
        workshop_id = insert_workshop(
            conn,
            name,
            facilitator_code,
            leadership_code,
            description=description or (chosen.description if chosen else ""),
            language=language,
            template_key=template_key or "",
            is_demo=is_demo,
        )
        conn.execute(
            space_weights.insert(), [{"workshop_id": workshop_id, "space": s, "weight": 3} for s in SPACE_KEYS]
        )
        if chosen is not None:
            _apply_template(conn, workshop_id, chosen)
        # The workshop's first main points, days and questions come with it (from the template): the record
        # starts with the passcodes that give its two roles, not with every item the template made.
        record(conn, workshop_id, Kind.ROLE, workshop_id, Change.ADDED, name, PASSCODES_SET)
    return workshop_id


def _checked_name(name: str) -> str:
    return check_name(name, "workshop")


def insert_workshop(
    conn: Connection,
    name: str,
    facilitator_code: str,
    leadership_code: str,
    *,
    description: str = "",
    language: str = "en",
    template_key: str = "",
    is_demo: bool = False,
) -> int:
    """The workshop row alone, inside the caller's transaction (no weights, no content); it becomes
    current if none is."""
    name = _checked_name(name)
    check_text(description, "description", MAX_LONG_TEXT)
    facilitator_code, leadership_code = check_passcode(facilitator_code), check_passcode(leadership_code)
    workshop_id = conn.execute(
        workshops.insert()
        .returning(workshops.c.id)
        .values(
            name=name,
            description=description,
            language=language,
            template_key=template_key,
            is_demo=is_demo,
            publish_log_immediately=False,
            facilitator_code_hash=hash_code(facilitator_code),
            leadership_code_hash=hash_code(leadership_code),
            team_code_salt=secrets.token_hex(16),
            created_at=now(),
        )
    ).scalar_one()
    if conn.execute(select(settings.c.value).where(settings.c.key == CURRENT_KEY)).scalar() is None:
        conn.execute(settings.insert().values(key=CURRENT_KEY, value=str(workshop_id)))
    return int(workshop_id)


def update_workshop(
    engine: Engine,
    workshop_id: int,
    name: str,
    description: str = "",
    language: str = "en",
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    *,
    library_name: str | None = None,
    library_contact: str | None = None,
) -> Workshop:
    """Rename a workshop, change its description, content language and dates, and (when given) the library's
    name and contact details the leaflet carries (InvalidInput names the field)."""
    name = _checked_name(name)
    description = check_text(description.strip(), "description", MAX_LONG_TEXT)
    language = check_language(language)
    check_dates(start_date, end_date)
    values: dict[str, object] = {
        "name": name,
        "description": description,
        "language": language,
        "start_date": start_date,
        "end_date": end_date,
    }
    for field, given in (("library_name", library_name), ("library_contact", library_contact)):
        if given is not None:  # one line each: a leaflet's heading and its contact line
            values[field] = check_text(" ".join(given.split()), field, MAX_SHORT_TEXT)
    with write(engine) as conn:
        change_workshop_row(conn, workshop_id, **values)
    return get_workshop(engine, workshop_id)


def _apply_template(conn: Connection, workshop_id: int, chosen: Template) -> None:
    point_ids: dict[str, int] = {}
    for position, point in enumerate(chosen.main_points, start=1):
        point_ids[point.key] = conn.execute(
            main_points.insert()
            .returning(main_points.c.id)
            .values(
                workshop_id=workshop_id,
                position=position,
                title=point.title,
                description=point.description,
                spaces=point.spaces,
            )
        ).scalar_one()
    for position, day in enumerate(chosen.days, start=1):
        day_id = conn.execute(
            days.insert()
            .returning(days.c.id)
            .values(workshop_id=workshop_id, position=position, title=day.title, status="planned")
        ).scalar_one()
        conn.execute(
            questions.insert(),
            [
                {
                    "workshop_id": workshop_id,
                    "day_id": day_id,
                    "main_point_id": point_ids.get(q.main_point or ""),
                    "position": n,
                    "kind": q.kind.value,
                    "text": q.text,
                    "options": q.options,
                    "space": q.space,
                }
                for n, q in enumerate(day.questions, start=1)
            ],
        )


def list_workshops(engine: Engine) -> list[Workshop]:
    with read(engine) as conn:
        return [_workshop(r) for r in conn.execute(select(workshops).order_by(workshops.c.id))]


def get_workshop(engine: Engine, workshop_id: int) -> Workshop:
    with read(engine) as conn:
        row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
    if row is None:
        raise NotFound("error.missing.workshop", id=workshop_id)
    return _workshop(row)


def delete_workshop(engine: Engine, workshop_id: int) -> None:
    """Delete a workshop and everything in it."""
    with write(engine) as conn:
        delete_workshop_row(conn, workshop_id)
        conn.execute(settings.delete().where(settings.c.key == CURRENT_KEY, settings.c.value == str(workshop_id)))


def current_workshop_id(engine: Engine) -> int | None:
    """The workshop everyone lands on: the one the facilitator picked, else the newest."""
    with read(engine) as conn:
        value = conn.execute(select(settings.c.value).where(settings.c.key == CURRENT_KEY)).scalar()
        if value is not None:
            return int(value)
        newest = conn.execute(select(func.max(workshops.c.id))).scalar()
    return int(newest) if newest is not None else None


def set_current_workshop(engine: Engine, workshop_id: int) -> None:
    get_workshop(engine, workshop_id)
    with write(engine) as conn:
        conn.execute(settings.delete().where(settings.c.key == CURRENT_KEY))
        conn.execute(settings.insert().values(key=CURRENT_KEY, value=str(workshop_id)))


def add_team(engine: Engine, workshop_id: int, name: str, code: str | None = None) -> tuple[Team, str]:
    """A new team and its join code (shown once: only its hash is stored)."""
    name = check_name(name, "team")
    code = code or new_team_code()
    with write(engine) as conn:
        salt = conn.execute(select(workshops.c.team_code_salt).where(workshops.c.id == workshop_id)).scalar()
        if salt is None:
            raise NotFound("error.missing.workshop", id=workshop_id)
        team_id = conn.execute(
            teams.insert()
            .returning(teams.c.id)
            .values(workshop_id=workshop_id, name=name, code_hash=team_code_hash(code, salt))
        ).scalar_one()
        record(conn, workshop_id, Kind.ROLE, int(team_id), Change.ADDED, name, [NEW_CODE])
    return Team(id=int(team_id), workshop_id=workshop_id, name=name), code


def list_teams(engine: Engine, workshop_id: int) -> list[Team]:
    with read(engine) as conn:
        rows = conn.execute(select(teams.c.id, teams.c.name).where(TEAMS.of(workshop_id)).order_by(teams.c.id))
        return [Team(id=r.id, workshop_id=workshop_id, name=r.name) for r in rows]


def check_member(conn: Connection, workshop_id: int, team_id: int) -> None:
    """A team id that is not a team of this workshop (a forged one) is refused."""
    found = conn.execute(select(teams.c.id).where(teams.c.id == team_id, TEAMS.of(workshop_id)))
    if found.first() is None:
        raise AccessDenied("error.not_a_team_of_this_workshop")
