"""Suggested groups of similar answers (TF-IDF cosine similarity), for leadership to accept, edit or
reject. Nothing here writes: a suggestion becomes a theme only through services.themes.create_theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from workshop.domain.keyterms import WORD, Reading, left_out, stem

DEFAULT_SIMILARITY = 0.2


@dataclass(frozen=True)
class Suggestion:
    """A proposed theme: a title made of the group's strongest terms and the answers in it."""

    title: str
    response_ids: tuple[int, ...]


class _Tokens:
    """Words without stop words, each as its stem (a word's forms are one term), remembering the forms seen."""

    def __init__(self, stop: frozenset[str], lang: str | None) -> None:
        self.stop, self.lang = stop, lang
        self.forms: dict[str, Counter[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = [w.casefold() for w in WORD.findall(text)]
        stems = []
        for word in found:
            if word in self.stop:
                continue
            key = stem(word, self.lang)
            self.forms.setdefault(key, Counter())[word] += 1
            stems.append(key)
        return stems

    def shown(self, key: str) -> str:
        """The form written most of a stem (then alphabetically)."""
        used = self.forms.get(key) or Counter({key: 1})
        return min(used, key=lambda w: (-used[w], w))


def suggest_groups(
    answers: pd.DataFrame,
    read: Reading,
    similarity: float = DEFAULT_SIMILARITY,
    leave_out: Iterable[str] = (),
) -> list[Suggestion]:
    """Groups of two or more written answers whose average pairwise cosine similarity is at least
    `similarity`, largest group first. Answers with no text, or only stop words, are never grouped.
    `read` names the stop words and the workshop's language, whose stemmer makes a word's forms one term. Names
    (keyterms.proper_names) and the words in `leave_out` neither group answers nor name a group."""
    written = answers[answers["text"].fillna("").str.strip() != ""] if not answers.empty else answers
    if len(written) < 2:
        return []
    stop = left_out(written["text"].tolist(), read.stop_words, leave_out)
    tokens = _Tokens(stop, read.language)
    vectorizer = TfidfVectorizer(tokenizer=tokens, token_pattern=None, lowercase=False)
    try:
        matrix = vectorizer.fit_transform(written["text"].tolist())
    except ValueError:  # every text was stop words only
        return []
    has_words = np.asarray(matrix.getnnz(axis=1)).ravel() > 0
    matrix, ids = matrix[has_words], written["id"].to_numpy()[has_words]
    if matrix.shape[0] < 2:
        return []
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1.0 - similarity
    )
    labels = clustering.fit_predict(matrix.toarray())
    terms = vectorizer.get_feature_names_out()
    found = []
    for label in sorted(set(labels)):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        weights = np.asarray(matrix[members].sum(axis=0)).ravel()
        best = [tokens.shown(terms[i]) for i in np.argsort(-weights, kind="stable")[:3] if weights[i] > 0]
        found.append(Suggestion(" · ".join(best), tuple(sorted(int(ids[i]) for i in members))))
    return sorted(found, key=lambda s: (-len(s.response_ids), s.response_ids))
