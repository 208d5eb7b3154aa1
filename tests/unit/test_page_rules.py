"""Rules that used to live in page scripts, now in the domain and the services, tested without a page."""

import pandas as pd
import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import build_week
from workshop.domain.answering import fitting_choices
from workshop.domain.consolidation import answer_text
from workshop.domain.errors import AccessDenied, InvalidInput
from workshop.domain.model import ActionStatus, Question, QuestionKind
from workshop.domain.space_detail import verdict, verdicts
from workshop.services.loop.actions import actions_frame, add_action
from workshop.services.register.comparison import comparable, compare_workshops, unlock


@pytest.mark.parametrize(
    ("kind", "held", "kept"),
    [
        (QuestionKind.SINGLE, "tea", "tea"),
        (QuestionKind.SINGLE, "gone", None),  # the facilitator removed the option
        (QuestionKind.SINGLE, ["tea"], None),  # the question was a multiple choice before
        (QuestionKind.SINGLE, None, None),
        (QuestionKind.MULTIPLE, ["tea", "gone", "cake"], ["tea", "cake"]),
        (QuestionKind.MULTIPLE, "tea", []),  # the question was a single choice before
        (QuestionKind.MULTIPLE, None, []),
    ],
)
def test_a_saved_choice_is_kept_only_while_the_question_still_offers_it(kind, held, kept):
    question = Question(id=1, workshop_id=1, day_id=1, text="Which?", kind=kind, options=["tea", "cake"])
    assert fitting_choices(question, held) == kept


@pytest.mark.parametrize(
    ("weak", "strong", "said"), [(True, False, "weak"), (False, True, "strong"), (True, True, "weak"), (0, 0, "")]
)
def test_a_weak_verdict_wins_over_a_strong_one(weak, strong, said):
    assert verdict(weak, strong) == said
    assert verdicts(pd.DataFrame({"weak": [weak], "strong": [strong]})) == [said]


def test_a_closed_days_answer_reads_as_one_line():
    assert answer_text(4, ["tea"], "more sofas") == "4 · tea · more sofas"
    assert answer_text(None, [], "just text") == "just text"


def test_an_action_from_form_fields_is_checked_and_stored_trimmed(engine: Engine) -> None:
    wid = build_week(engine).workshop_id
    fields = {
        "title": " Buy sofas ",
        "owner": " Ann ",
        "theme_id": None,
        "main_point_id": None,
        "space": "meeting",
        "due": None,
        "status": ActionStatus.PLANNED,
    }
    add_action(engine, wid, fields)
    stored = actions_frame(engine, wid).iloc[0]
    assert (stored["title"], stored["owner"], stored["space"]) == ("Buy sofas", "Ann", "meeting")
    with pytest.raises(InvalidInput) as caught:
        add_action(engine, wid, {**fields, "title": "  "})
    assert caught.value.params["field"] == "title"
    assert len(actions_frame(engine, wid)) == 1


def test_another_workshop_is_compared_only_with_its_leadership_code(engine: Engine) -> None:
    last_year = build_week(engine, "Last year").workshop_id
    this_year = build_week(engine, "This year").workshop_id
    assert comparable(engine, this_year) == {last_year: "Last year"}
    with pytest.raises(AccessDenied):
        unlock(engine, last_year, "facilitate-fx", session="test")  # the facilitator's code does not unlock it
    unlock(engine, last_year, "lead-fixture", session="test")
    compared = compare_workshops(engine, last_year, this_year)
    assert set(compared.spaces["key"]) == {"learning", "inspiration", "meeting", "performative"}
    assert {"gap_before", "gap_after", "change"} <= set(compared.aims.columns)
