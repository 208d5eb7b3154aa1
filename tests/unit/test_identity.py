"""Issue 29.1's rules, no database: who a signed-in person is (from the verified ID token's claims, as st.user
holds them), which staff role the owner's e-mail addresses and group claims give, and the roster as people
save it (Danish Excel: cp1252 with ';'), every bad row named, no role from any of its columns."""

from __future__ import annotations

import pytest

from workshop.config.i18n import FALLBACK
from workshop.config.messages import english, render
from workshop.domain.errors import ImportRejected, InvalidInput, UnreadableFile
from workshop.domain.identity import (
    MAX_ENTRIES,
    Person,
    SignInRules,
    email_list,
    group_list,
    person_from_claims,
    staff_roles,
)
from workshop.domain.messages import Message
from workshop.domain.model import Role
from workshop.files.limits import MAX_UPLOAD_BYTES
from workshop.files.roster import left_out, roster_rows
from workshop.files.spreadsheet import read_source

TEAMS = ("Børn og familier", "Voksne")
RULES = SignInRules(
    facilitator_emails=email_list(" Frida@Library.example\nanna@library.example; ole@library.example", "f"),
    leadership_groups=group_list("library-leaders\nCN=Leaders,OU=Library", "g"),
    facilitator_groups=group_list("workshop-facilitators", "g"),
)


def signed_in(**claims: object) -> Person:
    found = person_from_claims({"is_logged_in": True, **claims})
    assert found is not None
    return found


@pytest.mark.parametrize(
    "email",
    ["frida@library.example", "  FRIDA@Library.Example  ", "Frida@LIBRARY.example\t", "\u00a0frida@library.example"],
)
def test_an_e_mail_address_matches_whatever_its_case_and_surrounding_spaces(email: str) -> None:
    assert staff_roles(signed_in(email=email), RULES) == (Role.FACILITATOR,)


def test_an_address_that_only_resembles_one_on_the_list_gives_nothing() -> None:
    for email in ("frida@library.example.evil", "xfrida@library.example", "frida@library-example", "frida"):
        assert staff_roles(signed_in(email=email), RULES) == ()


def test_a_group_claim_gives_leadership_or_facilitator_exactly_as_the_provider_writes_it() -> None:
    assert staff_roles(signed_in(groups=["all-staff", "library-leaders"]), RULES) == (Role.LEADERSHIP,)
    assert staff_roles(signed_in(groups=["CN=Leaders,OU=Library"]), RULES) == (Role.LEADERSHIP,)  # a comma in a name
    assert staff_roles(signed_in(roles=["workshop-facilitators"]), RULES) == (Role.FACILITATOR,)  # Entra's app roles
    assert staff_roles(signed_in(groups="library-leaders"), RULES) == (Role.LEADERSHIP,)  # one group as a string
    assert staff_roles(signed_in(groups=["Library-Leaders", "library-leaders-old"]), RULES) == ()


def test_both_roles_give_facilitator_first() -> None:
    both = signed_in(email="anna@library.example", groups=["library-leaders"])
    assert staff_roles(both, RULES) == (Role.FACILITATOR, Role.LEADERSHIP)


def test_nobody_signed_in_is_no_person() -> None:
    assert person_from_claims({}) is None
    assert person_from_claims({"is_logged_in": False, "email": "frida@library.example"}) is None
    assert person_from_claims({"is_logged_in": "true", "email": "frida@library.example"}) is None


def test_an_address_the_provider_marks_unverified_counts_as_none() -> None:
    for verified in (False, "false"):
        person = signed_in(email="frida@library.example", email_verified=verified)
        assert person.email == ""
        assert staff_roles(person, RULES) == ()
    assert signed_in(email="frida@library.example", email_verified=True).email == "frida@library.example"


def test_claims_of_the_wrong_shape_give_nothing() -> None:
    person = signed_in(email=["frida@library.example"], groups=[{"name": "library-leaders"}, 7, None], name=3)
    assert (person.email, person.groups, person.name) == ("", frozenset(), "")
    assert staff_roles(person, RULES) == ()
    assert signed_in(email="not an address").email == ""


def test_the_owners_list_names_the_first_address_that_is_none() -> None:
    with pytest.raises(InvalidInput) as caught:
        email_list("anna@library.example\nole(at)library.example", "facilitator_emails")
    assert english(caught.value) == (
        "In the facilitators' e-mail addresses: 'ole(at)library.example' is not an e-mail address."
    )
    with pytest.raises(InvalidInput):
        email_list("\n".join(f"p{i}@library.example" for i in range(MAX_ENTRIES + 1)), "facilitator_emails")
    with pytest.raises(InvalidInput):
        group_list("x" * 201, "leadership_groups")


def _roster(text: str, encoding: str = "cp1252") -> dict[str, str]:
    return roster_rows(read_source(text.encode(encoding), "roster.csv"), TEAMS)


def test_a_danish_excel_roster_places_each_address_in_its_team() -> None:
    text = "E-mail;Hold\r\n Sofie.Staff@Library.example ;Børn og familier\r\nole@library.example;voksne\r\n"
    assert _roster(text) == {"sofie.staff@library.example": "Børn og familier", "ole@library.example": "Voksne"}
    assert _roster(text.replace(";", ","), "utf-8-sig") == _roster(text)


def test_a_roster_gives_no_role_whatever_its_columns_say() -> None:
    text = "E-mail;Hold;Rolle\r\nsofie@library.example;Voksne;facilitator\r\n"
    table = read_source(text.encode("cp1252"), "roster.csv")
    assert roster_rows(table, TEAMS) == {"sofie@library.example": "Voksne"}
    assert left_out(table) == ["Rolle"]


def test_every_bad_row_of_a_roster_is_named_and_nothing_is_taken() -> None:
    text = (
        "E-post;Team\r\n"
        "sofie@library.example;Voksne\r\n"  # row 2: fine
        ";Voksne\r\n"  # row 3: no address
        "ole(at)library.example;Voksne\r\n"  # row 4: not an address
        "per@library.example;Unge\r\n"  # row 5: no such team
        "SOFIE@library.example;Børn og familier\r\n"  # row 6: the address again, another team
        "sofie@library.example;voksne\r\n"  # row 7: the same again: no problem
        "kim@library.example;\r\n"  # row 8: no team
    )
    with pytest.raises(ImportRejected) as caught:
        _roster(text)
    said = [(row, column, english_problem(problem)) for row, column, problem in caught.value.problems]
    assert said == [
        (3, "E-post", "is empty"),
        (4, "E-post", "'ole(at)library.example' is not an e-mail address"),
        (5, "Team", "'Unge' is not a team of this workshop (see the Teams page)"),
        (6, "E-post", "this address is already on row 2, in the team 'Voksne'"),
        (8, "Team", "is empty"),
    ]


def english_problem(problem: Message) -> str:
    return render(problem, FALLBACK)


def test_a_roster_without_its_columns_or_rows_says_so() -> None:
    with pytest.raises(ImportRejected) as caught:
        _roster("Name;Department\r\nSofie;Voksne\r\n")
    assert "no column for e-mail, team" in english_problem(caught.value.problems[0][2])
    with pytest.raises(ImportRejected) as caught:
        _roster("E-mail;Team\r\n")
    assert english_problem(caught.value.problems[0][2]) == "the file has a header but no people below it"


def test_a_roster_over_the_size_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_source(b"E-mail;Team\r\n" + b"x" * MAX_UPLOAD_BYTES, "roster.csv")
    assert caught.value.message == "error.file.too_big"
