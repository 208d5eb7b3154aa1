"""Key terms: the words teams used most, per main point, without the stop words of the language.

A word's forms (`lektiecafé`, `lektiecaféen`, `lektiecaféerne`) count as one term: the Snowball stemmer of
the workshop's language joins them, and the term is shown in the form teams wrote most.
The stop words come with the Reading (data/stopwords/<lang>.txt, read by workshop.config.stopwords).
People's names and places are left out too (proper_names): English, Danish, Norwegian and Dutch write common
nouns in lower case, so a word written with a capital where no sentence starts is a name; a facilitator's
own words to leave out (leave_out_words) go with them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd
import snowballstemmer

from workshop.domain.errors import InvalidInput
from workshop.domain.model import MainPoint
from workshop.domain.text_fields import text_problem

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_LENGTH = 3
# What ends a sentence or opens a quote: the next word may carry a capital without being a name.
SENTENCE_BREAK = re.compile(r"[.!?…:;\n\r•\"“”„«»]")
MAX_LEAVE_OUT = 100  # words a workshop leaves out of its key terms, at most (stored one a line, within MAX_LONG_TEXT)
MAX_LEAVE_OUT_LENGTH = 40  # characters of one such word
PART_BREAK = re.compile(r"['’-]")  # between the parts of a compound or a possessive (WORD keeps them whole)
# What stands where personal data was erased ("[removed]", "[fjernet]": workshop.services.privacy.people): no key term.
ERASED_MARK = re.compile(r"\[[^\W\d_]+\]")
LEAVE_OUT_SPLIT = re.compile(r"[,;\n\r]+")
TERM_COLUMNS = ["term", "answers", "count"]
SNOWBALL_NAMES = {"en": "english", "da": "danish", "nb": "norwegian", "nl": "dutch"}


@dataclass(frozen=True)
class Reading:
    """How key terms read answers: `language` is the stemmer's (None: words as written), `stop_words` those
    of every language the answers are read in (workshop.config.stopwords.reading makes one)."""

    language: str | None
    stop_words: frozenset[str]


def term_languages(language: str) -> tuple[str, ...]:
    """The languages whose stop words key terms leave out: the workshop's first (its stemmer joins a word's
    forms), then English, which answers mix in."""
    return tuple(dict.fromkeys((language, "en")))


def words(text: str, stop: frozenset[str]) -> list[str]:
    """The meaningful words of a text, lower-cased, in order."""
    found = (w.casefold() for w in WORD.findall(ERASED_MARK.sub(" ", text or "")))
    return [w for w in found if len(w) >= MIN_LENGTH and w not in stop]


def proper_names(texts: Iterable[str]) -> frozenset[str]:
    """The words (lower-cased) the texts write as names: capitalised where no sentence starts more often than
    written in lower case anywhere. A word at a sentence's start, after a colon or a quote tells nothing;
    acronyms and words in capitals (IT, PR, a shouted sentence) are not names; a common noun capitalised
    once by mistake, but written in lower case as often elsewhere, stays a word."""
    named: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for sentence in SENTENCE_BREAK.split(text or ""):
            found = WORD.findall(sentence)
            if not found:
                continue
            lower.update([w for w in found if w.islower()])
            named.update([w.casefold() for w in found[1:] if w[0].isupper() and _titled(w)])
    return frozenset(word for word, count in named.items() if count > lower[word])


def _titled(word: str) -> bool:
    """Written as a name is: a capital, then lower case (`Anne`, `Aarhus-modellen`, `McDonald`); not an
    acronym, alone or leading a compound (`IT`, `HTML-tags`)."""
    head = PART_BREAK.split(word, maxsplit=1)[0]
    return head[0].isupper() and any(c.islower() for c in head[1:])


def leave_out_words(text: str) -> tuple[str, ...]:
    """The words a facilitator leaves out of key terms, from what was typed (one a line, or separated by
    `,` or `;`): lower-cased, without repeats, in order. Raises InvalidInput past the limits."""
    found = [w.strip().casefold() for w in LEAVE_OUT_SPLIT.split(text or "")]
    found = list(dict.fromkeys(w for w in found if w))
    if len(found) > MAX_LEAVE_OUT:
        raise InvalidInput("error.too_many_leave_out", limit=MAX_LEAVE_OUT, n=len(found), field="leave_out")
    for word in found:
        if problem := text_problem(word, MAX_LEAVE_OUT_LENGTH):
            raise InvalidInput(
                "error.leave_out_word", word=word[:MAX_LEAVE_OUT_LENGTH], problem=problem, field="leave_out"
            )
    return tuple(found)


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(SNOWBALL_NAMES[lang])


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str | None) -> str:
    """The stem that joins a word's forms in a language (the word itself without a known language). Kept per
    word: the Snowball stemmers are pure Python (~0.1 ms a word), and a week's answers repeat a few thousand
    words hundreds of thousands of times (the HTML report at M stemmed for seconds)."""
    return _stemmer(lang).stemWord(word) if lang in SNOWBALL_NAMES else word


def key_terms(texts: Iterable[str], stop: frozenset[str], top: int = 10, lang: str | None = None) -> pd.DataFrame:
    """The terms used in the most answers (then most often, then alphabetically): term, answers, count.
    With a language, a word's forms are one term, named by the form written most (then alphabetically)."""
    in_answers: Counter[str] = Counter()
    total: Counter[str] = Counter()
    written: Counter[tuple[str, str]] = Counter()  # (stem, form): counted in C, grouped per stem below
    for text in texts:
        found = words(text, stop)
        stems = [stem(w, lang) for w in found]
        written.update(zip(stems, found, strict=True))
        total.update(stems)
        in_answers.update(set(stems))
    forms: dict[str, dict[str, int]] = {}
    for (key, word), count in written.items():
        forms.setdefault(key, {})[word] = count
    shown = {key: min(used, key=lambda w: (-used[w], w)) for key, used in forms.items()}
    ranked = sorted(total, key=lambda k: (-in_answers[k], -total[k], shown[k]))[:top]
    return pd.DataFrame([[shown[k], in_answers[k], total[k]] for k in ranked], columns=TERM_COLUMNS)


def left_out(texts: Iterable[str], stop_words: frozenset[str], leave_out: Iterable[str] = ()) -> frozenset[str]:
    """Every word key terms leave out of these texts: the stop words, the names the texts write
    (proper_names) and the workshop's own words to leave out."""
    return frozenset().union(stop_words, proper_names(texts), leave_out)


def key_terms_by_main_point(
    answers: pd.DataFrame,
    points: Sequence[MainPoint],
    read: Reading,
    top: int = 8,
    leave_out: Iterable[str] = (),
) -> pd.DataFrame:
    """Per main point (in order): its key terms. The stop words `read` names, the names written in any
    answer and the words in `leave_out` are left out; `read`'s language stems a word's forms into one."""
    stop = left_out(answers["text"].fillna("") if not answers.empty else [], read.stop_words, leave_out)
    frames = []
    for point in points:
        texts = answers.loc[answers["main_point_id"] == point.id, "text"] if not answers.empty else []
        terms = key_terms(texts, stop, top, read.language)
        terms.insert(0, "main_point", point.title)
        frames.append(terms)
    if not frames:
        return pd.DataFrame(columns=["main_point", *TERM_COLUMNS])
    return pd.concat(frames, ignore_index=True)
