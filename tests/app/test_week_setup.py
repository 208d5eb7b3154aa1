"""The facilitator sets up the week on the page: edits persist, deletions ask first, days open and close."""

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import current_wid, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, QuestionKind, Role
from workshop.services.week.days import list_days, list_main_points, list_questions
from workshop.services.week.planning import answer_count
from workshop.services.workshops.lifecycle import get_workshop


def setup_page() -> AppTest:
    return sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()


def submit(at: AppTest, label: str, form: str) -> AppTest:
    button = next(b for b in at.button if b.label == label and b.form_id.endswith(form))  # type: ignore[attr-defined]
    return button.click().run()


def test_an_edited_main_point_is_saved_and_confirmed(db: Engine) -> None:
    at = setup_page()
    first = list_main_points(db, current_wid(db))[0]
    at.text_input(key=f"point-{first.id}-title").input("Our musical library")
    at.multiselect(key=f"point-{first.id}-spaces").set_value(["inspiration", "performative"])
    at = submit(at, "Save the changes", f"point-{first.id}")
    assert errors_of(at) == [] and [s.value for s in at.success] == ["Saved."]
    saved = list_main_points(db, current_wid(db))[0]
    assert (saved.title, saved.spaces) == ("Our musical library", ["inspiration", "performative"])
    assert "Our musical library" in [x.value for x in at.text]


def test_a_new_day_and_a_choice_question_are_added(db: Engine) -> None:
    at = setup_page()
    at.text_input(key="day-new-title").input("Friday: priorities")
    at = submit(at, "Add the day", "day-new")
    friday = list_days(db, current_wid(db))[-1]
    assert (friday.title, friday.status) == ("Friday: priorities", DayStatus.PLANNED)
    at.text_area(key=f"question-new-{friday.id}-text").input("What first?")
    at.selectbox(key=f"question-new-{friday.id}-kind").set_value(QuestionKind.SINGLE)
    at.text_area(key=f"question-new-{friday.id}-options").input("Stage\nMakerspace\n")
    at = submit(at, "Add the question", f"question-new-{friday.id}")
    assert errors_of(at) == []
    added = list_questions(db, current_wid(db), friday.id)
    assert [(q.text, q.kind, q.options) for q in added] == [
        ("What first?", QuestionKind.SINGLE, ["Stage", "Makerspace"])
    ]


def test_a_choice_question_without_options_is_refused_with_a_message(db: Engine) -> None:
    at = setup_page()
    day = list_days(db, current_wid(db))[0]
    before = len(list_questions(db, current_wid(db), day.id))
    at.text_area(key=f"question-new-{day.id}-text").input("Pick one?")
    at.selectbox(key=f"question-new-{day.id}-kind").set_value(QuestionKind.MULTIPLE)
    at = submit(at, "Add the question", f"question-new-{day.id}")
    assert any("at least two different options" in e.value for e in at.error)
    assert len(list_questions(db, current_wid(db), day.id)) == before


def test_deleting_a_day_asks_first_and_names_the_answers_it_takes(db: Engine) -> None:
    at = setup_page()
    day = list_days(db, current_wid(db))[0]
    answers = answer_count(db, current_wid(db), day_id=day.id)
    at.button(key=f"delete-day-{day.id}").click().run()
    assert len(list_days(db, current_wid(db))) == 5
    assert any(f"deletes {answers} answers" in w.value for w in at.warning) and answers > 0
    at.button(key=f"delete-no-day-{day.id}").click().run()
    assert len(list_days(db, current_wid(db))) == 5
    at.button(key=f"delete-day-{day.id}").click().run()
    at.button(key=f"delete-yes-day-{day.id}").click().run()
    assert errors_of(at) == []
    assert [d.position for d in list_days(db, current_wid(db))] == [1, 2, 3, 4]
    assert day.id not in [d.id for d in list_days(db, current_wid(db))]


def test_questions_move_up_and_down(db: Engine) -> None:
    at = setup_page()
    day = list_days(db, current_wid(db))[0]
    first, second = list_questions(db, current_wid(db), day.id)[:2]
    at.button(key=f"down-question-{first.id}").click().run()
    assert [q.id for q in list_questions(db, current_wid(db), day.id)][:2] == [second.id, first.id]


def test_a_day_is_opened_closed_and_reopened(db: Engine) -> None:
    at = setup_page()
    planned = next(d for d in list_days(db, current_wid(db)) if d.status == DayStatus.PLANNED)
    steps = [
        ("Close this day", DayStatus.OPEN),
        ("Reopen this day", DayStatus.CLOSED),
        ("Close this day", DayStatus.OPEN),
    ]
    for label, status in steps:
        at.button(key=f"status-{planned.id}").click().run()
        assert next(b for b in at.button if b.key == f"status-{planned.id}").label == label
        assert next(d for d in list_days(db, current_wid(db)) if d.id == planned.id).status == status


def test_publishing_the_log_at_once_is_a_saved_setting(db: Engine) -> None:
    at = setup_page()
    assert not get_workshop(db, current_wid(db)).publish_log_immediately
    at.toggle(key="publish_log").set_value(True).run()
    assert get_workshop(db, current_wid(db)).publish_log_immediately
    assert errors_of(at) == []


def tab_in_use(at: AppTest) -> str:
    """The label of the tab the page shows as selected (the tab bar's index, as the browser is told)."""
    bar = next(node for node in at.main.children.values() if node.type == "tab_container")
    labels = [tab.label for tab in bar.children.values()]
    return labels[bar.proto.tab_container.default_tab_index]


def test_after_adding_a_question_the_days_tab_stays_the_one_in_use(db: Engine) -> None:
    at = setup_page()
    assert tab_in_use(at) == "Main points"
    at.session_state["setup-tab"] = "Days"  # the facilitator clicks the Days tab
    at.run()
    assert tab_in_use(at) == "Days"
    day = list_days(db, current_wid(db))[0]
    at.text_area(key=f"question-new-{day.id}-text").input("Which room do the teens use most?")
    at = submit(at, "Add the question", f"question-new-{day.id}")
    assert errors_of(at) == [] and [s.value for s in at.success] == ["Saved."]
    assert "Which room do the teens use most?" in [q.text for q in list_questions(db, current_wid(db), day.id)]
    assert tab_in_use(at) == "Days"
