"""The wall's live results (issue 26.4): per question of the open day, the teams' choices and ratings counted
by hand, every option kept in its place with zeros, the key terms of written answers, counts only (no team's
name anywhere), and the bars that show them, each labelled with its option and its count."""

import json

import pytest
from sqlalchemy import Engine

from workshop.charts.live_chart import COUNT_ROOM_PX, live_bars
from workshop.config.stopwords import reading
from workshop.domain.keyterms import term_languages
from workshop.domain.live import CYCLE_SECONDS, IN_TURN, LiveAnswer, live_result, shown_index
from workshop.domain.model import DayStatus, Question, QuestionKind
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days
from workshop.services.week.morning import live_results
from workshop.services.workshops.lifecycle import list_teams

MEETING = [
    "Rooms, furniture and noise",
    "Opening hours and staffing",
    "Our programme of events",
    "Knowledge of the local community",
    "Partners to host activities with us",
]


def open_day_id(engine: Engine, demo_wid: int) -> int:
    return int(next(d for d in list_days(engine, demo_wid) if d.status == DayStatus.OPEN).id or 0)


def test_the_demo_open_day_counted_by_hand(engine: Engine, demo_wid: int) -> None:
    """Demo day 3: three teams answered. Single choice: one each for rooms, opening hours and partners;
    ratings 2, 3, 3; "talk" is the only word in two of the three written answers ("talk", "talks")."""
    text, single, rating = live_results(engine, demo_wid, open_day_id(engine, demo_wid))
    assert single.counts == tuple(zip(MEETING, [1, 1, 0, 0, 1], strict=True)) and single.answers == 3
    assert rating.counts == (("1", 0), ("2", 1), ("3", 2), ("4", 0), ("5", 0))
    assert text.terms[0] == ("talk", 2) and len(text.terms) == 6 and not text.counts


def test_a_new_answer_is_counted_and_no_team_is_named(engine: Engine, demo_wid: int) -> None:
    day = open_day_id(engine, demo_wid)
    _, single, _ = live_results(engine, demo_wid, day)
    team = join_team(engine, demo_wid, "WQ9ZD3", session="test")  # Digital services
    submit_answer(engine, team, Answer(int(single.question.id or 0), "", choices=["Our programme of events"]))
    results = live_results(engine, demo_wid, day)
    assert results[1].counts[2] == ("Our programme of events", 1) and results[1].answers == 4
    shown = repr([(r.counts, r.terms) for r in results]).casefold()
    for name in [t.name for t in list_teams(engine, demo_wid)]:
        assert name.casefold() not in shown


def question(kind: QuestionKind, options: list[str] | None = None) -> Question:
    return Question(id=7, workshop_id=1, day_id=1, kind=kind, text="Which?", options=options or [])


def test_every_option_keeps_its_place_and_a_removed_option_still_counts() -> None:
    asked = question(QuestionKind.MULTIPLE, ["children", "seniors", "families"])
    answers = [
        LiveAnswer(7, choices=("seniors", "seniors", "families")),  # a repeated pick counts once
        LiveAnswer(7, choices=("seniors", "businesses")),  # "businesses" was an option when this team chose
        LiveAnswer(8, choices=("children",)),  # another question
    ]
    result = live_result(asked, answers, reading(term_languages("en")))
    assert result.counts == (("children", 0), ("seniors", 2), ("families", 1), ("businesses", 1))
    assert result.answers == 2 and result.shows_bars


def test_a_rating_question_counts_each_value_from_one_to_five() -> None:
    answers = [LiveAnswer(7, rating=5), LiveAnswer(7, rating=5), LiveAnswer(7, text="no rating")]
    result = live_result(question(QuestionKind.SPACE_STRENGTH), answers, reading(term_languages("da")))
    assert result.counts == (("1", 0), ("2", 0), ("3", 0), ("4", 0), ("5", 2))


def test_a_text_question_shows_its_key_terms_in_the_workshops_language() -> None:
    answers = [
        LiveAnswer(7, text="Flere lektiecaféer og en lektiecafé om lørdagen"),
        LiveAnswer(7, text="Lektiecaféen er god, og vi har brug for mere plads"),
    ]
    result = live_result(question(QuestionKind.TEXT), answers, reading(term_languages("da")))
    assert result.terms[0] == ("lektiecafé", 2)  # three forms, one term and not result.shows_bars
    assert "og" not in dict(result.terms)  # a Danish stop word


def test_every_bar_carries_its_option_and_its_count_on_a_whole_number_axis() -> None:
    counts = [("Rooms, furniture and noise", 3), ("<b>Opening</b> hours", 0), ("Partners", 1)]
    spec = json.loads(live_bars(counts).to_json())
    bar = spec["data"][0]
    assert bar["text"] == ["3", "0", "1"] and list(bar["x"]) == [3, 0, 1]
    assert spec["layout"]["yaxis"]["ticktext"] == [
        "Rooms, furniture and noise",
        "&lt;b&gt;Opening&lt;/b&gt; hours",
        "Partners",
    ]
    ticks = spec["layout"]["xaxis"]["tickvals"]
    assert ticks == [0, 1, 2, 3] and spec["layout"]["xaxis"]["rangemode"] == "nonnegative"
    assert spec["layout"]["font"]["size"] >= 24  # readable from the back of the room


def test_the_live_chart_has_nothing_that_needs_more_width_than_its_column() -> None:
    """No axis title (centred under a plot area long labels push right, it ran past a tablet's screen), and
    room right of the bars for the largest count's digits."""
    small = json.loads(live_bars([("A long option " * 5, 3), ("B", 0)]).to_json())["layout"]
    assert "title" not in small["xaxis"] and small["margin"]["r"] == COUNT_ROOM_PX
    large = json.loads(live_bars([("A", 12345), ("B", 7)]).to_json())["layout"]
    assert large["margin"]["r"] >= 5 * 0.6 * 30  # five digits at the counts' 30 px


@pytest.mark.parametrize(
    ("choice", "count", "now", "shown"),
    [
        (2, 5, 0.0, 1),  # picked by the facilitator: stays, whatever the time
        (2, 5, 1e9 + 7, 1),
        (IN_TURN, 5, 0.0, 0),  # in turn: each question for CYCLE_SECONDS, then the next
        (IN_TURN, 5, CYCLE_SECONDS - 0.1, 0),
        (IN_TURN, 5, CYCLE_SECONDS, 1),
        (IN_TURN, 5, 5 * CYCLE_SECONDS, 0),  # after the last, the first again
        (None, 3, 4 * CYCLE_SECONDS, 1),  # nothing picked: in turn
        (7, 3, 2 * CYCLE_SECONDS, 2),  # a pick beyond a day that lost questions: in turn
        (0, 3, 0.0, 0),
        (IN_TURN, 0, 123.0, 0),
    ],
)
def test_the_question_on_the_wall_is_the_picked_one_or_each_in_turn(
    choice: object, count: int, now: float, shown: int
) -> None:
    assert shown_index(choice, count, now) == shown
