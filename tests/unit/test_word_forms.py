"""A word's forms are one term in the workshop's language (Snowball stemmers), shown as the form used most."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop.config.stopwords import reading, stopwords
from workshop.domain import keyterms
from workshop.domain.keyterms import key_terms, key_terms_by_main_point, term_languages
from workshop.domain.model import MainPoint
from workshop.domain.suggestions import suggest_groups


@pytest.mark.parametrize(
    ("lang", "texts", "term", "answers", "count"),
    [
        (
            "da",
            [
                "Lektiecaféen er fuld",
                "Flere frivillige i lektiecaféen",
                "Lektiecaféerne mangler plads",
                "En lektiecafé",
            ],
            "lektiecaféen",
            4,
            4,
        ),
        (
            "nb",
            ["Møteplassen er for liten", "Flere møteplasser for unge", "Møteplassene i byen", "Møteplassen stenger"],
            "møteplassen",
            4,
            4,
        ),
        (
            "nl",
            ["Meer ontmoetingen tussen buren", "Een ontmoeting per week", "Ontmoetingen op zaterdag", "Ontmoetingen!"],
            "ontmoetingen",
            4,
            4,
        ),
    ],
)
def test_a_words_forms_count_as_one_term_named_by_the_form_used_most(
    lang: str, texts: list[str], term: str, answers: int, count: int
) -> None:
    found = key_terms(texts, stopwords(lang), lang=lang)
    assert found.iloc[0].tolist() == [term, answers, count]
    assert len([t for t in found["term"] if t.startswith(term[:6])]) == 1  # no second row for another form


def test_the_three_danish_forms_of_lektiecafe_are_one_term() -> None:
    texts = ["lektiecafé", "lektiecaféen", "lektiecaféerne og lektiecaféerne"]
    found = key_terms(texts, stopwords("da"), lang="da")
    assert found.values.tolist() == [["lektiecaféerne", 3, 4]]


def test_without_a_language_every_form_stays_its_own_term() -> None:
    found = key_terms(["lektiecafé", "lektiecaféen"], stopwords("da"))
    assert sorted(found["term"]) == ["lektiecafé", "lektiecaféen"]


def test_key_terms_per_main_point_join_forms_in_the_workshops_language() -> None:
    answers = pd.DataFrame(
        {"main_point_id": [1, 1, 1], "text": ["Biblioteket", "Bibliotekerne", "Biblioteket og haven"]}
    )
    terms = key_terms_by_main_point(
        answers, [MainPoint(id=1, workshop_id=1, title="Rum")], reading(term_languages("da"))
    )
    assert terms.values.tolist()[0] == ["Rum", "biblioteket", 3, 3]


def test_the_workshops_language_comes_first_then_english() -> None:
    assert term_languages("nb") == ("nb", "en")
    assert term_languages("en") == ("en",)


def test_suggested_groups_join_answers_that_use_different_forms_of_a_word() -> None:
    answers = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "text": [
                "Lektiecaféen mangler frivillige",
                "Flere frivillige til lektiecaféerne",
                "Lektiecaféen og de frivillige",
                "Længere åbningstider om søndagen",
            ],
        }
    )
    found = suggest_groups(answers, reading(term_languages("da")))
    assert [s.response_ids for s in found] == [(1, 2, 3)]
    assert "lektiecaféen" in found[0].title.split(" · ")
    assert "frivillige" in found[0].title.split(" · ")


def test_each_distinct_word_is_stemmed_once_however_often_teams_write_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Snowball stemmers are pure Python: stemming every occurrence made the HTML report take seconds."""
    stemmer = keyterms._stemmer("nl")
    stemmed: list[str] = []
    real = stemmer.stemWord

    def counted(word: str) -> str:
        stemmed.append(word)
        return real(word)

    monkeypatch.setattr(stemmer, "stemWord", counted)
    getattr(keyterms.stem, "cache_clear", lambda: None)()
    texts = ["De bibliotheek organiseert voorleesuurtjes", "Voorleesuurtjes in de bibliotheek"] * 500
    terms = key_terms(texts, stopwords("nl"), lang="nl")
    assert list(terms["answers"][:2]) == [1000, 1000]
    assert sorted(stemmed) == ["bibliotheek", "organiseert", "voorleesuurtjes"]
