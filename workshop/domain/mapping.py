"""The teams' mapping of offers onto the four spaces: pure rules.

Which offers a team maps (scope):
  own    the offers whose owner team is the team's name (case and outer spaces ignored)
  share  every offer once, dealt out in turn: the offers by id, the teams by id, offer i to team i mod n
  all    every offer
Spread of an offer in a space = highest minus lowest contribution among the teams that mapped it (0-3);
an offer's spread is its widest space. The median of the teams' values; between two middle values it
rounds half up (1 and 2 give 2; 1 and 3 give 2), so it is always a whole number the register can hold.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop.domain.errors import InvalidInput, MappingClosed
from workshop.domain.model import MAX_LONG_TEXT, SPACE_KEYS, DayStatus
from workshop.domain.text_fields import MAX_NAME, text_problem

MAX_NOTE = 2000


class MappingScope(StrEnum):
    OWN = "own"
    SHARE = "share"
    ALL = "all"


@dataclass(frozen=True)
class Phase:
    """The workshop's mapping phase: planned with scope `own` until the facilitator sets it."""

    status: DayStatus = DayStatus.PLANNED
    scope: MappingScope = MappingScope.OWN

    @property
    def is_open(self) -> bool:
        return self.status == DayStatus.OPEN

    def changed(self, status: DayStatus | None = None, scope: MappingScope | None = None) -> Phase:
        """The phase with what the facilitator changes (None keeps it)."""
        return Phase(status or self.status, scope or self.scope)

    def require_open(self) -> None:
        """Teams change their mapping only while the phase is open: MappingClosed otherwise."""
        if not self.is_open:
            raise MappingClosed("error.mapping_closed")


@dataclass(frozen=True)
class OfferRef:
    """The little the rules need of an offer."""

    id: int
    name: str
    owner_team: str = ""


@dataclass(frozen=True)
class Contribution:
    """One team's mapping of one offer: four contributions (0-3), strength (1-5), groups, partners, note."""

    spaces: dict[str, int]
    strength: int
    target_groups: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    note: str = ""


def offers_for_team(
    scope: MappingScope, offers: Sequence[OfferRef], team_ids: Sequence[int], team_id: int, team_name: str
) -> list[OfferRef]:
    """The offers this team maps under the scope, in register order."""
    ordered = sorted(offers, key=lambda o: o.id)
    if scope == MappingScope.ALL:
        return ordered
    if scope == MappingScope.OWN:
        mine = team_name.strip().casefold()
        return [o for o in ordered if o.owner_team.strip().casefold() == mine]
    teams = sorted(team_ids)
    if team_id not in teams:
        return []
    turn = teams.index(team_id)
    return [o for i, o in enumerate(ordered) if i % len(teams) == turn]


def progress(assigned: Iterable[int], mapped: Iterable[int]) -> tuple[int, int]:
    """(mapped, total): how many of the assigned offers the team has mapped."""
    wanted = set(assigned)
    return len(wanted & set(mapped)), len(wanted)


def next_offer(queue: Sequence[int], mapped: Iterable[int], skipped: Iterable[int] = ()) -> int | None:
    """The next offer to map: the first not mapped and not skipped; then the skipped ones; None when done."""
    done, later = set(mapped), list(dict.fromkeys(skipped))
    for offer_id in queue:
        if offer_id not in done and offer_id not in later:
            return offer_id
    for offer_id in later:
        if offer_id in queue and offer_id not in done:
            return offer_id
    return None


def starting_point(saved: Contribution | None, register: Contribution, prefill: bool) -> Contribution | None:
    """Where a team's mapping of an offer starts: its own mapping (or draft) once it has one; else, as Roskilde's
    staff mapped by their own judgement, blank (None: nothing chosen) — the register's values only when the
    workshop is set to pre-fill."""
    if saved is not None:
        return saved
    return register if prefill else None


def register_shown(saved: bool, prefill: bool) -> bool:
    """Whether a team sees the register's values beside its mapping: once it has saved its own, or all along
    when the workshop pre-fills (they are then the starting values)."""
    return saved or prefill


def check_proposed(name: str, description: str) -> str:
    """A team's proposed offer: a name of 1-200 characters and a description of at most 5000 (as an
    offer's); returns the name stripped."""
    name = name.strip()
    if not name or text_problem(name, MAX_NAME):
        raise InvalidInput("error.proposed_name", field="name", limit=MAX_NAME)
    if problem := text_problem(description, MAX_LONG_TEXT):
        raise InvalidInput("error.field_problem", field="description", problem=problem)
    return name


