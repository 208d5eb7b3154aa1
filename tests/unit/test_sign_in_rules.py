"""Issue 29.1's use cases on SQLite and PostgreSQL: the owner's rules per workshop, the roster (all or
nothing, no role from it), the team remembered after its code, and where a signed-in person belongs."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import ImportRejected, InvalidInput, NotFound
from workshop.domain.identity import Person, SignInRules, TeamAccess, rules_from_text
from workshop.domain.model import Role
from workshop.files.spreadsheet import read_source
from workshop.services.access.sign_in import (
    import_roster,
    place,
    remember_team,
    roster,
    rules_for,
    save_rules,
    team_of,
)
from workshop.services.week.teams import delete_team
from workshop.services.workshops.lifecycle import add_team, create_workshop


def _workshop(engine: Engine) -> tuple[int, dict[str, int]]:
    wid = create_workshop(engine, "Strategy week", "facilitate-2027", "lead-the-2027-week")
    teams = {name: add_team(engine, wid, name)[0].id or 0 for name in ("Børn og familier", "Voksne")}
    return wid, teams


def _csv(text: str) -> object:
    return read_source(text.encode("cp1252"), "roster.csv")


def person(email: str = "", *groups: str) -> Person:
    return Person(email=email, name="", groups=frozenset(groups))


def test_the_owners_rules_are_kept_per_workshop_as_typed(engine: Engine) -> None:
    wid, _ = _workshop(engine)
    other = create_workshop(engine, "Last year", "facilitate-2026", "lead-the-2026-week")
    assert rules_for(engine, wid) == SignInRules()  # nobody by identity, team codes: as without sign-on
    typed = rules_from_text(" Frida@Library.example ; anna@library.example", "", "", "library-leaders\n", "roster")
    save_rules(engine, wid, typed)
    stored = rules_for(engine, wid)
    assert stored.facilitator_emails == {"frida@library.example", "anna@library.example"}
    assert (stored.leadership_groups, stored.team_access) == ({"library-leaders"}, TeamAccess.ROSTER)
    assert rules_for(engine, other) == SignInRules()
    save_rules(engine, wid, SignInRules())  # replaced whole
    assert rules_for(engine, wid) == SignInRules()
    with pytest.raises(InvalidInput):
        rules_from_text("", "", "", "", "everybody")
    with pytest.raises(NotFound):
        save_rules(engine, 987_654, typed)


def test_a_roster_import_replaces_the_roster_all_or_nothing(engine: Engine) -> None:
    wid, teams = _workshop(engine)
    assert import_roster(engine, wid, _csv("E-mail;Hold\r\nsofie@library.example;Voksne\r\n")) == 1  # type: ignore[arg-type]
    bad = "E-mail;Hold\r\nole@library.example;Voksne\r\nkim@library.example;Unge\r\n"
    with pytest.raises(ImportRejected):
        import_roster(engine, wid, _csv(bad))  # type: ignore[arg-type]
    assert roster(engine, wid) == [("sofie@library.example", "Voksne")]  # the bad file changed nothing
    good = "E-mail;Hold\r\nole@library.example;Børn og familier\r\n"
    remember_team(engine, wid, "kim@library.example", teams["Voksne"])  # by code: kept through imports
    assert import_roster(engine, wid, _csv(good)) == 1  # type: ignore[arg-type]
    assert roster(engine, wid) == [("ole@library.example", "Børn og familier")]
    assert team_of(engine, wid, "kim@library.example", TeamAccess.CODE) is not None


def test_a_roster_cannot_make_anybody_facilitator_or_leadership(engine: Engine) -> None:
    wid, _ = _workshop(engine)
    save_rules(engine, wid, SignInRules(team_access=TeamAccess.ROSTER))
    text = "E-mail;Hold;Rolle;Groups\r\nsofie@library.example;Voksne;facilitator;library-leaders\r\n"
    import_roster(engine, wid, _csv(text))  # type: ignore[arg-type]
    placed = place(engine, wid, person("sofie@library.example"))
    assert (placed.role, placed.team.name if placed.team else None) == (Role.TEAM, "Voksne")


def test_a_person_is_placed_by_the_owners_choice_of_roster_or_code(engine: Engine) -> None:
    wid, teams = _workshop(engine)
    rules = SignInRules(
        facilitator_emails=frozenset({"frida@library.example"}), leadership_groups=frozenset({"library-leaders"})
    )
    save_rules(engine, wid, rules)
    import_roster(engine, wid, _csv("E-mail;Hold\r\nsofie@library.example;Voksne\r\nfrida@library.example;Voksne\r\n"))  # type: ignore[arg-type]
    assert place(engine, wid, person("FRIDA@library.example ")).role == Role.FACILITATOR  # her rule before the roster
    assert place(engine, wid, person("lars@library.example", "library-leaders")).role == Role.LEADERSHIP
    # Code: the roster does not count; a code typed once does, for that person only.
    assert place(engine, wid, person("sofie@library.example")).role is None
    remember_team(engine, wid, " Sofie@Library.example", teams["Børn og familier"])
    placed = place(engine, wid, person("sofie@library.example"))
    assert (placed.role, placed.team.name if placed.team else None) == (Role.TEAM, "Børn og familier")
    assert place(engine, wid, person("")).role is None  # no (verified) address: no team
    # Roster: the roster counts, the code typed once does not.
    save_rules(engine, wid, SignInRules(team_access=TeamAccess.ROSTER))
    placed = place(engine, wid, person("sofie@library.example"))
    assert (placed.role, placed.team.name if placed.team else None) == (Role.TEAM, "Voksne")
    assert place(engine, wid, person("nora@library.example")).role is None


def test_a_deleted_team_takes_its_people_with_it(engine: Engine) -> None:
    wid, teams = _workshop(engine)
    remember_team(engine, wid, "sofie@library.example", teams["Voksne"])
    delete_team(engine, wid, teams["Voksne"])
    assert team_of(engine, wid, "sofie@library.example", TeamAccess.CODE) is None
    with pytest.raises(NotFound):
        remember_team(engine, wid, "sofie@library.example", teams["Voksne"])
    other = create_workshop(engine, "Last year", "facilitate-2026", "lead-the-2026-week")
    with pytest.raises(NotFound):  # a team of another workshop is no team of this one
        remember_team(engine, other, "sofie@library.example", teams["Børn og familier"])
