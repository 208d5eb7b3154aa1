"""Roles from a signed-in person's identity (single sign-on). Pure: who a person is comes from the claims of
the provider's verified ID token (Streamlit's `st.user`); the owner's rules per workshop say which e-mail
addresses and which group claims make a facilitator or leadership, and how people reach their team."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from workshop.domain.errors import InvalidInput
from workshop.domain.messages import Message, message
from workshop.domain.model import Role

MAX_EMAIL = 254  # RFC 5321's limit on a forward path
MAX_GROUP = 200  # a group's name or id as a provider sends it (Entra: a GUID; Keycloak: a path)
MAX_ENTRIES = 2000  # e-mail addresses or groups in one list of the owner's rules
# One @, no spaces, a dot in the domain: what every provider sends; not a full RFC 5322 parser on purpose.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SEPARATORS = re.compile(r"[\n,;]+")
_LINES = re.compile(r"[\r\n]+")
# The claims a provider puts groups in: Keycloak's and Entra ID's group claim, Entra ID's app roles.
GROUP_CLAIMS = ("groups", "roles")


class TeamAccess(StrEnum):
    """How a signed-in person reaches their team: the owner's roster, or the team's code typed once."""

    ROSTER = "roster"
    CODE = "code"


def normalise_email(value: object) -> str:
    """An e-mail address as it is compared: surrounding spaces gone, case ignored, Unicode in one form."""
    return unicodedata.normalize("NFC", str(value)).strip().casefold()


def email_problem(value: str) -> Message | None:
    """What is wrong with an (already normalised) e-mail address, or None."""
    if len(value) > MAX_EMAIL:
        return message(
            "problem.item", value=value[:40], problem=message("problem.too_long", length=len(value), limit=MAX_EMAIL)
        )
    if not _EMAIL.fullmatch(value):
        return message("problem.not_an_email", value=value[:80])
    return None


def _entries(text: str, separators: re.Pattern[str] = _SEPARATORS) -> list[str]:
    return [part.strip() for part in separators.split(text) if part.strip()]


def email_list(text: str, field_name: str) -> frozenset[str]:
    """The e-mail addresses in a text (one a line, or separated by commas or semicolons), each normalised;
    InvalidInput naming the field and the first address that is none."""
    found = [normalise_email(e) for e in _entries(text)]
    if len(found) > MAX_ENTRIES:
        raise InvalidInput("error.in_list", field=field_name, problem=message("problem.too_many", limit=MAX_ENTRIES))
    for address in found:
        problem = email_problem(address)
        if problem is not None:
            raise InvalidInput("error.in_list", field=field_name, problem=problem)
    return frozenset(found)


def group_list(text: str, field_name: str) -> frozenset[str]:
    """The group names or ids in a text, one a line (a directory's group name may hold a comma), compared
    exactly as the provider sends them (a group's id is no e-mail address: its case may matter)."""
    found = _entries(text, _LINES)
    if len(found) > MAX_ENTRIES:
        raise InvalidInput("error.in_list", field=field_name, problem=message("problem.too_many", limit=MAX_ENTRIES))
    for group in found:
        if len(group) > MAX_GROUP:
            raise InvalidInput(
                "error.in_list",
                field=field_name,
                problem=message(
                    "problem.item",
                    value=group[:40],
                    problem=message("problem.too_long", length=len(group), limit=MAX_GROUP),
                ),
            )
    return frozenset(found)


@dataclass(frozen=True)
class SignInRules:
    """The owner's choices for one workshop. No rule at all: nobody is facilitator or leadership by identity,
    and people reach their team with its code."""

    facilitator_emails: frozenset[str] = field(default_factory=frozenset)
    leadership_emails: frozenset[str] = field(default_factory=frozenset)
    facilitator_groups: frozenset[str] = field(default_factory=frozenset)
    leadership_groups: frozenset[str] = field(default_factory=frozenset)
    team_access: TeamAccess = TeamAccess.CODE

    def __post_init__(self) -> None:
        # Addresses kept as they are compared (once here, not on every page a person opens).
        for name in ("facilitator_emails", "leadership_emails"):
            object.__setattr__(self, name, frozenset(normalise_email(e) for e in getattr(self, name)))
        for name in ("facilitator_groups", "leadership_groups"):
            object.__setattr__(self, name, frozenset(g.strip() for g in getattr(self, name) if g.strip()))


def rules_from_text(
    facilitator_emails: str, leadership_emails: str, facilitator_groups: str, leadership_groups: str, team_access: str
) -> SignInRules:
    """The rules as the owner typed them (one address or group a line); InvalidInput names the field."""
    if team_access not in {a.value for a in TeamAccess}:
        raise InvalidInput("error.choose_an_option", field="team_access")
    return SignInRules(
        facilitator_emails=email_list(facilitator_emails, "facilitator_emails"),
        leadership_emails=email_list(leadership_emails, "leadership_emails"),
        facilitator_groups=group_list(facilitator_groups, "facilitator_groups"),
        leadership_groups=group_list(leadership_groups, "leadership_groups"),
        team_access=TeamAccess(team_access),
    )


def checked_email(value: object) -> str:
    """A person's e-mail address as it is stored and compared (normalised), or InvalidInput naming the e-mail
    field and what is wrong with it."""
    address = normalise_email(value)
    problem = email_problem(address)
    if problem is not None:
        raise InvalidInput("error.field_problem", field="email", problem=problem)
    return address


@dataclass(frozen=True)
class Person:
    """A signed-in person as the verified ID token names them. `email` is '' when the token has none or says
    it is not verified."""

    email: str
    name: str
    groups: frozenset[str]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        return [v for v in value if isinstance(v, str)]
    return []


def person_from_claims(claims: Mapping[str, object]) -> Person | None:
    """The person in `st.user`'s claims (which Streamlit takes from the ID token Authlib verified: signature,
    issuer, audience, expiry, nonce), or None when nobody is signed in. An address the provider marks
    unverified (email_verified false) counts as none: anybody can type an address into some accounts."""
    if claims.get("is_logged_in") is not True:
        return None
    email = claims.get("email")
    verified = claims.get("email_verified", True)
    usable = isinstance(email, str) and verified not in (False, "false", "False")
    address = normalise_email(email) if usable else ""
    if address and email_problem(address) is not None:
        address = ""
    groups = frozenset(g.strip() for claim in GROUP_CLAIMS for g in _strings(claims.get(claim)) if g.strip())
    name = claims.get("name")
    return Person(email=address, name=name.strip() if isinstance(name, str) else "", groups=groups)


def staff_roles(person: Person, rules: SignInRules) -> tuple[Role, ...]:
    """The staff roles the owner's rules give this person, facilitator first: by e-mail address (case and
    surrounding spaces ignored) or by a group claim."""
    found: list[Role] = []
    address = normalise_email(person.email)  # both sides compared alike, however the Person was made
    for role, emails, groups in (
        (Role.FACILITATOR, rules.facilitator_emails, rules.facilitator_groups),
        (Role.LEADERSHIP, rules.leadership_emails, rules.leadership_groups),
    ):
        by_email = bool(address) and address in emails
        if by_email or not person.groups.isdisjoint(groups):
            found.append(role)
    return tuple(found)
