"""Spreadsheet cells into offers: numbers as Danish Excel writes them (`1.250` = 1250, `3,5` = 3.5),
lists split on `,` or `;` (partners' names only on `;` or a line break: "Skoleafdelingen, Vestby Kommune" is
one partner), the partners' sectors and stages, statuses and target groups in English, Danish, Norwegian
or Dutch; every bad cell becomes a problem naming its row (as the spreadsheet shows it), its column and what
is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from workshop.config.i18n import FALLBACK
from workshop.config.messages import render
from workshop.config.spaces import spaces
from workshop.domain.messages import Message, message
from workshop.domain.model import MAX_LONG_TEXT, MAX_REACH, SPACE_KEYS, Offer, OfferStatus
from workshop.domain.offer_fields import PARTNER_FIELDS
from workshop.domain.text_fields import MAX_NAME, MAX_SHORT_TEXT, text_problem
from workshop.files.exports import FORMULA_START
from workshop.files.offer_words import SECTORS, STAGES, STATUSES, TARGET_GROUPS, Vocabulary
from workshop.files.spreadsheet import Cell

Progress = Callable[[float], object]  # what it returns is ignored
Problem = tuple[int, str, Message]
TEXT_LIMITS = {
    "description": MAX_LONG_TEXT,
    "owner_team": MAX_SHORT_TEXT,
    "partners": MAX_SHORT_TEXT,
    "tags": MAX_SHORT_TEXT,
}
MAX_PROBLEMS = 1000  # a report longer than this helps nobody; the count says how many more
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3})+\.\d+")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")
_LIST_SPLIT = re.compile(r"[;,\n]")
_NAME_SPLIT = re.compile(r"[;\n]")  # a name may hold a comma; a list of names is split on ; or a line


class CellError(ValueError):
    """One bad cell; its message (a key and values) says what is wrong in words a person understands."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.text = Message(key, params)

    def __str__(self) -> str:
        return render(self.text, FALLBACK)  # English, for logs and tests


