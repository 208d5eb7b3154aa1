"""The name a handed-out file is saved under: the workshop's name and the day, in characters every file
system, mail program and intranet keeps (a-z, 0-9, '-' and '_'), e.g. strategy-week-2027_2026-12-06.html."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Letters that do not decompose into a base letter and a mark (æ, ø, ß ...), written the way Danish,
# Norwegian, Dutch and German spell them in plain ASCII.
SPELLED = str.maketrans({"æ": "ae", "ø": "oe", "ß": "ss", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})
MOST = 60  # characters of the workshop's name kept
NOT_SAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`text` as lower-case ASCII words joined by '-' ("" when nothing of it is left)."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(SPELLED))
    ascii_only = plain.encode("ascii", "ignore").decode("ascii")
    return NOT_SAFE.sub("-", ascii_only).strip("-")[:MOST].strip("-")


def file_name(workshop_name: str, workshop_id: int, day: dt.date, suffix: str) -> str:
    """The file name for a workshop's report or export made on `day`; a name with no letters left in ASCII
    (one written in another script, or only symbols) falls back to workshop-<id>."""
    return f"{slug(workshop_name) or f'workshop-{workshop_id}'}_{day.isoformat()}.{suffix}"
