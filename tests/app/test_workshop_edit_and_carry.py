"""Issue 14 on the pages: the facilitator edits its workshop on the Week setup page; the owner starts a new
workshop from an earlier one, choosing what it carries."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.register.offers import offers_frame, partners_frame
from workshop.services.register.strengths import load_weights
from workshop.services.week.days import list_main_points
from workshop.services.workshops.lifecycle import (
    create_workshop,
    current_workshop_id,
    get_workshop,
    list_teams,
    list_workshops,
)

OWNER_CODE = "owner-of-this-database-2027"


def settings_of_setup(db: Engine) -> AppTest:
    return sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()


def save(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "Save the workshop").click().run()


def test_the_facilitator_renames_describes_dates_and_sets_the_language_of_its_workshop(db: Engine) -> None:
    wid = int(current_workshop_id(db) or 0)
    at = settings_of_setup(db)
    next(w for w in at.text_input if w.label == "Workshop name").input("Roskilde week 2027")
    next(w for w in at.text_area if w.label == "Workshop description").input("Our second year on the four spaces")
    next(w for w in at.selectbox if w.label == "Content language").set_value("nl")
    next(w for w in at.date_input if w.label == "First day").set_value(dt.date(2027, 3, 1))
    next(w for w in at.date_input if w.label == "Last day").set_value(dt.date(2027, 3, 5))
    at = save(at)
    assert errors_of(at) == [] and "Saved." in [s.value for s in at.success]
    saved = get_workshop(db, wid)
    assert (saved.name, saved.description, saved.language) == (
        "Roskilde week 2027",
        "Our second year on the four spaces",
        "nl",
    )
    assert (saved.start_date, saved.end_date) == (dt.date(2027, 3, 1), dt.date(2027, 3, 5))
    assert next(w for w in at.text_input if w.label == "Workshop name").value == "Roskilde week 2027"


@pytest.mark.parametrize(
    ("label", "value", "message"),
    [
        ("Workshop name", "   ", "A workshop needs a name."),
        ("Last day", dt.date(2020, 1, 1), "The end date 2020-01-01 is before the start date 2027-03-01."),
    ],
)
def test_a_bad_edit_is_refused_with_a_message_and_nothing_is_saved(
    db: Engine, label: str, value: object, message: str
) -> None:
    wid = int(current_workshop_id(db) or 0)
    before = get_workshop(db, wid)
    at = settings_of_setup(db)
    next(w for w in at.date_input if w.label == "First day").set_value(dt.date(2027, 3, 1))
    widget = next(w for w in [*at.text_input, *at.date_input] if w.label == label)
    widget.set_value(value)
    at = save(at)
    assert any(message in e for e in errors_of(at)), errors_of(at)
    assert get_workshop(db, wid) == before


def test_the_edit_form_is_for_the_facilitator_of_that_workshop_only(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP).switch_page("pages/week_setup.py").run()
    assert not [b for b in at.button if b.label == "Save the workshop"]
    other = create_workshop(db, "Branch library week", "facilitate-me", "lead-me-now")
    at = settings_of_setup(db)
    assert [b for b in at.button if b.label == "Save the workshop"]
    at.session_state["workshop_id"] = other  # the demo's facilitator looks at another workshop
    at.run()
    assert not [b for b in at.button if b.label == "Save the workshop"]
    assert "This page is for another role. Sign in on the home page." in [w.value for w in at.warning]


def test_the_owner_starts_a_workshop_from_an_earlier_one_carrying_only_what_is_ticked(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    earlier = get_workshop(db, int(current_workshop_id(db) or 0))
    assert len(offers_frame(db, int(earlier.id or 0))) > 0 and list_teams(db, int(earlier.id or 0))
    at = fresh_app().switch_page("pages/workshops.py").run()
    next(w for w in at.text_input if w.label == "Owner passcode").input(OWNER_CODE)
    at = next(b for b in at.button if b.label == "Sign in as owner").click().run()
    next(w for w in at.text_input if w.label == "Name").input("Second year")
    start = next(w for w in at.selectbox if w.label == "Start from")
    assert f"An earlier workshop: {earlier.name}" in start.options
    start.set_value(f"workshop:{earlier.id}")
    next(c for c in at.checkbox if c.label == "Offers").uncheck()
    next(c for c in at.checkbox if c.label == "Partners").uncheck()
    at = next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert errors_of(at) == []
    new = next(w for w in list_workshops(db) if w.name == "Second year")
    new_id, old_id = int(new.id or 0), int(earlier.id or 0)
    assert len(offers_frame(db, new_id)) == 0 and len(partners_frame(db, new_id)) == 0
    assert [(p.title, p.spaces) for p in list_main_points(db, new_id)] == [
        (p.title, p.spaces) for p in list_main_points(db, old_id)
    ]
    assert load_weights(db, new_id) == load_weights(db, old_id) and list_teams(db, new_id) == []
    assert at.session_state["identity"] == {"role": "facilitator", "workshop_id": new_id, "workshop_uid": new.uid}
