"""User text made safe to show beside the app's own: the direction controls that would flip it removed."""

from __future__ import annotations

import re

# U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates): typed into a name they reverse
# the app's own words around it. Plain marks (U+200E/U+200F) only affect the text they sit in, and stay.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutral(text: object) -> str:
    """The text as a string without the direction controls that could flip the text around it."""
    return BIDI_CONTROLS.sub("", "" if text is None else str(text))
