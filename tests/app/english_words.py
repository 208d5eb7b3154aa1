"""Common English words that no Danish, Norwegian or Dutch text holds: a page in those languages that shows
one has English left on it (issue 27). Matched as whole words, without case."""

from __future__ import annotations

import re

# Words that are also words of the language are left out for it: Danish and Norwegian "problem", "team",
# "workshop", "den", "is" (ice) and "for"; Dutch "is", "was", "of" (or), "in" and "door".
COMMON = (
    "the",
    "and",
    "choose",
    "at least",
    "not",
    "nothing",
    "imported",
    "problems",
    "problem(s)",
    "saved",
    "option",
    "options",
    "team's",
    "please",
    "check",
    "with",
    "this",
    "which",
    "must",
    "cannot",
    "already",
    "empty",
    "unknown",
    "whole number",
    "number",
    "answer",
    "your",
    "you",
    "row",
    "column",
    "was",
    "of",
    "has",
    "been",
    "should",
    "between",
    "adults",
    "seniors",
    "young people",
    "children",
    "adopted",
    "adapted",
    "parked",
    "adopt",
    "adapt",
    "park",
    "open for",
    "deleted",
    "found",
)
ALSO_THEIRS = {"da": {"park"}, "nb": {"park"}, "nl": {"was", "of", "park"}}


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’]){'(?:' + alternatives + ')'}(?![\w'’…])", re.IGNORECASE)


PATTERNS = {lang: _pattern([w for w in COMMON if w not in ALSO_THEIRS[lang]]) for lang in ALSO_THEIRS}


def english_words(texts: list[str], lang: str) -> list[str]:
    """Each text that holds a common English word, with the words found."""
    found = []
    for text in texts:
        words = sorted({m.group(0).lower() for m in PATTERNS[lang].finditer(text)})
        if words:
            found.append(f"{words}: {text[:200]!r}")
    return found
