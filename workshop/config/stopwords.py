"""Stop words: data/stopwords/<lang>.txt (en, da, nb, nl), one word a line, # for comments. Read here, once a
language, and handed to the key-term rules (workshop.domain.keyterms) as plain words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from workshop.config.loading import DATA_DIR
from workshop.domain.errors import NotFound
from workshop.domain.keyterms import Reading
from workshop.domain.model import LANGUAGES

STOPWORDS_DIR = DATA_DIR / "stopwords"


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of a language (en, da, nb, nl)."""
    if lang not in LANGUAGES:
        raise NotFound("error.unknown_language", language=lang, known=list(LANGUAGES))
    lines = (STOPWORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def reading(langs: Sequence[str]) -> Reading:
    """How key terms read answers in these languages: the first one's stemmer joins a word's forms, the stop
    words of all of them are left out (keyterms.term_languages: the workshop's language, then English)."""
    return Reading(langs[0] if langs else None, frozenset().union(*(stopwords(lang) for lang in langs)))
