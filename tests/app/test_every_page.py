"""Every page renders in every role on the demo workshop, with no error or exception."""

import pytest

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.navigation import BY_ROLE
from workshop.domain.model import Role


def test_a_newcomer_lands_on_the_demo_home_with_its_codes(app_db: str) -> None:
    at = fresh_app()
    assert errors_of(at) == []
    assert at.title[0].value.startswith("Demo:")
    assert any("facilitate-demo" in i.value for i in at.info)


@pytest.mark.parametrize("role", list(Role))
def test_every_page_of_a_role_renders_without_error(app_db: str, role: Role) -> None:
    at = sign_in(fresh_app(), role)
    assert errors_of(at) == []
    assert any(s.value.startswith(("You are signed in", "Du er logget")) for s in at.success)
    for file, _, _ in BY_ROLE[role]:
        at.switch_page(f"pages/{file}").run()
        assert errors_of(at) == [], f"{role.value} on {file}"
        assert at.title, f"{role.value} on {file} shows no title"


def test_a_wrong_passcode_gets_a_generic_message(app_db: str) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR, code="not-the-code")
    assert [e.value for e in at.error] == ["That code did not work. Check it and try again."]
    assert not at.success


def test_a_page_of_another_role_is_refused_even_when_forced(app_db: str) -> None:
    at = sign_in(fresh_app(), Role.TEAM)
    at.switch_page("pages/teams.py").run()
    assert [w.value for w in at.warning] == ["This page is for another role. Sign in on the home page."]
    assert not any(title.value == "Teams" for title in at.title)


def test_the_interface_switches_to_danish(app_db: str) -> None:
    at = fresh_app()
    at.selectbox(key="lang").set_value("da").run()
    assert any(s.value == "De fire rum" for s in at.subheader)
    assert errors_of(at) == []


def test_the_owner_deletes_the_demo_and_recreates_it_from_the_empty_home(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSHOP_OWNER_CODE", "owner-of-this-database")
    at = fresh_app().switch_page("pages/workshops.py").run()
    assert not any(w.label == "New owner passcode" for w in at.text_input)  # set by the operator
    next(w for w in at.text_input if w.label == "Owner passcode").input("owner-of-this-database")
    next(b for b in at.button if b.label == "Sign in as owner").click().run()
    name = next(iter(at.dataframe[0].value["Name"]))
    at.text_input(key="delete_name").input(name).run()
    next(b for b in at.button if b.label == "Delete the workshop for good").click().run()
    assert errors_of(at) == []
    assert at.title[0].value == "No workshop yet"
    at.switch_page("pages/workshops.py").run()
    next(c for c in at.checkbox if c.label.startswith("Yes, delete the demo")).check().run()
    next(b for b in at.button if b.label == "Recreate the demo").click().run()
    at.switch_page("pages/home.py").run()
    assert at.title[0].value.startswith("Demo:")


def test_a_join_link_signs_a_team_in_on_its_answers_page_and_the_address_keeps_the_code(app_db: str) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP, answers_page_of
    from ui.widgets import md
    from workshop.services.whole.demo import demo_codes_hint

    name, code = next(iter(demo_codes_hint()["teams"].items()))  # type: ignore[attr-defined]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["code"] = code
    at.run()
    assert errors_of(at) == []
    assert answers_page_of(at) == name  # the link is there to answer: no detour through the home page
    assert at.query_params["code"] == code  # the address keeps the code: a reload signs in again
    at.switch_page("pages/home.py").run()
    signed_in = f"You are signed in as the team {md(name)}"  # as Markdown: "Children \\& families" shows as typed
    assert any(s.value.startswith(signed_in) for s in at.success)  # home is a click away


def test_a_join_link_to_another_page_of_the_team_opens_that_page(app_db: str) -> None:
    """A reload of /week_log?code=... (the address keeps the code) stays on the week log."""
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP, answers_page_of
    from workshop.services.whole.demo import demo_codes_hint

    code = next(iter(demo_codes_hint()["teams"].values()))  # type: ignore[attr-defined]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["code"] = code
    at.switch_page("pages/week_log.py").run()
    assert errors_of(at) == []
    assert answers_page_of(at) is None
    assert at.session_state["identity"]["role"] == "team"
    assert [t.value for t in at.title] == ["The week's log"]


def test_a_wrong_join_link_is_refused_once_with_a_generic_message(app_db: str) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["code"] = "ZZZZZZ"
    at.run()
    assert [e.value for e in at.error] == ["That code did not work. Check it and try again."]
    at.run()
    assert len(at.error) == 0
