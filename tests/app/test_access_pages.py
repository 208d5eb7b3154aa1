"""Issue 12, access and abuse, as a person meets it in the app: join links that open their own workshop
and page, the owner who alone creates and deletes workshops, and a compare page that locks with the role."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, answers_page_of, errors_of, fresh_app, sign_in
from workshop.domain.errors import AccessDenied
from workshop.domain.model import Role
from workshop.services.access.codes import WARN_AFTER, join_team
from workshop.services.access.owner import OWNER_VARIABLE, owner_code_is_set
from workshop.services.workshops.lifecycle import add_team, create_workshop, current_workshop_id, list_workshops

OWNER_CODE = "owner-of-this-database-2027"
OWNER_ONLY = ("Create the workshop", "Delete the workshop for good", "Make this workshop the current one")


def labels(at: AppTest) -> set[str]:
    return {b.label for b in at.button}


def workshops_page(at: AppTest) -> AppTest:
    return at.switch_page("pages/workshops.py").run()


def owner_signs_in(at: AppTest, code: str = OWNER_CODE) -> AppTest:
    next(w for w in at.text_input if w.label == "Owner passcode").input(code)
    next(b for b in at.button if b.label == "Sign in as owner").click()
    return at.run()


def link_visitor(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def test_a_join_link_straight_to_the_answers_page_opens_it_on_a_freshly_started_server(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12.4: a fresh server ran /answer before app.py read the code ("This page is for another role")."""
    fresh_app()  # the demo exists; then the server "restarts": no session has called st.navigation yet
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    at = link_visitor(code="KX7P2M")
    at.switch_page("pages/answer.py").run()
    assert not [w.value for w in at.warning if "another role" in w.value]
    assert [t.value for t in at.title] == ["Our answers"]
    assert "Answers of Children & families" in [x.value for x in at.text]


def test_the_demo_facilitator_cannot_create_delete_or_choose_the_current_workshop(app_db: str) -> None:
    """Issue 12.2: the public demo passcode used to control the whole database."""
    at = workshops_page(sign_in(fresh_app(), Role.FACILITATOR))
    assert errors_of(at) == []
    assert not labels(at) & {*OWNER_ONLY, "Recreate the demo"}
    assert any(w.label in ("New owner passcode", "Owner passcode") for w in at.text_input)


def printed_setup_code(capsys: pytest.CaptureFixture[str]) -> str:
    """The setup code the server printed to its console (stderr) on this run, as the operator reads it."""
    found = re.findall(r"Owner setup code: (\S+) ", capsys.readouterr().err)
    assert len(found) == 1, found
    return found[0]


def set_owner(at: AppTest, setup_code: str) -> tuple[AppTest, str]:
    next(w for w in at.text_input if w.label == "Setup code from the server").input(setup_code)
    owner_code = next(w for w in at.text_input if w.label == "New owner passcode").value
    next(b for b in at.button if b.label == "Set the owner passcode").click().run()
    return at, owner_code


