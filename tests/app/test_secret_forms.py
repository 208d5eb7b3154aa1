"""Issue 24.4: every form that takes a secret waits per browser session. The forms come from one registry
(ui.secret_forms.SECRET_FORMS); each is driven here as a person would: wrong codes from session A make A
wait, while session B (a fresh AppTest) signs in at once. A secret field drawn outside the registry, a
registered form without a driver here, or a check called without the session fails this file."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.secret_forms import LINK_TOKENS, SECRET_CHECKS, SECRET_FORMS
from workshop.config.i18n import translate
from workshop.domain.codes import FREE_ATTEMPTS, wait_after
from workshop.domain.model import Role
from workshop.services.access import codes as access
from workshop.services.access import owner
from workshop.services.access.owner import issue_setup_code, set_owner_code
from workshop.services.register import comparison
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import create_workshop

ROOT = Path(__file__).resolve().parents[2]
WRONG = "wrong-wrong-wrong-1"
OWNER_CODE = "owner-of-this-database-2027"
NEW_OWNER_CODE = "chosen-by-the-real-owner-24"
OTHER_LEADERSHIP = "lead-last-years-week"


def en(key: str) -> str:
    return translate("en", key)


def fill(at: AppTest, name: str, code: str) -> None:
    """Type into the registered secret field of form `name`."""
    label = en(SECRET_FORMS[name].label)
    next(w for w in at.text_input if w.label == label).input(code)


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def workshops_page() -> AppTest:
    return fresh_app().switch_page("pages/workshops.py").run()


def leadership_on_compare() -> AppTest:
    return sign_in(fresh_app(), Role.LEADERSHIP).switch_page("pages/compare.py").run()


def identity(at: AppTest) -> dict[str, object]:
    return dict(at.session_state["identity"]) if "identity" in at.session_state else {}


@dataclass(frozen=True)
class Driver:
    """How a person reaches one secret form, sends a code, and sees that it worked."""

    form: str
    open: Callable[[], AppTest]
    send: Callable[[AppTest, str], AppTest]
    right: Callable[[Engine], str]
    worked: Callable[[AppTest], bool]


def _staff(role: Role) -> Driver:
    def send(at: AppTest, code: str) -> AppTest:
        return sign_in(at, role, code)

    return Driver(
        "staff_sign_in",
        fresh_app,
        send,
        lambda _db: str(demo_codes_hint()[role.value]),
        lambda at: identity(at).get("role") == role.value,
    )


def _team_form(at: AppTest, code: str) -> AppTest:
    fill(at, "team_join", code)
    return click(at, "Join my team")


def _owner_sign_in(at: AppTest, code: str) -> AppTest:
    fill(at, "owner_sign_in", code)
    return click(at, "Sign in as owner")


def _owner_setup(at: AppTest, code: str) -> AppTest:
    fill(at, "owner_setup", code)
    next(w for w in at.text_input if w.label == "New owner passcode").input(NEW_OWNER_CODE)
    return click(at, "Set the owner passcode")


def _compare(at: AppTest, code: str) -> AppTest:
    fill(at, "compare_unlock", code)
    return click(at, "Show the comparison")


def _owner_right(db: Engine) -> str:
    set_owner_code(db, OWNER_CODE)
    return OWNER_CODE


def _setup_right(db: Engine) -> str:
    return issue_setup_code(db)[0]  # as the server printed it to its console


def _last_year(db: Engine) -> str:
    create_workshop(db, "Last year", "facilitate-last-year", OTHER_LEADERSHIP, template_key="four_spaces_week")
    return OTHER_LEADERSHIP


def _owner(at: AppTest) -> bool:
    return bool(at.session_state["owner"]) if "owner" in at.session_state else False


TEAM_CODE = "KX7P2M"  # the demo's Children & families
DRIVERS: dict[str, Driver] = {
    "facilitator passcode": _staff(Role.FACILITATOR),
    "leadership passcode": _staff(Role.LEADERSHIP),
    "team code": Driver(
        "team_join", fresh_app, _team_form, lambda _db: TEAM_CODE, lambda at: identity(at).get("role") == "team"
    ),
    "owner passcode": Driver("owner_sign_in", workshops_page, _owner_sign_in, _owner_right, _owner),
    "owner setup code": Driver("owner_setup", workshops_page, _owner_setup, _setup_right, _owner),
    "compare unlock": Driver(
        "compare_unlock", leadership_on_compare, _compare, _last_year, lambda at: bool(at.get("plotly_chart"))
    ),
}


def test_every_registered_secret_form_is_driven_here() -> None:
    assert {d.form for d in DRIVERS.values()} == set(SECRET_FORMS)


@pytest.fixture
def waits_outlast_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wait of a minute once it applies (the real one starts at 2 s, shorter than a slow AppTest run
    plus a wrong passcode's late answer), and no late answer: the schedule is tests/unit/test_access.py's."""
    real = wait_after
    monkeypatch.setattr(access, "wait_after", lambda failures: 60 * real(failures))
    monkeypatch.setattr(access, "passcode_delay", lambda _recent: 0.0)


