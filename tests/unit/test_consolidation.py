"""The consolidation functions over the fixture week, against tables worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import CAFE_TEXT, FORMULA_TEXT, SCRIPT_TEXT, Week, build_week
from workshop.domain import consolidation as cons
from workshop.domain.gaps import concerned_spaces
from workshop.services.week.material import WeekMaterial, question_options, week_material

Q1, Q2, Q3, Q4 = "How strong is the meeting space?", "What should change?", "What holds us back?", "Anything else?"


@pytest.fixture
def week(engine: Engine) -> tuple[Week, WeekMaterial]:
    built = build_week(engine)
    return built, week_material(engine, built.workshop_id)


def test_answers_by_main_point_keep_every_answer_once_with_team_day_question_and_spaces(week) -> None:
    built, material = week
    groups = cons.by_main_point(material.answers, material.points)
    assert [(p.title if p else None, len(table)) for p, table in groups] == [
        ("Meeting place", 5),
        ("Digital", 2),
        (None, 1),
    ]
    meeting = groups[0][1]
    expected = pd.DataFrame(
        {
            "id": [
                built.answers[(t, q)]
                for t, q in [("Alpha", "q1"), ("Beta", "q1"), ("Gamma", "q1"), ("Alpha", "q2"), ("Beta", "q2")]
            ],
            "team": ["Alpha", "Beta", "Gamma", "Alpha", "Beta"],
            "day": [1, 1, 1, 1, 1],
            "question": [Q1, Q1, Q1, Q2, Q2],
            "answer": ["4", "2", "4", FORMULA_TEXT, CAFE_TEXT],
            "spaces": ["", "", "", "meeting", "meeting, inspiration"],
        }
    )
    pd.testing.assert_frame_equal(meeting, expected)
    assert groups[1][1]["answer"].tolist() == ["money · time", "money"]
    assert groups[2][1]["answer"].tolist() == [SCRIPT_TEXT]
    assert sorted(i for _, table in groups for i in table["id"]) == sorted(built.answers.values())


def test_side_by_side_puts_each_teams_answer_in_its_own_column(week) -> None:
    _, material = week
    wide = cons.side_by_side(material.answers)
    expected = pd.DataFrame(
        {
            "day": [1, 1, 2, 2],
            "question": [Q1, Q2, Q3, Q4],
            "Alpha": ["4", FORMULA_TEXT, "money · time", ""],
            "Beta": ["2", CAFE_TEXT, "money", ""],
            "Gamma": ["4", "", "", SCRIPT_TEXT],
        }
    )
    pd.testing.assert_frame_equal(wide, expected, check_dtype=False)


def test_rating_distribution_counts_each_rating_and_the_mean(week) -> None:
    built, material = week
    dist = cons.rating_distribution(material.answers)
    expected = pd.DataFrame(
        [[built.questions["q1"], Q1, 0, 1, 0, 2, 0, 3, 3.33]],
        columns=["question_id", "question", "1", "2", "3", "4", "5", "answers", "mean"],
    )
    pd.testing.assert_frame_equal(dist, expected)


def test_choice_tallies_rank_options_and_keep_the_ones_nobody_chose(week) -> None:
    built, material = week
    tallies = cons.choice_tallies(material.answers, question_options(material.questions))
    q3 = built.questions["q3"]
    expected = pd.DataFrame(
        [[q3, Q3, 1, "money", 2, 1.0], [q3, Q3, 2, "time", 1, 0.5], [q3, Q3, 3, "skills", 0, 0.0]],
        columns=["question_id", "question", "rank", "option", "count", "share"],
    )
    pd.testing.assert_frame_equal(tallies, expected)


def test_participation_shows_answered_draft_and_missing_per_team_and_question(week) -> None:
    _, material = week
    matrix = cons.participation(material.answers, material.drafts, material.teams, material.questions)
    expected = pd.DataFrame(
        [
            ["answered", "answered", "answered", "missing"],
            ["answered", "answered", "answered", "missing"],
            ["answered", "draft", "missing", "answered"],
        ],
        index=pd.Index(["Alpha", "Beta", "Gamma"], name="team"),
        columns=["D1.Q1", "D1.Q2", "D2.Q1", "D2.Q2"],
    )
    pd.testing.assert_frame_equal(matrix, expected)
    summary = cons.participation_summary(matrix)
    assert summary.loc["Gamma"].to_dict() == {"answered": 2, "draft": 1, "missing": 1}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            cons.Filters(),
            [
                ("Alpha", "q1"),
                ("Beta", "q1"),
                ("Gamma", "q1"),
                ("Alpha", "q2"),
                ("Beta", "q2"),
                ("Alpha", "q3"),
                ("Beta", "q3"),
                ("Gamma", "q4"),
            ],
        ),
        (cons.Filters(teams=("Alpha",)), [("Alpha", "q1"), ("Alpha", "q2"), ("Alpha", "q3")]),
        (cons.Filters(days=(2,)), [("Alpha", "q3"), ("Beta", "q3"), ("Gamma", "q4")]),
        (cons.Filters(spaces=("inspiration",)), [("Beta", "q2")]),
        (cons.Filters(spaces=("meeting",), teams=("Alpha",)), [("Alpha", "q2")]),
        (cons.Filters(main_point_ids=(None,)), [("Gamma", "q4")]),
    ],
)
def test_filters_narrow_by_team_day_space_and_main_point(week, filters, expected) -> None:
    built, material = week
    found = cons.filter_answers(material.answers, filters)["id"].tolist()
    assert found == [built.answers[k] for k in expected]


def test_a_space_filter_also_finds_answers_whose_question_or_main_point_concerns_it(week) -> None:
    built, material = week
    concerned = concerned_spaces(material.answers, material.questions, material.points)
    found = cons.filter_answers(material.answers, cons.Filters(spaces=("learning",)), concerned)
    assert found["id"].tolist() == [built.answers[("Alpha", "q3")], built.answers[("Beta", "q3")]]
    assert cons.filter_answers(material.answers, cons.Filters(spaces=("learning",))).empty


def test_a_main_point_filter_by_id_keeps_only_its_answers(week) -> None:
    built, material = week
    found = cons.filter_answers(material.answers, cons.Filters(main_point_ids=(built.points["mp2"],)))
    assert found["team"].tolist() == ["Alpha", "Beta"]


def test_unthemed_answers_are_all_those_in_no_theme(week) -> None:
    built, material = week
    themed = [built.answers[("Alpha", "q2")], built.answers[("Gamma", "q4")]]
    rest = cons.unthemed(material.answers, themed)
    assert len(rest) == 6
    assert set(rest["id"]).isdisjoint(themed)


def test_an_empty_week_gives_empty_tables_not_errors(engine: Engine) -> None:
    built = build_week(engine, "Other")
    material = week_material(engine, built.workshop_id)
    empty = material.answers.iloc[0:0]
    assert cons.by_main_point(empty, material.points)[0][1].empty
    assert cons.rating_distribution(empty).empty
    assert cons.choice_tallies(empty, {}).empty
    assert cons.side_by_side(empty).empty
    assert (cons.participation(empty, material.drafts.iloc[0:0], ["X"], material.questions) == "missing").all().all()


def test_the_lean_answers_read_holds_every_answer_as_the_full_answers_frame_does(engine: Engine) -> None:
    from workshop.services.week.days import answers_frame
    from workshop.services.week.material import CONSOLIDATION_COLUMNS, consolidation_answers

    built = build_week(engine)
    full = answers_frame(engine, built.workshop_id)[CONSOLIDATION_COLUMNS].reset_index(drop=True)
    lean = consolidation_answers(engine, built.workshop_id)
    pd.testing.assert_frame_equal(lean, full, check_dtype=False)
    one_question = int(full["question_id"].iloc[0])
    narrowed = consolidation_answers(engine, built.workshop_id, one_question, (int(full["id"].iloc[-1]),))
    expected = set(full.loc[full["question_id"] == one_question, "id"]) | {int(full["id"].iloc[-1])}
    assert set(narrowed["id"]) == expected


def test_participation_counts_only_questions_of_open_and_closed_days_in_the_page_and_the_report(
    engine: Engine,
) -> None:
    from workshop.services.week.planning import save_day, save_question
    from workshop.services.whole import overview
    from workshop.services.whole.reports import html_report

    built = build_week(engine)
    later = save_day(engine, built.workshop_id, "Friday, not yet held")
    save_question(engine, built.workshop_id, int(later.id or 0), "Still to come?")
    matrix, summary = overview.participation(engine, built.workshop_id, cons.Filters()).body
    assert list(matrix.columns) == ["D1.Q1", "D1.Q2", "D2.Q1", "D2.Q2"]
    assert summary.loc["Gamma"].to_dict() == {"answered": 2, "draft": 1, "missing": 1}
    report = html_report(engine, built.workshop_id)
    section = report.split("<h2>Participation</h2>")[1].split("</table>")[0]
    assert "<td>Gamma</td><td>2</td><td>1</td><td>1</td>" in section.replace("\n", "").replace(" ", "")


def test_participation_of_one_day_reads_only_that_days_answers_and_shows_only_that_days_questions(
    engine: Engine,
) -> None:
    """The morning view asks for one day's participation: the whole week read for it cost seconds at L."""
    from workshop.services.week.material import consolidation_answers
    from workshop.services.whole import overview

    built = build_week(engine)
    everything = consolidation_answers(engine, built.workshop_id)
    day_one = consolidation_answers(engine, built.workshop_id, days_at=(1,))
    assert set(day_one["id"]) == set(everything.loc[everything["day"] == 1, "id"]) and len(day_one) < len(everything)
    material = week_material(engine, built.workshop_id)
    for filters in (cons.Filters(days=(1,)), cons.Filters(days=(2,), teams=("Gamma",))):
        view = overview.participation(engine, built.workshop_id, filters)
        narrowed = cons.filter_answers(material.answers, filters)
        asked = material.questions[material.questions["day"].isin(filters.days)]
        matrix = cons.participation(narrowed, material.drafts, material.teams, asked)
        pd.testing.assert_frame_equal(view.body[0], matrix)
        # Only the chosen day's questions: the other days' answers were not read, and are not "missing"
        # (at L the morning view drew 200 teams x 511 questions for one day of 10).
        assert list(view.body[0].columns) == [
            c for c in ("D1.Q1", "D1.Q2", "D2.Q1", "D2.Q2") if int(c[1]) in filters.days
        ]
        assert view.head.total == len(material.answers) and view.head.shown == len(narrowed)
