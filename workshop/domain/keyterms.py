"""Key terms: the words teams used most, per main point, without the stop words of the language.

A word's forms (`lektiecafé`, `lektiecaféen`, `lektiecaféerne`) count as one term: the Snowball stemmer of
the workshop's language joins them, and the term is shown in the form teams wrote most.
Stop-word lists ship in data/stopwords/<lang>.txt (en, da, nb, nl): one word a line, # for comments."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

import pandas as pd
import snowballstemmer

from workshop.config.loading import DATA_DIR
from workshop.domain.errors import NotFound
from workshop.domain.model import LANGUAGES, MainPoint

STOPWORDS_DIR = DATA_DIR / "stopwords"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_LENGTH = 3
TERM_COLUMNS = ["term", "answers", "count"]
SNOWBALL_NAMES = {"en": "english", "da": "danish", "nb": "norwegian", "nl": "dutch"}


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of a language (en, da, nb, nl)."""
    if lang not in LANGUAGES:
        raise NotFound("error.unknown_language", language=lang, known=list(LANGUAGES))
    lines = (STOPWORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def term_languages(language: str) -> tuple[str, ...]:
    """The languages whose stop words key terms leave out: the workshop's first (its stemmer joins a word's
    forms), then English, which answers mix in."""
    return tuple(dict.fromkeys((language, "en")))


def words(text: str, stop: frozenset[str]) -> list[str]:
    """The meaningful words of a text, lower-cased, in order."""
    found = (w.casefold() for w in WORD.findall(text or ""))
    return [w for w in found if len(w) >= MIN_LENGTH and w not in stop]


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(SNOWBALL_NAMES[lang])


def stem(word: str, lang: str | None) -> str:
    """The stem that joins a word's forms in a language (the word itself without a known language)."""
    return _stemmer(lang).stemWord(word) if lang in SNOWBALL_NAMES else word


def key_terms(texts: Iterable[str], stop: frozenset[str], top: int = 10, lang: str | None = None) -> pd.DataFrame:
    """The terms used in the most answers (then most often, then alphabetically): term, answers, count.
    With a language, a word's forms are one term, named by the form written most (then alphabetically)."""
    in_answers: Counter[str] = Counter()
    total: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        found = words(text, stop)
        stems = [stem(w, lang) for w in found]
        for word, key in zip(found, stems, strict=True):
            forms.setdefault(key, Counter())[word] += 1
        total.update(stems)
        in_answers.update(set(stems))
    shown = {key: min(used, key=lambda w: (-used[w], w)) for key, used in forms.items()}
    ranked = sorted(total, key=lambda k: (-in_answers[k], -total[k], shown[k]))[:top]
    return pd.DataFrame([[shown[k], in_answers[k], total[k]] for k in ranked], columns=TERM_COLUMNS)


def key_terms_by_main_point(
    answers: pd.DataFrame, points: Sequence[MainPoint], langs: Sequence[str], top: int = 8
) -> pd.DataFrame:
    """Per main point (in order): its key terms. Stop words of every language in `langs` are left out; the
    first of `langs` is the workshop's language, whose stemmer joins a word's forms."""
    stop = frozenset().union(*(stopwords(lang) for lang in langs))
    frames = []
    for point in points:
        texts = answers.loc[answers["main_point_id"] == point.id, "text"] if not answers.empty else []
        terms = key_terms(texts, stop, top, langs[0] if langs else None)
        terms.insert(0, "main_point", point.title)
        frames.append(terms)
    if not frames:
        return pd.DataFrame(columns=["main_point", *TERM_COLUMNS])
    return pd.concat(frames, ignore_index=True)
