"""Year over year: matching an earlier workshop's questions to this one's, the paired counts (worked out
by hand), the paired chart's labels, and the earlier actions split into done and not done."""

from __future__ import annotations

import pandas as pd

from workshop.charts.compare_charts import paired_chart
from workshop.domain.model import Action, ActionStatus, Question, QuestionKind
from workshop.domain.year_over_year import (
    candidates,
    done_or_not,
    match_questions,
    normalised,
    paired_choices,
    paired_ratings,
    unmatched,
)

K = QuestionKind


def q(qid: int, text: str, kind: QuestionKind = K.TEXT, options: list[str] | None = None) -> Question:
    return Question(id=qid, workshop_id=1, day_id=1, text=text, kind=kind, options=options or [])


BEFORE = [
    q(1, "How strong are we  in the COMMUNITY space?", K.SPACE_STRENGTH),
    q(2, "Which partners matter most?", K.MULTIPLE, ["School", "Museum"]),
    q(3, "What should we stop doing?"),
    q(4, "One word for the week", K.TEXT),
]
AFTER = [
    q(11, "how strong are we in the community space?", K.RATING),
    q(12, "Which partners matter most?", K.TEXT),  # same text, answered differently: no pair
    q(13, "What should we stop doing? ", K.TEXT),
    q(14, "Which new partners should we meet?", K.SINGLE, ["School", "Sports club"]),
]


def test_normalised_text_ignores_case_and_runs_of_whitespace() -> None:
    assert normalised("  How strong\n are WE ") == "how strong are we"


def test_questions_match_by_normalised_text_when_answered_alike() -> None:
    pairs = match_questions(BEFORE, AFTER)
    assert [(p.before.id, p.after.id, p.by_hand) for p in pairs] == [(1, 11, False), (3, 13, False)]
    assert [x.id for x in unmatched(BEFORE, pairs, "before")] == [2, 4]
    assert [x.id for x in unmatched(AFTER, pairs, "after")] == [12, 14]


def test_a_match_by_hand_pairs_two_questions_and_wins_over_a_text_match() -> None:
    pairs = match_questions(BEFORE, AFTER, {14: 2, 13: 4})
    assert [(p.before.id, p.after.id, p.by_hand) for p in pairs] == [(1, 11, False), (4, 13, True), (2, 14, True)]
    # question 3 lost its text match to the hand-made one and may be matched again
    assert [x.id for x in unmatched(BEFORE, pairs, "before")] == [3]


def test_a_match_by_hand_across_kinds_or_to_a_missing_question_is_ignored() -> None:
    pairs = match_questions(BEFORE, AFTER, {12: 1, 14: 99, 99: 2})
    assert [(p.before.id, p.after.id) for p in pairs] == [(1, 11), (3, 13)]
    assert all(not p.by_hand for p in pairs)


def test_one_earlier_question_pairs_with_one_question_only() -> None:
    before = [q(1, "Same"), q(2, "Same")]
    after = [q(11, "same"), q(12, "SAME"), q(13, "same")]
    assert [(p.before.id, p.after.id) for p in match_questions(before, after)] == [(1, 11), (2, 12)]
    assert [(p.before.id, p.after.id) for p in match_questions(before, after, {13: 1})] == [(2, 11), (1, 13)]


def test_only_questions_answered_alike_are_offered_for_a_match_by_hand() -> None:
    assert [x.id for x in candidates(BEFORE, AFTER[3])] == [2]  # a single choice: the multiple choice
    assert [x.id for x in candidates(BEFORE, AFTER[0])] == [1]  # a rating: the space strength


def test_paired_ratings_count_each_rating_then_and_now() -> None:
    # then: 1, 3, 3, 5 and one without a rating; now: 3, 4, 4, 4
    frame = paired_ratings([1, 3, 3, 5, float("nan")], [3.0, 4.0, 4.0, 4.0])
    assert frame.to_dict("list") == {
        "rating": [1, 2, 3, 4, 5],
        "before": [1, 0, 2, 0, 1],
        "after": [0, 0, 1, 3, 0],
    }


def test_paired_choices_count_each_option_in_this_workshops_order_then_the_earlier_ones() -> None:
    # then: [School, Museum], [School], "Museum" (a single choice); now: [School], [Sports club], [Old pick]
    frame = paired_choices(
        [["School", "Museum"], ["School"], "Museum", None],
        [["School"], ["Sports club"], ["Old pick"]],
        ["School", "Museum"],
        ["School", "Sports club"],
    )
    assert frame.to_dict("list") == {
        "option": ["School", "Sports club", "Museum", "Old pick"],
        "before": [2, 0, 2, 0],
        "after": [1, 1, 0, 1],
    }


def test_the_paired_chart_labels_every_category_and_every_bar() -> None:
    counts = pd.DataFrame({"option": ["School", "<b>Museum</b>"], "before": [2, 0], "after": [1, 3]})
    figure = paired_chart(counts, ("Last <i>year</i>", "This year"), "en", title="Which partners?")
    before, after = figure.data
    assert list(figure.layout.yaxis.ticktext) == ["School", "&lt;b&gt;Museum&lt;/b&gt;"]
    assert list(figure.layout.yaxis.tickvals) == [0, 1]
    assert (list(before.x), list(before.text)) == ([2, 0], ["2", "0"])
    assert (list(after.x), list(after.text)) == ([1, 3], ["1", "3"])
    assert before.name == "Last &lt;i&gt;year&lt;/i&gt;"


def test_the_earlier_actions_split_into_done_and_not_done_in_order() -> None:
    listed = [
        Action(id=1, title="Youth panel", owner="Ann", status=ActionStatus.DONE),
        Action(id=2, title="New signs", status=ActionStatus.IN_PROGRESS),
        Action(id=3, title="Maker space", owner="Bo", status=ActionStatus.PLANNED),
        Action(id=4, title="Homework café", owner="Cy", status=ActionStatus.DONE),
    ]
    done, not_done = done_or_not(listed)
    assert [a.title for a in done] == ["Youth panel", "Homework café"]
    assert [(a.title, a.status) for a in not_done] == [
        ("New signs", ActionStatus.IN_PROGRESS),
        ("Maker space", ActionStatus.PLANNED),
    ]
