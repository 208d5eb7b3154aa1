"""The library's assets and the teams' proposals (issue 16, from "Byg partnerskaber!"): what the library
can offer a partner, and the partners and contacts the teams know. Pure rules: models, the review status,
the normalised comparison and the warnings it gives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop.domain.errors import InvalidInput
from workshop.domain.model import LongText, Name, Sector, ShortText, Strict


class ReviewStatus(StrEnum):
    """A team's proposal: waiting for the facilitator, taken into the list or register, or declined."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


def require_pending(status: ReviewStatus | str, name: str) -> None:
    """A team's proposal is decided once: InvalidInput naming it when it is accepted or declined already (a second
    tab, or a retry, decides nothing again)."""
    if ReviewStatus(status) != ReviewStatus.PENDING:
        raise InvalidInput("error.already_decided", field="status", name=name)


class Asset(Strict):
    """One thing the library offers partners: a short title and a sentence or two about it."""

    title: Name
    description: LongText = ""


class PartnerProposal(Strict):
    """A partner a team knows: who, which sector, our contact person there, and why."""

    name: Name
    sector: Sector = Sector.PUBLIC
    contact: ShortText = ""
    reason: LongText = ""


_SPACE = re.compile(r"\s+")


def normalised(text: str) -> str:
    """A name as compared: case folded, whitespace trimmed and collapsed ("Nordby  daily " = "nordby daily")."""
    return _SPACE.sub(" ", text).strip().casefold()


def check_not_a_known_partner(name: str, register: Iterable[str]) -> None:
    """A team's proposed partner is taken into the register only when the register lacks it (names compared
    normalised): InvalidInput naming it otherwise (the facilitator declines the proposal instead)."""
    if normalised(name) in {normalised(n) for n in register}:
        raise InvalidInput("error.partner_known", field="name", name=name)


class Clash(StrEnum):
    """Why a partner proposal deserves a second look."""

    SAME_PARTNER = "same_partner"  # another team proposes the same partner
    SAME_CONTACT = "same_contact"  # another team names the same contact person
    IN_REGISTER = "in_register"  # the partner is already in the register


@dataclass(frozen=True)
class Proposed:
    """A partner proposal as the warnings see it."""

    id: int
    team: str
    name: str
    contact: str


@dataclass(frozen=True)
class ProposalWarning:
    clash: Clash
    teams: tuple[str, ...] = ()  # the other teams (same partner, same contact)


def warnings(proposals: Sequence[Proposed], register: Iterable[str]) -> dict[int, list[ProposalWarning]]:
    """Per proposal: the other teams naming the same partner or the same contact person, and whether the
    partner is in the register already. Names are compared normalised; a team repeating itself is no clash."""
    known = {normalised(name) for name in register}
    found: dict[int, list[ProposalWarning]] = {}
    for p in proposals:
        listed: list[ProposalWarning] = []
        for clash, key in ((Clash.SAME_PARTNER, "name"), (Clash.SAME_CONTACT, "contact")):
            mine = normalised(getattr(p, key))
            others = sorted(
                {o.team for o in proposals if o.team != p.team and mine and normalised(getattr(o, key)) == mine}
            )
            if others:
                listed.append(ProposalWarning(clash, tuple(others)))
        if normalised(p.name) in known:
            listed.append(ProposalWarning(Clash.IN_REGISTER))
        found[p.id] = listed
    return found
