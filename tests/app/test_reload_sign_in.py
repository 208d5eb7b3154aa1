"""Issue 14.6: a reload of the morning view does not sign the facilitator out. The address carries a random
token (?s=...), never the passcode; a fresh session with it is signed in again until sign-out."""

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, set_current_workshop


def reloaded(token: str) -> AppTest:
    """What a browser reload is to the app: a new session with the same address."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["s"] = token
    return at.run()


def sign_out(at: AppTest) -> AppTest:
    return next(b for b in at.sidebar.button if b.label == "Sign out").click().run()


def signed_in_as(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith("Signed in as")]


def test_a_reload_keeps_the_facilitator_on_the_morning_view(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    token = at.query_params["s"]
    assert len(token) >= 40
    passcode = str(demo_codes_hint()["facilitator"])
    assert passcode not in token and all(passcode not in str(v) for v in at.query_params.values())
    at.switch_page("app.py").run()  # the whole app with its sidebar (a signed-in rerun runs the page alone here)
    assert signed_in_as(at) == ["Signed in as: Facilitator"]
    assert any("Do not share it" in c.value for c in at.caption)
    assert at.query_params["s"] == token

    again = reloaded(token)
    assert signed_in_as(again) == ["Signed in as: Facilitator"]
    assert again.query_params["s"] == token  # kept in the address: the next reload works too
    again.switch_page("pages/morning.py").run()
    assert "Not answered yet (3):" in [s.value for s in again.subheader]
    assert errors_of(again) == []

    sign_out(at)
    assert "s" not in at.query_params and signed_in_as(at) == []
    after = reloaded(token)
    assert signed_in_as(after) == [] and "s" not in after.query_params
    assert errors_of(after) == []


def test_leadership_is_kept_too_and_a_wrong_token_is_dropped_silently(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    assert signed_in_as(reloaded(at.query_params["s"])) == ["Signed in as: Leadership"]
    wrong = reloaded("x" * 43)
    assert signed_in_as(wrong) == [] and "s" not in wrong.query_params and errors_of(wrong) == []


def test_a_token_signs_in_to_its_own_workshop_even_when_another_became_current(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    token = at.query_params["s"]
    demo = current_workshop_id(db)
    branch = create_workshop(db, "Branch library week", "facilitate-me", "lead-me-now")
    set_current_workshop(db, branch)  # everyone else now lands on the branch week
    again = reloaded(token)
    assert signed_in_as(again) == ["Signed in as: Facilitator"]
    assert again.session_state["identity"]["workshop_id"] == demo
    assert "Branch library week" not in [x.value for x in again.sidebar.text]
    assert "Branch library week" in [x.value for x in fresh_app().sidebar.text]  # where a reload without it lands


def test_looking_at_another_workshop_ends_the_token(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    token = at.query_params["s"]
    branch = create_workshop(db, "Branch library week", "facilitate-me", "lead-me-now")
    at.switch_page("app.py").run()
    at.selectbox[0].set_value(branch).run()  # the home page's workshop picker: the sign-in ends
    assert signed_in_as(at) == [] and "s" not in at.query_params
    assert signed_in_as(reloaded(token)) == []
    assert errors_of(at) == []
