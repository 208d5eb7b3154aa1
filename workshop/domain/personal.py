"""One person, as a request names them ("Lise Holm", "lise@nordby.dk"): where a text names them, and the text
with them replaced. Also what exports leave out of a contact person's field (e-mail addresses and phone numbers).

Matching ignores case and spacing as "who do we know?" does (workshop.domain.assets.normalised). A name is found
whole ("Lise  HOLM") and, in free text, by its first name alone ("Lise runs the job centre's workshops"): staff
and contacts are called by their first names in a workshop, and the key terms showed exactly such names. A
surname alone is not matched: it is rarely how people are named here, and it is often an ordinary word (Holm,
Berg). An e-mail address is found wherever it is written, in any case."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workshop.domain.assets import normalised
from workshop.domain.errors import InvalidInput
from workshop.domain.model import MAX_RETENTION_MONTHS

MIN_NAME = 2  # characters of a name a request may give, at least (a single letter would match everywhere)
MAX_NAME = 200
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number as people write one: an optional +, then at least 6 digits with spaces, dots, dashes or
# brackets between them ("+45 12 34 56 78", "(020) 123-4567", "12345678").
PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s.\-/()]*\d){5,}(?!\w)")
LABEL = r"(?:\b(?:tel|tlf|phone|telefon|telefoon|mobil|mobile|mob|gsm|e-?mail|mail)\b\.?:?\s*)?"
DETAIL = re.compile(LABEL + f"(?:{EMAIL.pattern}|{PHONE.pattern})", re.IGNORECASE | re.UNICODE)
EMPTY_BRACKETS = re.compile(r"\(\s*(?:[,;/|]\s*)*\)")
SEPARATOR_RUN = re.compile(r"\s*([,;/|])(?:\s*[,;/|])+")


def check_months(months: object) -> int:
    """How long a workshop keeps personal data after its last day (its retention period): whole months, 1 to
    120 (InvalidInput otherwise)."""
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_RETENTION_MONTHS:
        raise InvalidInput("error.privacy.retention", field="retention_months", most=MAX_RETENTION_MONTHS)
    return months


@dataclass(frozen=True)
class Person:
    """Who a request names: a name or an e-mail address, as given."""

    given: str

    @property
    def is_email(self) -> bool:
        return "@" in self.given

    @property
    def key(self) -> str:
        return normalised(self.given)

    def whole(self) -> re.Pattern[str]:
        """The full name (or address) as a whole word, in any case and spacing."""
        if self.is_email:
            return re.compile(rf"(?<![\w.+'-]){re.escape(self.key)}(?![\w-]|\.\w)", re.IGNORECASE)
        parts = [re.escape(p) for p in self.key.split(" ")]
        return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)

    def first_name(self) -> re.Pattern[str] | None:
        """The first name alone as a whole word, for a name of two parts or more (else None)."""
        parts = self.key.split(" ")
        if self.is_email or len(parts) < 2 or len(parts[0]) < MIN_NAME:
            return None
        return re.compile(rf"(?<!\w){re.escape(parts[0])}(?!\w)", re.IGNORECASE)

    def words(self) -> set[str]:
        """The name's words as key terms and the leave-out list hold them (lower case)."""
        return set() if self.is_email else set(self.key.split(" "))


def person(given: str) -> Person:
    """The person a request names; InvalidInput for an empty or too short or too long name."""
    key = normalised(given or "")
    if len(key) < MIN_NAME or len(key) > MAX_NAME:
        raise InvalidInput("error.privacy.name", field="name", least=MIN_NAME, most=MAX_NAME)
    return Person(key)


def names_whole(text: str, who: Person) -> bool:
    """Whether a field names the person in full (their name or e-mail address)."""
    return bool(text) and who.whole().search(text) is not None


def mentions(text: str, who: Person) -> list[str]:
    """How the text names the person: "full" for the whole name or address, "first name" for the first name
    alone (once each, in that order)."""
    if not text:
        return []
    found = ["full"] if who.whole().search(text) else []
    first = who.first_name()
    rest = who.whole().sub(" ", text)
    if first is not None and first.search(rest):
        found.append("first name")
    return found


def replaced(text: str, who: Person, marker: str) -> str:
    """The text with the person's full name, e-mail address and first name replaced by `marker` (the rest of
    the sentence kept: it is the team's contribution, only the name goes)."""
    if not text:
        return text
    out = who.whole().sub(marker, text)
    first = who.first_name()
    return first.sub(marker, out) if first is not None else out


def without_words(listed: str, who: Person) -> str:
    """A list of words one a line (the key terms' leave-out list) without the person's name words."""
    gone = who.words()
    return "\n".join(line for line in listed.splitlines() if normalised(line) not in gone)


def without_contact_details(contact: str) -> str:
    """A contact person's field with e-mail addresses and phone numbers (and their labels) taken out ("Lise Holm,
    lise@jc.dk, tel. +45 12 34 56 78" -> "Lise Holm"): what an export carries unless the owner asks for contact
    details. A field with neither is returned as it is."""
    if not contact or not DETAIL.search(contact):
        return contact
    left = EMPTY_BRACKETS.sub("", DETAIL.sub("", contact))
    left = SEPARATOR_RUN.sub(lambda run: f" {run[1]} " if run[1] in "/|" else f"{run[1]} ", left)
    return " ".join(left.split()).strip(" ,;|/-:.")
