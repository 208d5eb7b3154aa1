"""The one list of an offer's fields as spreadsheets, the register and the offers table name them: their
order, which hold lists, and their defaults (taken from the Offer model; a space's contribution is 0); and an
offer read from a register row, its primary space chosen where its top contributions tie."""

from __future__ import annotations

import copy
import functools
import math
from typing import Any, get_origin

from workshop.domain.errors import InvalidInput
from workshop.domain.messages import message
from workshop.domain.model import SPACE_KEYS, Offer
from workshop.domain.validation import validated

# In the order the import offers them and the register shows them.
FIELDS: tuple[str, ...] = (
    "name",
    "description",
    "owner_team",
    "target_groups",
    "status",
    "reach",
    "strength",
    *SPACE_KEYS,
    "primary_space",
    "partners",
    "tags",
)
LIST_FIELDS: tuple[str, ...] = tuple(
    f for f in FIELDS if f in Offer.model_fields and get_origin(Offer.model_fields[f].annotation) is list
)
# Columns an offer import reads besides the offer's own: the sector and stage of the partners it names
# (partners new to the register get them; without them a new partner's sector and stage are unknown).
PARTNER_FIELDS: tuple[str, ...] = ("partner_sector", "partner_stage")
IMPORT_FIELDS: tuple[str, ...] = (*FIELDS, *PARTNER_FIELDS)
# The fields a register row carries besides the name and the spaces (the spaces sit in columns of their own).
DETAIL_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS if f not in ("name", "primary_space", *SPACE_KEYS))


def default(field: str) -> object:
    """What an offer holds in `field` when a sheet or a form leaves it out (a fresh list for a list field)."""
    return copy.copy(_model_default(field))


@functools.cache
def _model_default(field: str) -> object:
    """The model's default, asked once per field: pydantic's get_default inspects the default factory's
    signature on every call (0.4 ms), and an import asks once per row (50,000 rows: 20 s)."""
    if field in SPACE_KEYS:
        return 0
    if field in PARTNER_FIELDS:
        return []
    return Offer.model_fields[field].get_default(call_default_factory=True)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def offer_from_fields(fields: dict[str, Any]) -> Offer:
    """An offer from a register row; InvalidInput names the offer and every bad field."""
    label = str(fields.get("name") or "").strip() or "(no name)"
    data: dict[str, Any] = {
        "name": "" if _blank(fields.get("name")) else str(fields["name"]),
        "spaces": {k: 0 if _blank(fields.get(k)) else fields[k] for k in SPACE_KEYS},
        "primary_space": None if _blank(fields.get("primary")) else fields.get("primary"),
    }
    for key in DETAIL_FIELDS:
        if not _blank(fields.get(key)):
            value = fields[key]
            data[key] = list(value) if key in LIST_FIELDS else value
    offer = validated(Offer, data, message("subject.offer", name=label), offer=label)
    top = offer.primary_spaces()
    if offer.primary() is None:
        raise InvalidInput(
            "error.primary_space_tie", field="primary_space", offer=label, spaces=top, value=offer.spaces[top[0]]
        )
    return offer.model_copy(update={"primary_space": offer.primary() if len(top) > 1 else None})
