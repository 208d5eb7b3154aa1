"""Key terms and suggested theme titles never show people's names or places (issue 26.5): a word written
with a capital where no sentence starts is a name; the facilitator's own words are left out too."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop.config.stopwords import reading
from workshop.domain.errors import InvalidInput
from workshop.domain.keyterms import (
    MAX_LEAVE_OUT,
    key_terms_by_main_point,
    leave_out_words,
    proper_names,
    term_languages,
)
from workshop.domain.model import MainPoint
from workshop.domain.suggestions import suggest_groups

# Answers as a Danish team writes them: staff by first name, a place, the words that matter.
DANISH = [
    "Spørg Jonas, han kender spillestedet. Anne laver koncerter med Jonas på Godset.",
    "Vi kan lave koncerter sammen med spillestedet, siger Anne og Jonas.",
    "Anne og Jonas kender spillestedet på Godset godt. Koncerter for unge!",
    "Koncerter i biblioteket: spørg Anne eller Jonas. De kender Godset.",
    "Jonas har talt med spillestedet om koncerter, og Anne skriver til Godset.",
    "Flere koncerter med spillestedet. Jonas og Anne hjælper.",
]
NAMES = {"anne", "jonas", "godset"}


def test_first_names_and_places_are_not_among_the_top_key_terms() -> None:
    answers = pd.DataFrame({"main_point_id": [1] * len(DANISH), "text": DANISH})
    terms = key_terms_by_main_point(
        answers, [MainPoint(id=1, workshop_id=1, title="Musik")], reading(term_languages("da"))
    )
    assert not NAMES & set(terms["term"])
    assert terms["term"].tolist()[:2] == ["koncerter", "spillestedet"]


def test_a_suggested_theme_title_names_no_one() -> None:
    answers = pd.DataFrame({"id": range(1, len(DANISH) + 1), "text": DANISH})
    found = suggest_groups(answers, reading(term_languages("da")))
    assert found, "the answers are alike: one group at least"
    for suggestion in found:
        assert not NAMES & set(suggestion.title.split(" · ")), suggestion.title
    assert "koncerter" in found[0].title


@pytest.mark.parametrize(
    ("texts", "names"),
    [
        # A name seen only at a sentence's start tells nothing; the same word mid-sentence does.
        (["Jonas kender stedet."], set()),
        (["Jonas kender stedet.", "Vi spørger Jonas."], {"jonas"}),
        # Acronyms and a shouted sentence are not names.
        (["Vi bruger IT og PR i biblioteket", "VI VIL HAVE FLERE KONCERTER", "uden HTML-tags"], set()),
        # A name leading a compound or a possessive is a name.
        (["Vi kender Aarhus-modellen og Annes idé"], {"aarhus-modellen", "annes"}),
        # After a colon, a quote or a bullet a capital starts something; no name.
        (["Forslag: Koncerter hver uge", 'Hun sagde "Biblioteket er godt"', "Ideer\n• Lektiecafé"], set()),
        # A common noun capitalised once by mistake but written in lower case elsewhere stays a word.
        (["Vi vil have flere Koncerter", "koncerter er godt", "mange koncerter"], set()),
        # English, Norwegian and Dutch alike.
        (["We asked Anne about the Roskilde festival"], {"anne", "roskilde"}),
        (["Vi har snakket med Kari i Vestby om møteplassen"], {"kari", "vestby"}),
        (["We spraken met Pieter uit Gent over de bibliotheek"], {"pieter", "gent"}),
    ],
)
def test_a_name_is_a_word_capitalised_where_no_sentence_starts(texts: list[str], names: set[str]) -> None:
    assert proper_names(texts) == names


def test_the_facilitators_own_words_are_left_out_of_key_terms_and_theme_titles() -> None:
    texts = ["koncerter og spillestedet", "koncerter på spillestedet", "koncerter på spillestedet igen"]
    answers = pd.DataFrame({"id": [1, 2, 3], "main_point_id": [1, 1, 1], "text": texts})
    own = leave_out_words("Spillestedet\n")
    terms = key_terms_by_main_point(
        answers, [MainPoint(id=1, workshop_id=1, title="Musik")], reading(["da", "en"]), leave_out=own
    )
    assert terms["term"].tolist()[0] == "koncerter" and "spillestedet" not in set(terms["term"])
    titles = [s.title for s in suggest_groups(answers, reading(["da", "en"]), leave_out=own)]
    assert titles and all("spillestedet" not in title for title in titles)


def test_words_to_leave_out_are_read_from_lines_commas_or_semicolons_within_limits() -> None:
    assert leave_out_words("Anne, Jonas; anne\n\n  Godset  ") == ("anne", "jonas", "godset")
    assert leave_out_words("") == ()
    with pytest.raises(InvalidInput, match="At most"):
        leave_out_words("\n".join(f"ord{i}" for i in range(MAX_LEAVE_OUT + 1)))
    with pytest.raises(InvalidInput, match="characters long"):
        leave_out_words("x" * 41)
