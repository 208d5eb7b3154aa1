"""Teams and their join codes: rename, delete, new codes, join links and the printable code sheet.

Only a code's hash is stored, so a code can be shown (and printed) only at the moment it is made:
the sheet is printed right after the codes are (re)generated."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import segno
from sqlalchemy import Engine, func, select

from workshop.config.i18n import date_text, time_text, translate
from workshop.domain.errors import NotFound
from workshop.domain.history import NEW_CODE, Change, Kind
from workshop.domain.model import Team
from workshop.domain.validation import check_name
from workshop.services.access.codes import new_team_code, team_code_hash
from workshop.services.history import record
from workshop.services.rows import ANSWERS, TEAMS
from workshop.store import read, write
from workshop.store.tables import person_answers, responses, teams, workshops


@dataclass(frozen=True)
class TeamCode:
    """A team with the code it was just given (shown once, never stored in clear)."""

    team: Team
    code: str


def _salt(engine: Engine, workshop_id: int) -> str:
    with read(engine) as conn:
        salt = conn.execute(select(workshops.c.team_code_salt).where(workshops.c.id == workshop_id)).scalar()
    if salt is None:
        raise NotFound("error.missing.workshop", id=workshop_id)
    return str(salt)


def _team(engine: Engine, workshop_id: int, team_id: int) -> Team:
    with read(engine) as conn:
        row = TEAMS.get(conn, workshop_id, team_id, teams.c.id, teams.c.name)
    return Team(id=row.id, workshop_id=workshop_id, name=row.name)


def rename_team(engine: Engine, workshop_id: int, team_id: int, name: str) -> Team:
    name = check_name(name, "team")
    with write(engine) as conn:
        before = TEAMS.get(conn, workshop_id, team_id)
        TEAMS.update(conn, workshop_id, team_id, name=name)
        record(conn, workshop_id, Kind.ROLE, team_id, Change.CHANGED, name, [["name", before.name, name]])
    return Team(id=team_id, workshop_id=workshop_id, name=name)


def team_answer_count(engine: Engine, workshop_id: int, team_id: int) -> int:
    """How many answers a team has given, its people's own answers too (its deletion would take them with it)."""
    with read(engine) as conn:
        query = select(func.count()).where(ANSWERS.of(workshop_id), responses.c.team_id == team_id)
        own = select(func.count()).where(
            person_answers.c.workshop_id == workshop_id, person_answers.c.team_id == team_id
        )
        return int(conn.execute(query).scalar() or 0) + int(conn.execute(own).scalar() or 0)


def delete_team(engine: Engine, workshop_id: int, team_id: int) -> None:
    """Delete a team with its answers and drafts."""
    with write(engine) as conn:
        name = TEAMS.get(conn, workshop_id, team_id).name
        TEAMS.delete(conn, workshop_id, team_id)
        record(conn, workshop_id, Kind.ROLE, team_id, Change.DELETED, name)


def regenerate_code(engine: Engine, workshop_id: int, team_id: int) -> TeamCode:
    """A new join code for one team; the old one stops working (sessions already joined stay joined)."""
    team = _team(engine, workshop_id, team_id)
    salt = _salt(engine, workshop_id)
    with write(engine) as conn:
        taken = {r.code_hash for r in conn.execute(TEAMS.select(workshop_id, teams.c.code_hash))}
        code = _fresh_code(salt, taken)
        TEAMS.update(conn, workshop_id, team_id, code_hash=team_code_hash(code, salt))
        record(conn, workshop_id, Kind.ROLE, team_id, Change.CHANGED, team.name, [NEW_CODE])
    return TeamCode(team, code)


def regenerate_all_codes(engine: Engine, workshop_id: int) -> list[TeamCode]:
    """New join codes for every team at once, to print the sheet; every old code stops working."""
    salt = _salt(engine, workshop_id)
    made: list[TeamCode] = []
    with write(engine) as conn:
        rows = conn.execute(TEAMS.select(workshop_id, teams.c.id, teams.c.name).order_by(teams.c.id)).fetchall()
        taken: set[str] = set()
        for row in rows:
            code = _fresh_code(salt, taken)
            taken.add(team_code_hash(code, salt))
            # A temporary unique placeholder first: the new code may equal another team's old one.
            TEAMS.update(conn, workshop_id, row.id, code_hash=f"pending-{row.id}")
            made.append(TeamCode(Team(id=row.id, workshop_id=workshop_id, name=row.name), code))
        for item in made:
            TEAMS.update(conn, workshop_id, item.team.id, code_hash=team_code_hash(item.code, salt))
            record(conn, workshop_id, Kind.ROLE, item.team.id, Change.CHANGED, item.team.name, [NEW_CODE])
    return made


def _fresh_code(salt: str, taken: set[str]) -> str:
    while True:
        code = new_team_code()
        if team_code_hash(code, salt) not in taken:
            return code


def join_link(app_url: str, code: str, workshop_id: int | None = None, lang: str | None = None) -> str:
    """The link that joins the team and opens its answers page: the app's address with
    /answer?w=WORKSHOP&code=CODE, so the team joins its own workshop whichever one the others land on
    (&lang=: in the workshop's language)."""
    parts = urlsplit(app_url.strip() or "http://localhost:8501")
    base = f"{parts.scheme or 'http'}://{parts.netloc}{parts.path.rstrip('/')}" if parts.netloc else app_url
    query = ({"w": workshop_id} if workshop_id is not None else {}) | {"code": code} | ({"lang": lang} if lang else {})
    return f"{base}/answer?{urlencode(query)}"


def qr_svg(link: str) -> str:
    """An inline SVG QR code of a link (made offline)."""
    return str(segno.make(link, error="m").svg_inline(scale=4, border=2))


def code_sheet_html(workshop_name: str, codes: list[TeamCode], app_url: str, lang: str = "en") -> str:
    """A printable page in the workshop's language: one card per team with its name, code, join link and
    QR code (both carry the workshop)."""
    heading = translate(lang, "teams.sheet_heading")
    cards = []
    for item in codes:
        link = join_link(app_url, item.code, item.team.workshop_id, lang)
        cards.append(
            '<section class="card">'
            f"<h2>{html.escape(item.team.name)}</h2>"
            f'<p class="code">{html.escape(item.code)}</p>'
            f"{qr_svg(link)}"
            f'<p class="link">{html.escape(link)}</p>'
            "</section>"
        )
    now = dt.datetime.now()
    stamp = f"{date_text(now.date(), lang)} {time_text(now, lang)}"
    return (
        f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(workshop_name)} — {html.escape(heading)}</title>"
        "<style>body{font-family:sans-serif;margin:1cm}"
        ".card{display:inline-block;width:8.5cm;margin:.3cm;padding:.4cm;border:1px dashed #888;"
        "vertical-align:top;page-break-inside:avoid;text-align:center}"
        ".code{font:bold 2.2em monospace;letter-spacing:.15em;margin:.2em 0}"
        ".link{font-size:.8em;word-break:break-all}</style></head><body>"
        f"<h1>{html.escape(workshop_name)} — {html.escape(heading)}</h1><p>{stamp}</p>"
        + "".join(cards)
        + "</body></html>"
    )