def text_of(cell: Cell) -> str:
    """A cell as text, with the ' that guards formulas in our own exports taken off again."""
    if cell is None:
        return ""
    if type(cell) is str and not cell.startswith(("'", " ")) and not cell.endswith(" "):
        return cell  # the common case, kept fast for big files
    if isinstance(cell, dt.datetime | dt.date | dt.time):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = str(cell).strip()
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def parse_number(cell: Cell) -> float:
    """A number from a cell: `1.250` is 1250, `3,5` is 3.5, `1.250,5` is 1250.5, `1,250.5` is 1250.5."""
    if isinstance(cell, bool | dt.datetime | dt.date | dt.time):
        raise CellError("problem.not_a_number", value=text_of(cell))
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
    if _THOUSANDS_DOT.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS_COMMA.fullmatch(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError("problem.not_a_number_quoted", value=str(cell).strip()) from None


def whole_number(cell: Cell, low: int, high: int | None, default: int) -> int:
    """A whole number within [low, high]; an empty cell gives the default."""
    if type(cell) is str and cell.isdigit():
        value = float(cell)  # the common case, kept fast for big files
    elif text_of(cell) == "":
        return default
    else:
        value = parse_number(cell)
    if not value.is_integer():
        raise CellError("problem.not_whole", value=text_of(cell))
    if value < low or (high is not None and value > high):
        if high is None:
            raise CellError("problem.not_at_least", value=text_of(cell), low=low)
        raise CellError("problem.not_between", value=text_of(cell), low=low, high=high)
    return int(value)


def split_list(cell: Cell) -> list[str]:
    """The items of a list cell, split on , ; or a line break; empty items dropped, order kept, no repeats."""
    items = [item.strip() for item in _LIST_SPLIT.split(text_of(cell))]
    return list(dict.fromkeys(item for item in items if item))


def split_names(cell: Cell) -> list[str]:
    """The names in a cell of partners, split on ; or a line break (never on a comma inside a name)."""
    items = [item.strip() for item in _NAME_SPLIT.split(text_of(cell))]
    return list(dict.fromkeys(item for item in items if item))


def _words_of(cell: Cell, words: Vocabulary) -> tuple[list[str], str | None]:
    """The words of a cell of partners found in `words`, and the first item that is not one (or None)."""
    found: list[str] = []
    for item in (item.strip() for item in _NAME_SPLIT.split(text_of(cell))):
        if not item:
            continue
        value = words.find(item)
        if value is None:
            return found, item[:40]
        found.append(str(value))
    return found, None


def partner_sectors(cell: Cell) -> list[str]:
    """The sectors of a row's partners: one for all, or one each in the order of the partners (split on ;)."""
    found, unknown = _words_of(cell, SECTORS)
    if unknown is not None:
        raise CellError("problem.not_a_sector", value=unknown)
    return found


def partner_stages(cell: Cell) -> list[str]:
    """The stages of a row's partners in the network circle: one for all, or one each (split on ;)."""
    found, unknown = _words_of(cell, STAGES)
    if unknown is not None:
        raise CellError("problem.not_a_stage", value=unknown)
    return found


def partner_mismatch(partners: list[str], values: list[str], field: str) -> Message | None:
    """What is wrong with a row's sectors or stages against its partners, or None: one value serves every
    partner, else there must be one per partner. `field` is partner_sector or partner_stage."""
    if len(values) <= 1 or len(values) == len(partners):
        return None
    return Message(
        "problem.partner_sectors" if field == "partner_sector" else "problem.partner_stages",
        {"n": len(values), "partners": len(partners)},
    )


def status_of(cell: Cell) -> OfferStatus:
    text = text_of(cell)
    if not text:
        return OfferStatus.ACTIVE
    found = STATUSES.find(text)
    if found is not None:
        return OfferStatus(found)
    raise CellError("problem.not_a_status", value=text)


def target_groups_of(cell: Cell, known: dict[str, str]) -> list[str]:
    """Target groups by their name in the workshop's list (any case), or a default one's name in any of the
    four languages."""
    found = []
    for item in split_list(cell):
        name = known.get(item.casefold()) or known.get(TARGET_GROUPS.find(item) or "")
        if name is None:
            raise CellError("problem.not_a_target_group", value=item, groups=list(known.values()))
        found.append(name)
    return list(dict.fromkeys(found))


def primary_space_of(cell: Cell) -> str | None:
    text = text_of(cell)
    if not text:
        return None
    key = spaces().key_for_name(text)
    if key is None:
        raise CellError("problem.not_a_space", value=text)
    return key


def readers(known_groups: dict[str, str]) -> dict[str, Callable[[Cell], object]]:
    return {
        "description": text_of,
        "owner_team": text_of,
        "target_groups": lambda c: target_groups_of(c, known_groups),
        "status": status_of,
        "reach": lambda c: whole_number(c, 0, MAX_REACH, 0),
        "strength": lambda c: whole_number(c, 1, 5, 3),
        "primary_space": primary_space_of,
        "partners": split_names,
        "tags": split_list,
        "partner_sector": partner_sectors,
        "partner_stage": partner_stages,
    }


def check_row(
    cells: dict[str, Cell], readers: dict[str, Callable[[Cell], object]], fail: Callable[[str, Message], None]
) -> Offer | None:
    """One row's offer, or None after reporting each bad cell through fail(field, problem)."""
    values: dict[str, object] = {"spaces": dict.fromkeys(SPACE_KEYS, 0)}
    name = text_of(cells.get("name"))
    if not name:
        fail("name", message("problem.no_name"))
    elif problem := text_problem(name, MAX_NAME):
        fail("name", message("problem.field", field="name", problem=problem))
    for field, cell in cells.items():
        try:
            if field in SPACE_KEYS:
                values["spaces"][field] = whole_number(cell, 0, 3, 0)  # type: ignore[index]
            elif field in readers:
                values[field] = readers[field](cell)
        except CellError as exc:
            fail(field, exc.text)
            values["bad"] = True
    for field, limit in TEXT_LIMITS.items():
        value = values.get(field, "")
        for text in value if isinstance(value, list) else [value]:
            if problem := text_problem(str(text), limit):
                fail(
                    field,
                    message("problem.item", value=repr(str(text)[:40])[1:-1], problem=problem)
                    if isinstance(value, list)
                    else message("problem.field", field=field, problem=problem),
                )
                values["bad"] = True
                break
    for field in PARTNER_FIELDS:
        given = values.pop(field, [])
        if problem := partner_mismatch(values.get("partners", []), given, field):  # type: ignore[arg-type]
            fail(field, problem)
            values["bad"] = True
    if not name or values.pop("bad", False):
        return None
    if not any(values["spaces"].values()):  # type: ignore[attr-defined]
        fail("spaces", message("problem.offer_no_space"))
        return None
    # Every field is checked above as strictly as Offer's validators would: no need to validate again.
    offer = Offer.model_construct(**{**values, "name": name})  # type: ignore[arg-type]
    if offer.primary_space is not None and offer.primary_space not in offer.primary_spaces():
        fail("primary_space", message("problem.primary_not_highest", space=str(offer.primary_space)))
        return None
    return offer