@pytest.mark.parametrize("case", list(DRIVERS))
@pytest.mark.usefixtures("waits_outlast_a_run")
def test_wrong_codes_make_only_their_own_session_wait(case: str, db: Engine) -> None:
    driver = DRIVERS[case]
    right = driver.right(db)
    a = driver.open()
    for _ in range(FREE_ATTEMPTS):
        a = driver.send(a, WRONG)
        assert errors_of(a) == [en("error.access_denied")], case
    a = driver.send(a, right)  # even the right code waits now, in this session
    assert [e for e in errors_of(a) if e.startswith("Too many wrong codes. Wait")], (case, errors_of(a))
    assert not driver.worked(a)

    b = driver.open()  # another browser: not slowed by A's guesses
    b = driver.send(b, right)
    assert errors_of(b) == [], (case, errors_of(b))
    assert driver.worked(b), case


def _calls(folder: str) -> list[tuple[str, ast.Call]]:
    found: list[tuple[str, ast.Call]] = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found.append((str(path.relative_to(ROOT)), node))
    return found


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _ui_calls() -> list[tuple[str, ast.Call]]:
    return _calls("ui") + _calls("pages")


def test_no_secret_field_is_drawn_outside_the_registry() -> None:
    """A password field (or a registered secret's label) drawn by hand would skip the registry and its test."""
    labels = {spec.label for spec in SECRET_FORMS.values()}
    offenders = []
    for path, call in _ui_calls():
        if _name(call) != "text_input" or path == "ui/secret_forms.py":
            continue
        hidden = any(k.arg == "type" and ast.literal_eval(k.value) == "password" for k in call.keywords)
        label = call.args[0] if call.args else None
        named = (
            isinstance(label, ast.Call)
            and label.args
            and isinstance(label.args[0], ast.Constant)
            and label.args[0].value in labels
        )
        if hidden or named:
            offenders.append(f"{path}:{call.lineno}")
    assert offenders == []
    drawn = {
        call.args[0].value
        for _, call in _ui_calls()
        if _name(call) == "secret_input" and call.args and isinstance(call.args[0], ast.Constant)
    }
    assert drawn == set(SECRET_FORMS)


def test_every_secret_check_on_a_page_names_the_browser_session() -> None:
    """A check without the session shared one counter for everyone (the compare page's unlock did)."""
    checked = [(path, call) for path, call in _ui_calls() if _name(call) in SECRET_CHECKS]
    assert {_name(call) for _, call in checked} == set(SECRET_CHECKS)
    offenders = [
        f"{path}:{call.lineno}"
        for path, call in checked
        if not any(
            k.arg == "session" and isinstance(k.value, ast.Call) and _name(k.value) == "session_key"
            for k in call.keywords
        )
    ]
    assert offenders == []


def test_every_secret_check_needs_a_session_and_refuses_an_empty_one() -> None:
    services = {f.__name__: f for f in (access.sign_in, access.join_team, owner.sign_in_owner, owner.claim_owner)}
    services["unlock"] = comparison.unlock
    assert set(services) == set(SECRET_CHECKS)
    for name, service in services.items():
        session = inspect.signature(service).parameters["session"]
        assert session.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert session.default is inspect.Parameter.empty, name
    with pytest.raises(ValueError, match="session"):
        access.session_scope("1", "leadership", "")
    assert set(LINK_TOKENS).isdisjoint(SECRET_CHECKS)