def _among(name: str, names: Iterable[str]) -> bool:
    return name.casefold() in {n.casefold() for n in names}


def check_not_in_register(name: str, register: Iterable[str]) -> None:
    """A team proposes only an offer the register lacks (its name compared without case): InvalidInput naming
    it otherwise (the team maps the offer that is there instead)."""
    if _among(name, register):
        raise InvalidInput("error.offer_in_register", field="name", name=name)


def check_name_free(name: str, register: Iterable[str]) -> None:
    """A proposed offer is taken into the register only under a name no offer there has (case ignored):
    InvalidInput naming it otherwise."""
    if _among(name, register):
        raise InvalidInput("error.offer_name_taken", field="name", offer=name)


def checked(entry: Contribution, complete: bool) -> Contribution:
    """The mapping cleaned, or InvalidInput naming the field; a complete one must touch a space."""
    unknown = sorted(set(entry.spaces) - set(SPACE_KEYS))
    if unknown:
        raise InvalidInput("error.unknown_space", field="spaces", space=unknown[0])
    values = {key: int(entry.spaces.get(key, 0)) for key in SPACE_KEYS}
    if bad := [k for k, v in values.items() if not 0 <= v <= 3]:
        raise InvalidInput("error.contribution_range", field=bad[0])
    if not 1 <= int(entry.strength) <= 5:
        raise InvalidInput("error.strength_range", field="strength")
    if len(entry.note) > MAX_NOTE:
        raise InvalidInput("error.note_too_long", field="note", limit=MAX_NOTE)
    if complete and not any(values.values()):
        raise InvalidInput("error.no_space", field="spaces")
    groups = list(dict.fromkeys(g.strip() for g in entry.target_groups if g.strip()))
    partners = list(dict.fromkeys(p.strip() for p in entry.partners if p.strip()))
    return Contribution(values, int(entry.strength), groups, partners, entry.note.strip())


def median(values: Sequence[int]) -> int:
    """The median as a whole number, halves rounded up; InvalidInput when there is nothing to take it of."""
    if not values:
        raise InvalidInput("error.not_mapped", field="mappings")
    return math.floor(statistics.median(values) + 0.5)


def spread(values: Sequence[int]) -> int:
    """Highest minus lowest (0 for one value or none)."""
    return max(values) - min(values) if values else 0


@dataclass(frozen=True)
class OfferSpread:
    """How the teams mapped one offer: per space the spread and the median, and the widest spread."""

    offer_id: int
    teams: int
    by_space: dict[str, int]
    medians: dict[str, int]
    strength_spread: int
    strength_median: int

    @property
    def widest(self) -> int:
        return max(self.by_space.values())

    @property
    def agreed(self) -> bool:
        """Every team gave the same contributions and the same strength: nothing to decide."""
        return self.widest == 0 and self.strength_spread == 0


def offer_spread(offer_id: int, entries: Sequence[Contribution]) -> OfferSpread:
    """The spread and medians of the teams' mappings of one offer (at least one mapping)."""
    per_space = {key: [e.spaces[key] for e in entries] for key in SPACE_KEYS}
    strengths = [e.strength for e in entries]
    return OfferSpread(
        offer_id,
        len(entries),
        {key: spread(v) for key, v in per_space.items()},
        {key: median(v) for key, v in per_space.items()},
        spread(strengths),
        median(strengths),
    )


def widest_first(spreads: Iterable[OfferSpread]) -> list[OfferSpread]:
    """Offers by their widest spread, then the spread of strength, then more teams, then id."""
    return sorted(spreads, key=lambda s: (-s.widest, -s.strength_spread, -s.teams, s.offer_id))


def primary_on_tie(values: dict[str, int], earlier: str | None, entries: Sequence[Contribution]) -> str | None:
    """The primary space to keep when the accepted contributions tie at the top (None when they do not):
    the register's earlier choice if it is still among the tied, else the tied space the teams gave most."""
    top = max(values.values())
    tied = [k for k in SPACE_KEYS if values[k] == top]
    if len(tied) < 2:
        return None
    if earlier in tied:
        return earlier
    return max(tied, key=lambda k: (sum(e.spaces.get(k, 0) for e in entries), -SPACE_KEYS.index(k)))


def union(lists: Iterable[Iterable[str]]) -> list[str]:
    """Every item once, in the order first seen (the teams' target groups or partners together)."""
    return list(dict.fromkeys(item for items in lists for item in items))
