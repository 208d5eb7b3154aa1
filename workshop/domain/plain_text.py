"""User text made safe to show beside the app's own: the direction controls that would flip it removed, and,
where the screen reads Markdown, the web and e-mail addresses that would become links broken."""

from __future__ import annotations

import html
import re

# U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates): typed into a name they reverse
# the app's own words around it. Plain marks (U+200E/U+200F) only affect the text they sit in, and stay.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Streamlit's Markdown (remark-gfm) makes a link of every "http://", "https://", "www." and "name@domain"
# it finds in the text once the Markdown escapes are undone, so escaping cannot stop it. GFM's autolinker
# needs those marks whole: "://" right after the scheme, "www" right before its dot, a letter or digit right
# after "@". A word joiner (U+2060: no width, no line break, nothing to see) inside each mark breaks the match
# while the reader sees the text as typed.
WORD_JOINER = "\u2060"
LINK_MARKS = re.compile(r"(?i)(:)(//)|(www)(\.)|(@)()")


def neutral(text: object) -> str:
    """The text as a string without the direction controls that could flip the text around it."""
    return BIDI_CONTROLS.sub("", "" if text is None else str(text))


def html_text(text: object) -> str:
    """neutral(text) as HTML text, quotes too (safe inside an attribute): every HTML output's one way to
    write user text (reports, the leaflet, chart labels, the live bars)."""
    return html.escape(neutral(text), quote=True)


def _joined(found: re.Match[str]) -> str:
    before, after = (part for part in found.groups() if part is not None)
    return before + WORD_JOINER + after


def unlinked(text: object) -> str:
    """neutral(text) with a word joiner inside every "://", "www." and "@": no autolinker finds an address
    in it. For places that read Markdown only (a text element, a table or a chart never makes links, and
    there an address should copy as typed)."""
    return LINK_MARKS.sub(_joined, neutral(text))
