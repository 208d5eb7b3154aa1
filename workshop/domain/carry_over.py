"""What a new workshop carries from an earlier one: the parts a facilitator may choose (the offers, partners,
target groups, main points, space weights, thresholds, proposals and the library's assets), what always goes
along (the library's name, contact and mapping setting), and the weights a workshop starts with. Teams, days,
questions, answers, themes and actions are never a part: they belong to the week that made them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workshop.domain.errors import InvalidInput
from workshop.domain.model import SPACE_KEYS
from workshop.domain.scoring import DEFAULT_WEIGHT

# What can be carried, in the order a facilitator reads them.
PARTS: tuple[str, ...] = (
    "offers",
    "partners",
    "target_groups",
    "main_points",
    "weights",
    "thresholds",
    "proposals",
    "assets",
)

# The same library next year: its name, contact details and mapping setting always go along (issue 26.7).
LIBRARY_FIELDS: tuple[str, ...] = ("library_name", "library_contact", "mapping_prefill")


def check_parts(parts: Iterable[str]) -> frozenset[str]:
    """The chosen parts ("target-groups" is "target_groups"; blanks are no part), or InvalidInput naming the
    first one that is not a part and the parts there are."""
    chosen = frozenset(p.strip().replace("-", "_") for p in parts if p.strip())
    unknown = sorted(chosen - set(PARTS))
    if unknown:
        raise InvalidInput("error.cannot_carry", field="parts", part=unknown[0], known=list(PARTS))
    return chosen


def parts_without(left_out: Iterable[str]) -> list[str]:
    """Every part but those left out (checked as check_parts does), in the order of PARTS."""
    out = check_parts(left_out)
    return [p for p in PARTS if p not in out]


def carried_weights(chosen: Iterable[str], earlier: Mapping[str, int]) -> dict[str, int]:
    """The new workshop's weight for every space: the earlier workshop's where its weights are carried, else the
    neutral default."""
    weights = {s: DEFAULT_WEIGHT for s in SPACE_KEYS}
    if "weights" in set(chosen):
        weights |= {s: int(w) for s, w in earlier.items() if s in weights}
    return weights
