"""The week's rules as the domain states them, without a database: what a team may answer, when a day, the
mapping, screening, a vote or reactions are open, and the limits on names, quotes, weights and dots. The
services call these rules; their own tests (test_answers.py, test_mapping.py, ...) check the rules hold
where the rows are written."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.domain.answering import (
    MAX_TEXT,
    Answer,
    check_answer,
    check_text_length,
    log_is_public,
    require_day_open,
    require_log_public,
)
from workshop.domain.errors import (
    CommentsClosed,
    DayClosed,
    InvalidInput,
    MappingClosed,
    ReactionsClosed,
    ScreeningClosed,
)
from workshop.domain.loop import check_theme_title, may_react, require_may_react
from workshop.domain.mapping import MappingScope, Phase
from workshop.domain.model import Day, DayStatus, QuestionKind, Theme, Workshop
from workshop.domain.network import check_after_latest
from workshop.domain.recap import MAX_QUOTES, check_quotes
from workshop.domain.scoring import whole_weights
from workshop.domain.screening import Proposal, Verdict, checked_verdict
from workshop.domain.text_fields import MAX_NAME
from workshop.domain.validation import check_name
from workshop.domain.voting import Vote, check_change

OPTIONS = ["a", "b", "c"]


@pytest.mark.parametrize(
    ("kind", "answer", "field"),
    [
        (QuestionKind.TEXT, Answer(1, "   \n "), "text"),
        (QuestionKind.TEXT, Answer(1, "x" * (MAX_TEXT + 1)), "text"),
        (QuestionKind.RATING, Answer(1, "a comment"), "rating"),
        (QuestionKind.RATING, Answer(1, rating=0), "rating"),
        (QuestionKind.SPACE_STRENGTH, Answer(1, rating=6), "rating"),
        (QuestionKind.MULTIPLE, Answer(1), "choices"),
        (QuestionKind.MULTIPLE, Answer(1, choices=["a", "z"]), "choices"),
        (QuestionKind.SINGLE, Answer(1, choices=["a", "b"]), "choices"),
        (QuestionKind.TEXT, Answer(1, "ok", spaces=["garden"]), "spaces"),
    ],
)
def test_a_wrong_answer_is_refused_naming_its_field(kind: QuestionKind, answer: Answer, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_answer(kind, OPTIONS, answer)
    assert refused.value.params["field"] == field


def test_an_answer_is_cleaned_to_what_its_kind_keeps() -> None:
    sent = Answer(7, "  why not  ", rating=4, choices=["b", "b", "a"], spaces=["learning", "learning"])
    assert check_answer(QuestionKind.MULTIPLE, OPTIONS, sent) == Answer(7, "why not", None, ["b", "a"], ["learning"])
    assert check_answer(QuestionKind.RATING, OPTIONS, sent) == Answer(7, "why not", 4, [], ["learning"])
    assert check_answer(QuestionKind.SINGLE, OPTIONS, Answer(7, choices=["c", "c"])).choices == ["c"]
    assert check_answer(QuestionKind.TEXT, [], Answer(7, "é" * MAX_TEXT)).text == "é" * MAX_TEXT


def test_a_draft_longer_than_an_answer_may_be_is_refused() -> None:
    assert check_text_length("x" * MAX_TEXT) == "x" * MAX_TEXT
    with pytest.raises(InvalidInput):
        check_text_length("x" * (MAX_TEXT + 1))


@pytest.mark.parametrize("status", [DayStatus.PLANNED, DayStatus.CLOSED, "planned", "closed"])
def test_a_team_answers_only_while_the_day_is_open(status: DayStatus | str) -> None:
    with pytest.raises(DayClosed):
        require_day_open(status)
    require_day_open(DayStatus.OPEN)
    require_day_open("open")


@pytest.mark.parametrize(
    ("status", "at_once", "public"),
    [
        (DayStatus.PLANNED, False, False),
        (DayStatus.OPEN, False, False),
        (DayStatus.CLOSED, False, True),
        (DayStatus.PLANNED, True, False),
        (DayStatus.OPEN, True, True),
        (DayStatus.CLOSED, True, True),
    ],
)
def test_the_log_and_its_comments_open_when_the_day_closes_or_at_once(
    status: DayStatus, at_once: bool, public: bool
) -> None:
    day = Day(id=3, workshop_id=1, position=2, title="Tuesday", status=status)
    workshop = Workshop(id=1, name="Week", publish_log_immediately=at_once)
    assert log_is_public(day, workshop) is public
    if public:
        require_log_public(day, workshop)
    else:
        with pytest.raises(CommentsClosed) as closed:
            require_log_public(day, workshop)
        assert closed.value.params == {"day": 2}


def test_teams_map_only_while_the_phase_is_open() -> None:
    planned = Phase()
    assert (planned.status, planned.scope) == (DayStatus.PLANNED, MappingScope.OWN)
    with pytest.raises(MappingClosed):
        planned.require_open()
    opened = planned.changed(status=DayStatus.OPEN)
    assert opened == Phase(DayStatus.OPEN, MappingScope.OWN)
    opened.require_open()
    shared = opened.changed(scope=MappingScope.SHARE)
    assert shared == Phase(DayStatus.OPEN, MappingScope.SHARE)
    with pytest.raises(MappingClosed):
        shared.changed(status=DayStatus.CLOSED).require_open()


def test_screening_and_votes_are_taken_only_while_open() -> None:
    Proposal(id=1, workshop_id=1, title="Book bus").require_open()
    with pytest.raises(ScreeningClosed) as closed:
        Proposal(id=1, workshop_id=1, title="Book bus", is_open=False).require_open()
    assert closed.value.params == {"title": "Book bus"}
    Vote(id=1, workshop_id=1, title="Next year").require_open()
    with pytest.raises(InvalidInput) as refused:
        Vote(id=1, workshop_id=1, title="Next year", is_open=False).require_open()
    assert refused.value.message == "error.vote_closed"


def test_teams_react_only_to_a_published_theme_kept_open() -> None:
    kept_open = Theme(id=1, workshop_id=1, title="Opening hours", reactions_open=True)
    assert may_react(True, kept_open)
    require_may_react(True, kept_open)
    for published, theme in [(False, kept_open), (True, Theme(id=1, workshop_id=1, title="Opening hours"))]:
        with pytest.raises(ReactionsClosed):
            require_may_react(published, theme)


@pytest.mark.parametrize("change", [0, 2, -2])
def test_a_team_spends_one_dot_at_a_time(change: int) -> None:
    assert check_change(1) == 1 and check_change(-1) == -1
    with pytest.raises(InvalidInput):
        check_change(change)


def test_names_and_titles_are_stripped_and_refused_blank_or_too_long() -> None:
    assert check_name("  Red  ", "team") == "Red"
    assert check_theme_title(" Hours ") == "Hours"
    for blank_or_long in ["   ", "x" * (MAX_NAME + 1), "bad\x00name"]:
        with pytest.raises(InvalidInput) as refused:
            check_name(blank_or_long, "team")
        assert refused.value.params["field"] == "name"
        with pytest.raises(InvalidInput):
            check_theme_title(blank_or_long)
    with pytest.raises(InvalidInput) as blank:
        check_name("", "workshop")
    assert blank.value.message == "error.workshop_name"


def test_the_facilitator_quotes_each_answer_once_and_at_most_three() -> None:
    assert check_quotes([5, 4, 5]) == [5, 4]
    assert check_quotes(range(MAX_QUOTES)) == list(range(MAX_QUOTES))
    with pytest.raises(InvalidInput) as refused:
        check_quotes(range(MAX_QUOTES + 1))
    assert refused.value.params["n"] == MAX_QUOTES + 1


def test_leaderships_weights_are_whole_numbers_from_0_to_5() -> None:
    assert whole_weights({"learning": 5, "meeting": 0.0})["learning"] == 5
    for bad in [{"learning": 2.5}, {"learning": 6}, {"garden": 1}]:
        with pytest.raises(InvalidInput):
            whole_weights(bad)


def test_leaderships_verdict_needs_one_of_the_three_and_a_reason() -> None:
    assert checked_verdict("conditions", "  If the room is free  ") == (Verdict.CONDITIONS, "If the room is free")
    for verdict, reason, field in [("maybe", "Fits", "verdict"), ("yes", "   ", "verdict_reason")]:
        with pytest.raises(InvalidInput) as refused:
            checked_verdict(verdict, reason)
        assert refused.value.params["field"] == field


def test_a_partners_new_stage_is_dated_on_or_after_its_latest_move() -> None:
    latest = dt.date(2026, 3, 1)
    check_after_latest(latest, latest, "Nordby Chess")
    check_after_latest(dt.date(2026, 1, 1), None, "Nordby Chess")  # no move recorded yet
    with pytest.raises(InvalidInput) as refused:
        check_after_latest(dt.date(2026, 2, 28), latest, "Nordby Chess")
    assert refused.value.params["field"] == "changed_on"
    assert refused.value.params["latest"] == "2026-03-01"