def test_a_fresh_install_takes_no_owner_from_a_visitor_without_the_setup_code_the_server_printed(
    db: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 24.5: any first visitor of the Workshops page could make themselves the owner."""
    at = workshops_page(fresh_app())
    setup_code = printed_setup_code(capsys)
    assert setup_code not in str([w.value for w in at.text_input]) + str([m.value for m in at.markdown])
    assert any("Owner setup code" in i.value for i in at.info)  # the page says where to look
    for typed in ("", "ABCD-EFGH-JKMN"):  # no code, a guessed one
        at, _ = set_owner(at, typed)
        assert [e.value for e in at.error] == ["That code did not work. Check it and try again."]
        assert not any(s.value.startswith("You are signed in as the owner") for s in at.success)
        assert not owner_code_is_set(db)
    visitor = workshops_page(fresh_app())  # another visitor: the server prints no second code meanwhile
    assert "Owner setup code" not in capsys.readouterr().err
    assert not labels(visitor) & set(OWNER_ONLY)


def test_the_holder_of_the_setup_code_sets_the_owner_passcode_then_creates_a_workshop(
    db: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    at = workshops_page(fresh_app())
    assert len(next(w for w in at.text_input if w.label == "New owner passcode").value) >= 12  # one is offered
    at, owner_code = set_owner(at, printed_setup_code(capsys).lower())  # case and dashes do not matter
    assert any(s.value.startswith("You are signed in as the owner") for s in at.success)

    next(w for w in at.text_input if w.label == "Name").input("Strategy week 2027")
    passcodes = [w for w in at.text_input if w.label.endswith("passcode")]
    assert all(len(w.value) >= 12 for w in passcodes)  # generated ones, offered by default
    next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert errors_of(at) == []
    assert "Strategy week 2027" in [w.name for w in list_workshops(db)]
    assert at.session_state["identity"]["role"] == "facilitator"

    # a second browser: the owner passcode is asked for, never shown, and a wrong one is refused
    other = workshops_page(fresh_app())
    assert not any(w.label in ("New owner passcode", "Setup code from the server") for w in other.text_input)
    assert all(owner_code not in w.value for w in other.text_input)
    owner_signs_in(other, "not-the-owner-code")
    assert [e.value for e in other.error] == ["That code did not work. Check it and try again."]
    assert not labels(other) & set(OWNER_ONLY)
    owner_signs_in(other, owner_code)
    assert "Create the workshop" in labels(other)


def test_a_short_or_common_passcode_for_a_new_workshop_is_refused_with_a_message(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = owner_signs_in(workshops_page(fresh_app()))
    next(w for w in at.text_input if w.label == "Name").input("Weak week")
    next(w for w in at.text_input if w.label == "Leadership passcode").input("lead-2027")
    next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert any("at least 12 characters" in e.value for e in at.error)
    assert "Weak week" not in [w.name for w in list_workshops(db)]


def test_a_join_link_joins_its_own_workshop_whatever_is_current(db: Engine) -> None:
    """Issue 12.2: join links carried no workshop, so a team joined whichever workshop was current."""
    fresh_app()
    demo_id = current_workshop_id(db)
    other = create_workshop(db, "Branch library week", "facilitate-me", "lead-me-now")
    _, code = add_team(db, other, "Branch team")
    assert current_workshop_id(db) == demo_id
    at = link_visitor(w=str(other), code=code.lower())
    at.run()
    assert errors_of(at) == []
    assert at.session_state["identity"]["workshop_id"] == other
    assert "Branch library week" in [x.value for x in at.sidebar.text]
    at.switch_page("pages/answer.py").run()
    assert "Answers of Branch team" in [x.value for x in at.text]
    assert at.query_params["w"] == str(other)  # a reload joins the same workshop again


def test_a_code_without_a_workshop_still_joins_the_current_one(app_db: str) -> None:
    at = link_visitor(code="kx7p-2m")
    at.run()
    assert errors_of(at) == []
    assert answers_page_of(at) == "Children & families"


def test_the_compare_page_locks_again_after_sign_out_and_after_a_workshop_switch(db: Engine) -> None:
    """Issue 12.3: the compare page stayed unlocked after sign-out or a workshop switch."""
    at = fresh_app()
    demo_id = int(current_workshop_id(db) or 0)
    last_year = create_workshop(db, "Last year", "facilitate-old", "lead-old-week", template_key="four_spaces_week")
    at = sign_in(at, Role.LEADERSHIP).switch_page("pages/compare.py").run()
    next(w for w in at.text_input if w.label == "Leadership passcode of that workshop").input("lead-old-week")
    next(b for b in at.button if b.label == "Show the comparison").click().run()
    assert at.get("plotly_chart") and not any(w.label.startswith("Leadership passcode") for w in at.text_input)

    at.switch_page("app.py").run()  # the whole app, with its sidebar (a switched-to page runs on its own here)
    next(b for b in at.sidebar.button if b.label == "Sign out").click().run()
    at = sign_in(at, Role.LEADERSHIP).switch_page("pages/compare.py").run()
    assert any(w.label == "Leadership passcode of that workshop" for w in at.text_input)
    assert not at.get("plotly_chart")

    next(w for w in at.text_input if w.label == "Leadership passcode of that workshop").input("lead-old-week")
    next(b for b in at.button if b.label == "Show the comparison").click().run()
    at.switch_page("pages/home.py").run()
    at.selectbox[0].set_value(last_year).run()  # look at last year's workshop: signed out of the demo
    at.selectbox[0].set_value(demo_id).run()
    at = sign_in(at, Role.LEADERSHIP).switch_page("pages/compare.py").run()
    assert any(w.label == "Leadership passcode of that workshop" for w in at.text_input)


def test_many_wrong_codes_warn_the_facilitator_and_lock_nobody_out(db: Engine) -> None:
    at = fresh_app()
    wid = int(current_workshop_id(db) or 0)
    for n in range(WARN_AFTER):
        with pytest.raises(AccessDenied):
            join_team(db, wid, f"WRONG{n:03d}", session=f"visitor-{n}")
    visitor = link_visitor(code="KX7P2M")  # a real team's link still joins at once
    visitor.run()
    assert answers_page_of(visitor) == "Children & families"
    at = sign_in(at, Role.FACILITATOR)
    assert any(f"{WARN_AFTER} wrong codes were tried" in w.value for w in at.warning)
    at.switch_page("pages/teams.py").run()
    assert any(f"{WARN_AFTER} wrong codes were tried" in w.value for w in at.warning)
