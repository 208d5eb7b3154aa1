"""Key terms: the words teams used most, per main point, without the stop words of the language.

Stop-word lists ship in data/stopwords/<lang>.txt (en, da, nb, nl): one word a line, # for comments."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

import pandas as pd

from workshop.config.loading import DATA_DIR
from workshop.domain.errors import NotFound
from workshop.domain.model import LANGUAGES, MainPoint

STOPWORDS_DIR = DATA_DIR / "stopwords"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_LENGTH = 3
TERM_COLUMNS = ["term", "answers", "count"]


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of a language (en, da, nb, nl)."""
    if lang not in LANGUAGES:
        raise NotFound(f"no stop-word list for {lang!r}; known: {', '.join(LANGUAGES)}")
    lines = (STOPWORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def words(text: str, stop: frozenset[str]) -> list[str]:
    """The meaningful words of a text, lower-cased, in order."""
    found = (w.casefold() for w in WORD.findall(text or ""))
    return [w for w in found if len(w) >= MIN_LENGTH and w not in stop]


def key_terms(texts: Iterable[str], stop: frozenset[str], top: int = 10) -> pd.DataFrame:
    """The terms used in the most answers (then most often, then alphabetically): term, answers, count."""
    in_answers: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        found = words(text, stop)
        total.update(found)
        in_answers.update(set(found))
    ranked = sorted(total, key=lambda w: (-in_answers[w], -total[w], w))[:top]
    return pd.DataFrame([[w, in_answers[w], total[w]] for w in ranked], columns=TERM_COLUMNS)


def key_terms_by_main_point(
    answers: pd.DataFrame, points: Sequence[MainPoint], langs: Sequence[str], top: int = 8
) -> pd.DataFrame:
    """Per main point (in order): its key terms. Stop words of every language in `langs` are left out."""
    stop = frozenset().union(*(stopwords(lang) for lang in langs))
    frames = []
    for point in points:
        texts = answers.loc[answers["main_point_id"] == point.id, "text"] if not answers.empty else []
        terms = key_terms(texts, stop, top)
        terms.insert(0, "main_point", point.title)
        frames.append(terms)
    if not frames:
        return pd.DataFrame(columns=["main_point", *TERM_COLUMNS])
    return pd.concat(frames, ignore_index=True)
