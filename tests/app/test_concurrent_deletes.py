"""A facilitator deletes what another session has open: that session gets a message, never a traceback."""

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import current_wid, errors_of, fresh_app, sign_in
from workshop.domain.model import Action, ActionStatus, Role
from workshop.services.loop.actions import add_action
from workshop.services.week.days import list_days, list_main_points, list_questions
from workshop.services.week.planning import delete_day, delete_main_point, delete_question
from workshop.services.workshops.lifecycle import delete_workshop
from workshop.store import write
from workshop.store.tables import actions

GONE = "Someone deleted this item in another session meanwhile, so your change was not saved."


def setup_page() -> AppTest:
    return sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()


def button(at: AppTest, key: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.key == key)


def warned(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_saving_a_main_point_someone_deleted_meanwhile_says_so(db: Engine) -> None:
    at = setup_page()
    point = list_main_points(db, current_wid(db))[0]
    at.text_input(key=f"point-{point.id}-title").input("Our musical library")
    delete_main_point(db, current_wid(db), int(point.id or 0))  # another facilitator, another session
    at = button(at, f"point-{point.id}-save").click().run()
    assert errors_of(at) == [] and any(w.startswith(GONE) for w in warned(at))
    assert "Our musical library" not in [p.title for p in list_main_points(db, current_wid(db))]


@pytest.mark.parametrize(
    ("click", "delete"),
    [
        (lambda q: f"question-{q.id}-save", lambda db, w, q: delete_question(db, w, int(q.id))),
        (lambda q: f"up-question-{q.id}", lambda db, w, q: delete_question(db, w, int(q.id))),
        (lambda q: f"status-{q.day_id}", lambda db, w, q: delete_day(db, w, int(q.day_id))),
    ],
    ids=["save-question", "move-question", "open-or-close-day"],
)
def test_acting_on_a_question_or_day_someone_deleted_meanwhile_says_so(
    db: Engine, click: Callable[..., str], delete: Callable[..., None]
) -> None:
    at = setup_page()
    question = list_questions(db, current_wid(db), list_days(db, current_wid(db))[0].id)[0]
    at = button(at, f"edit-question-{question.id}").click().run()
    delete(db, current_wid(db), question)
    at = button(at, click(question)).click().run()
    assert errors_of(at) == [] and any(w.startswith(GONE) for w in warned(at))


def test_deleting_it_oneself_is_not_reported_as_someone_else(db: Engine) -> None:
    at = setup_page()
    question = list_questions(db, current_wid(db), list_days(db, current_wid(db))[0].id)[0]
    at = button(at, f"edit-question-{question.id}").click().run()
    at = button(at, f"delete-q-{question.id}").click().run()
    at = button(at, f"delete-q-{question.id}".replace("delete-", "delete-yes-")).click().run()
    assert errors_of(at) == [] and not any(w.startswith(GONE) for w in warned(at))
    assert question.id not in [q.id for q in list_questions(db, current_wid(db))]


def test_moving_an_action_someone_deleted_meanwhile_says_so(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    action_id = add_action(db, current_wid(db), Action(title="Buy sofas", owner="Ann"))
    at = at.switch_page("pages/actions.py").run()
    with write(db) as conn:  # the workshop's actions go with a restore or a workshop's deletion
        conn.execute(actions.delete().where(actions.c.id == action_id))
    at = at.selectbox(key=f"move_{action_id}").set_value(ActionStatus.DONE).run()
    assert errors_of(at) == [] and any(w.startswith(GONE) for w in warned(at))


def test_a_page_of_a_workshop_deleted_meanwhile_says_so(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    delete_workshop(db, current_wid(db))
    at = at.run()
    assert errors_of(at) == [] and warned(at) == [
        "The workshop you were signed in to has been deleted, so your sign-in has ended. Sign in again on the "
        "home page, or choose another workshop."
    ]


def test_the_workshops_list_still_draws_after_the_chosen_workshop_was_deleted(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/workshops.py").run()
    delete_workshop(db, current_wid(db))
    at = at.run()
    assert errors_of(at) == [] and not at.exception
