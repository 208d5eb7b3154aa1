"""What a team's menu holds: a few pages always, the others only while their phase of the week is on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TeamPhase(StrEnum):
    MAPPING = "mapping"  # the facilitator has opened the mapping of offers
    SCREENING = "screening"  # a proposal is open for screening
    VOTE = "vote"  # leadership has a dot vote open
    PUBLISHED = "published"  # leadership has published its decisions ("you said -> we decided")


@dataclass(frozen=True)
class Phases:
    """Which of the week's phases are on in a workshop now."""

    mapping_open: bool = False
    proposal_open: bool = False
    vote_open: bool = False
    published: bool = False

    def on(self) -> frozenset[TeamPhase]:
        flags = {
            TeamPhase.MAPPING: self.mapping_open,
            TeamPhase.SCREENING: self.proposal_open,
            TeamPhase.VOTE: self.vote_open,
            TeamPhase.PUBLISHED: self.published,
        }
        return frozenset(phase for phase, is_on in flags.items() if is_on)


# A team's pages (pages/<name>.py) that belong to a phase; any other page of the team is always shown.
# The register pages come with the mapping (a team maps against them); the partnership pages with
# screening (a proposal is judged against the partners and the assets the library has).
TEAM_PAGE_PHASE: dict[str, TeamPhase] = {
    "mapping": TeamPhase.MAPPING,
    "offers": TeamPhase.MAPPING,
    "offer_map": TeamPhase.MAPPING,
    "screening": TeamPhase.SCREENING,
    "partners": TeamPhase.SCREENING,
    "partner_proposals": TeamPhase.SCREENING,
    "assets": TeamPhase.SCREENING,
    "spend_dots": TeamPhase.VOTE,
    "decisions": TeamPhase.PUBLISHED,
}


def team_sees(page: str, phases: Phases) -> bool:
    """Whether a team's menu shows the page (its name without .py) while these phases are on."""
    phase = TEAM_PAGE_PHASE.get(page)
    return phase is None or phase in phases.on()
