"""A workshop's roster: a spreadsheet of e-mail address -> team, read like the offer list (CSV in UTF-8 or
Danish Excel's cp1252 with `;`, or XLSX; the same size limits, every bad row named). A roster only places
people in teams: no column of it can make anybody facilitator or leadership (the owner's own rules do)."""

from __future__ import annotations

from collections.abc import Iterable

from workshop.domain.errors import ImportRejected
from workshop.domain.identity import email_problem, normalise_email
from workshop.domain.messages import Message, message
from workshop.files.spreadsheet import SourceTable

MAX_PROBLEMS = 200  # rows listed in a rejected import's report (the count says how many in all)
# Headers as people write them in English, Danish, Norwegian and Dutch (compared without case or spaces).
EMAIL_HEADERS = frozenset(
    {
        "email",
        "e-mail",
        "emailaddress",
        "e-mailaddress",
        "mail",
        "e-post",
        "epost",
        "e-postadresse",
        "epostadresse",
        "e-mailadresse",
        "emailadresse",
        "mailadresse",
        "e-mailadres",
        "emailadres",
        "mailadres",
    }
)
TEAM_HEADERS = frozenset({"team", "teamname", "teamnavn", "hold", "holdnavn", "lag", "lagnavn", "gruppe", "groep"})


def _key(header: str) -> str:
    return "".join(header.split()).casefold()


def _column(table: SourceTable, names: frozenset[str]) -> int | None:
    return next((i for i, h in enumerate(table.header) if _key(h) in names), None)


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def roster_rows(table: SourceTable, team_names: Iterable[str]) -> dict[str, str]:
    """Every person's normalised e-mail address -> the name of their team as the workshop spells it. Raises
    ImportRejected listing every bad row (no address, not an address, no such team, an address twice with
    two teams) and nothing is taken; other columns are left out (see `left_out`)."""
    email_at, team_at = _column(table, EMAIL_HEADERS), _column(table, TEAM_HEADERS)
    missing = [m for m, at in (("e-mail", email_at), ("team", team_at)) if at is None]
    if missing:
        raise ImportRejected([(table.header_row, "", message("problem.roster_columns", columns=", ".join(missing)))])
    assert email_at is not None and team_at is not None
    if not table.rows:
        raise ImportRejected([(table.header_row, "", message("problem.roster_empty"))])
    teams = {name.casefold(): name for name in team_names}
    email_header, team_header = table.header[email_at], table.header[team_at]
    placed: dict[str, str] = {}
    first_row: dict[str, int] = {}
    problems: list[tuple[int, str, Message]] = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        address = normalise_email(_text(row[email_at]))
        team = _text(row[team_at])
        if not address:
            problems.append((number, email_header, message("problem.empty_cell")))
        elif (problem := email_problem(address)) is not None:
            problems.append((number, email_header, problem))
        if not team:
            problems.append((number, team_header, message("problem.empty_cell")))
        elif team.casefold() not in teams:
            problems.append((number, team_header, message("problem.no_such_team", team=team[:100])))
        if not address or not team or team.casefold() not in teams:
            continue
        known = teams[team.casefold()]
        if address in placed and placed[address] != known:
            again = message("problem.roster_twice", row=first_row[address], team=placed[address])
            problems.append((number, email_header, again))
            continue
        placed.setdefault(address, known)
        first_row.setdefault(address, number)
    if problems:
        raise ImportRejected(problems[:MAX_PROBLEMS], total=len(problems))
    return placed


def left_out(table: SourceTable) -> list[str]:
    """The columns a roster import does not read (a 'role' column among them: a roster gives no roles)."""
    used = {_column(table, EMAIL_HEADERS), _column(table, TEAM_HEADERS)}
    return [h for i, h in enumerate(table.header) if i not in used]
