"""Answers against the gaps, key terms with stop words, suggested groups, and two workshops compared."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import build_week
from workshop.config.stopwords import reading, stopwords
from workshop.domain.compare import compare_scores, notable_changes
from workshop.domain.errors import NotFound
from workshop.domain.gaps import against_gaps, attention, concerned_spaces
from workshop.domain.keyterms import key_terms_by_main_point, words
from workshop.domain.scoring import SCORE_COLUMNS
from workshop.domain.suggestions import suggest_groups
from workshop.services.loop.themes import list_themes
from workshop.services.week.material import week_material


def scores(weak: dict[str, bool], gap: dict[str, float]) -> pd.DataFrame:
    rows = [
        {
            "key": k,
            "coverage": 10.0,
            "share": 0.25 - gap[k],
            "target_share": 0.25,
            "gap": gap[k],
            "offers": 2,
            "mean_strength": 3.0,
            "weak": weak[k],
            "strong": False,
        }
        for k in ("inspiration", "learning", "meeting", "performative")
    ]
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def test_answers_concern_the_spaces_ticked_and_those_of_their_question_and_main_point(engine: Engine) -> None:
    built = build_week(engine)
    m = week_material(engine, built.workshop_id)
    concerned = concerned_spaces(m.answers, m.questions, m.points)
    by_answer = dict(zip(m.answers["id"], concerned, strict=True))
    a = built.answers
    assert by_answer[a[("Alpha", "q1")]] == ["meeting"]
    assert by_answer[a[("Beta", "q2")]] == ["inspiration", "meeting"]
    assert by_answer[a[("Alpha", "q3")]] == ["learning"]
    assert by_answer[a[("Gamma", "q4")]] == []
    frame = attention(m.answers, concerned)
    assert frame[["key", "answers", "teams"]].values.tolist() == [
        ["inspiration", 1, 1],
        ["learning", 2, 2],
        ["meeting", 5, 3],
        ["performative", 0, 0],
    ]
    assert frame["answer_share"].tolist() == [1 / 8, 2 / 8, 5 / 8, 0.0]


def test_a_weak_spot_nobody_talks_about_is_called_out_beside_one_staff_discuss(engine: Engine) -> None:
    built = build_week(engine)
    m = week_material(engine, built.workshop_id)
    frame = attention(m.answers, concerned_spaces(m.answers, m.questions, m.points))
    weak = {"inspiration": False, "learning": False, "meeting": True, "performative": True}
    gap = {"inspiration": -0.1, "learning": 0.0, "meeting": 0.06, "performative": 0.2}
    merged = against_gaps(frame, scores(weak, gap))
    assert merged["verdict"].tolist() == ["discussed", "discussed", "weak_discussed", "weak_silent"]
    assert merged["gap"].tolist() == [-0.1, 0.0, 0.06, 0.2]


def test_key_terms_per_main_point_leave_out_stop_words_and_rank_by_answers() -> None:
    answers = pd.DataFrame(
        {
            "main_point_id": [1, 1, 1, 2],
            "text": ["More sofas and more debates", "The debates are good, sofas too", "Debates!", "Og vi har møder"],
        }
    )
    from workshop.domain.model import MainPoint

    points = [MainPoint(id=1, workshop_id=1, title="Meeting"), MainPoint(id=2, workshop_id=1, title="Møder")]
    terms = key_terms_by_main_point(answers, points, reading(["en", "da"]))
    assert terms.values.tolist() == [
        ["Meeting", "debates", 3, 3],
        ["Meeting", "sofas", 2, 2],
        ["Meeting", "good", 1, 1],
        ["Møder", "møder", 1, 1],
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We should have more quiet places", ["quiet", "places"]),
        ("da", "Vi skal have flere stille rum i biblioteket", ["flere", "stille", "rum", "biblioteket"]),
        ("nb", "Vi må ha flere stille rom på biblioteket", ["flere", "stille", "rom", "biblioteket"]),
        ("nl", "Wij moeten meer stille plekken in de bibliotheek hebben", ["stille", "plekken", "bibliotheek"]),
    ],
)
def test_each_shipped_stop_word_list_removes_its_languages_filler_words(lang: str, text: str, expected: list) -> None:
    assert words(text, stopwords(lang)) == expected


def test_a_language_without_a_list_is_a_clear_error() -> None:
    with pytest.raises(NotFound, match="not 'fr'"):
        stopwords("fr")


def test_suggested_groups_join_similar_answers_and_leave_the_odd_one_out(sqlite_engine: Engine) -> None:
    answers = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6, 7],
            "text": [
                "The homework café needs more volunteers",
                "More volunteers for the homework café",
                "Homework café volunteers are tired",
                "Open the makerspace with a 3D printer",
                "A 3D printer in the makerspace",
                "Longer opening hours on Sunday",
                "",
            ],
        }
    )
    found = suggest_groups(answers, reading(["en"]))
    assert [s.response_ids for s in found] == [(1, 2, 3), (4, 5)]
    assert "homework" in found[0].title and "makerspace" in found[1].title


def test_suggesting_groups_stores_no_theme(sqlite_engine: Engine) -> None:
    built = build_week(sqlite_engine)
    m = week_material(sqlite_engine, built.workshop_id)
    suggest_groups(m.answers, reading(["en"]), similarity=0.0)
    assert list_themes(sqlite_engine, built.workshop_id) == []


def test_two_workshops_compared_show_what_became_stayed_and_stopped_being_weak() -> None:
    keys = ("inspiration", "learning", "meeting", "performative")
    before = scores(dict(zip(keys, [True, True, False, False], strict=True)), dict.fromkeys(keys, 0.1))
    after = scores(dict(zip(keys, [True, False, True, False], strict=True)), dict.fromkeys(keys, 0.04))
    compared = compare_scores(before, after)
    assert compared["key"].tolist() == list(keys)
    assert compared["change"].tolist() == ["still_weak", "no_longer_weak", "newly_weak", "not_weak"]
    assert compared["gap_change"].round(2).tolist() == [-0.06] * 4
    # The page names every key whose weakness changed or stayed, in order; one weak in neither is left out.
    assert notable_changes(compared) == [
        ("inspiration", "still_weak"),
        ("learning", "no_longer_weak"),
        ("meeting", "newly_weak"),
    ]
