"""Issue 29.1 in a real browser: single sign-on through a real OpenID Connect provider (the certified
`oidc-provider` from npm, tests/e2e/oidc_provider.mjs) on 127.0.0.1, no network. People sign in through the
provider's own login form: a facilitator by e-mail address (written in another case), leadership by a group
claim, a staff member on the roster (a Danish Excel CSV), a person with no role; sign-out ends the app's
session and the provider's. One provider and one app server for the module; each test its own browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import IN_CI, ROOT
from tests.e2e.axe import report, require_axe, violations
from tests.e2e.conftest import OWNER_CODE, Server, free_port, page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, wait_for_app
from workshop.domain.identity import SignInRules, TeamAccess
from workshop.files.spreadsheet import read_source
from workshop.services.access.sign_in import import_roster, save_rules
from workshop.services.workshops.lifecycle import add_team, create_workshop, set_current_workshop
from workshop.store import make_engine, migrate

pytestmark = [pytest.mark.e2e, pytest.mark.oidc]

PROVIDER_SCRIPT = ROOT / "tests" / "e2e" / "oidc_provider.mjs"
PROVIDER_PACKAGE = ROOT / "node_modules" / "oidc-provider" / "package.json"
WORKSHOP = "Strategy week 2027"
# login -> the claims the provider puts in the ID token
ACCOUNTS = {
    "frida": {"email": "  Frida.Facilitator@Library.EXAMPLE ", "name": "Frida Facilitator"},
    "lars": {"email": "lars.leader@library.example", "name": "Lars Leader", "groups": ["library-leaders"]},
    "sofie": {"email": "sofie.staff@library.example", "name": "Sofie Staff", "groups": ["all-staff"]},
    "nora": {"email": "nora.nobody@library.example", "name": "Nora Nobody", "groups": ["all-staff"]},
    "olga": {"email": "Olga.Owner-Added@library.example", "name": "Olga"},
    "mallory": {"email": "frida.facilitator@library.example", "email_verified": False, "name": "Mallory"},
}
# The roster as Danish Excel saves it: cp1252, ';' between cells; a 'Rolle' column the roster must not obey.
ROSTER = "E-mail;Hold;Rolle\r\nsofie.staff@library.example;Børn og familier;facilitator\r\n"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI must run the sign-in journeys: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The provider and an app server whose secrets file points at it, on a database with one workshop:
    facilitators by e-mail, leadership by group claim, teams by roster."""
    node = shutil.which("node")
    if node is None or not PROVIDER_PACKAGE.exists():
        _missing("node and the npm package oidc-provider are needed (.ci/run installs them)")
    folder = tmp_path_factory.mktemp("sso")
    app_port, provider_port = free_port(), free_port()
    app_url = f"http://127.0.0.1:{app_port}"
    provider = subprocess.Popen(
        [str(node), str(PROVIDER_SCRIPT), str(provider_port), app_url, json.dumps(ACCOUNTS)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert provider.stdout is not None
        for line in provider.stdout:
            if line.startswith("ready "):
                break
        else:
            pytest.fail(f"the OpenID Connect provider did not start (exit {provider.wait()})")
        secrets = folder / "secrets.toml"
        secrets.write_text(
            f"""[auth]
redirect_uri = "{app_url}/oauth2callback"
cookie_secret = "a-long-random-secret-for-the-test-server-only"

[auth.library]
client_id = "workshop-app"
client_secret = "workshop-app-secret-for-tests-only"
server_metadata_url = "http://127.0.0.1:{provider_port}/.well-known/openid-configuration"
client_kwargs = {{ scope = "openid email profile groups" }}
"""
        )
        database = f"sqlite:///{folder / 'sso.sqlite3'}"
        engine = make_engine(database)
        migrate(engine)
        wid = create_workshop(
            engine, WORKSHOP, "facilitate-2027", "lead-the-2027-week", template_key="four_spaces_week"
        )
        add_team(engine, wid, "Børn og familier")
        add_team(engine, wid, "Voksne")
        set_current_workshop(engine, wid)
        rules = SignInRules(
            facilitator_emails=frozenset({"frida.facilitator@library.example"}),
            leadership_groups=frozenset({"library-leaders"}),
            team_access=TeamAccess.ROSTER,
        )
        save_rules(engine, wid, rules)
        import_roster(engine, wid, read_source(ROSTER.encode("cp1252"), "roster.csv"))
        engine.dispose()
        with running_server(
            database, folder / "streamlit.log", app_port, options=("--secrets.files", str(secrets))
        ) as s:
            yield s
    finally:
        provider.terminate()
        provider.wait(timeout=10)


@pytest.fixture
def make(browser: Any, sso_server: Server) -> Iterator[Any]:
    """A page in a fresh browser context (its own cookies: no app session, no provider session). Nothing
    leaves 127.0.0.1 (the provider's login page asks for a web font)."""

    def make_page() -> Any:
        page = new()
        page.context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        return page

    with page_factory(browser, sso_server) as new:
        yield make_page


def sign_in_as(page: Any, login: str) -> None:
    """From the app's home page through the provider's own login form and back."""
    page.goto("/")
    wait_for_app(page)
    page.get_by_role("button", name=en("sso.sign_in_with", provider="Library")).click()
    page.wait_for_url(re.compile(r"/interaction/"))
    expect(page.locator("input[name='login']")).to_be_visible()
    page.locator("input[name='login']").fill(login)
    page.locator("input[name='password']").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/(\?.*)?$"))
    wait_for_app(page)


def signed_in_as(page: Any, role_key: str) -> Any:
    return page.get_by_text(en("sidebar.signed_in_as", role=en(f"role.{role_key}")))


def test_a_facilitator_by_e_mail_signs_in_and_out_of_both_sessions(make: Any, shots: Any) -> None:
    page = make()
    sign_in_as(page, "frida")
    expect(signed_in_as(page, "facilitator")).to_be_visible()
    # (the address is shown with word joiners in it, so Markdown cannot make a link of it)
    account = en("sso.signed_in_account", account="Frida Facilitator · ")
    expect(page.get_by_text(re.compile("^" + re.escape(account) + "frida"))).to_be_visible()
    expect(page.get_by_text(en("sidebar.session_link.other", n=12))).to_have_count(0)  # no link to keep: a cookie
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=en("nav.week_setup"))).to_be_visible()
    shots(page, "facilitator-signed-in")
    assert errors_on(page) == []

    page.get_by_test_id("stSidebar").get_by_role("button", name=en("sidebar.sign_out")).click()
    page.wait_for_url(re.compile(r"/session/end"))  # the provider's end_session_endpoint
    shots(page, "provider-asks-to-sign-out")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/(\?.*)?$"))
    wait_for_app(page)
    expect(signed_in_as(page, "facilitator")).to_have_count(0)
    expect(page.get_by_role("button", name=en("sso.sign_in_with", provider="Library"))).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"].startswith("_streamlit_user")]

    # The provider's session ended too: signing in again asks for the login, not straight back in.
    page.get_by_role("button", name=en("sso.sign_in_with", provider="Library")).click()
    page.wait_for_url(re.compile(r"/interaction/"))
    expect(page.locator("input[name='login']")).to_be_visible()


def test_without_the_providers_sign_out_the_provider_would_sign_in_at_once(make: Any) -> None:
    """The contrast that gives the test above its meaning: only the app's cookie gone, the provider's session
    signs the person straight back in, with no login form."""
    page = make()
    sign_in_as(page, "frida")
    expect(signed_in_as(page, "facilitator")).to_be_visible()
    page.context.clear_cookies(name=re.compile(r"^_streamlit_user"))
    page.goto("/")
    wait_for_app(page)
    page.get_by_role("button", name=en("sso.sign_in_with", provider="Library")).click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/(\?.*)?$"))
    wait_for_app(page)
    expect(signed_in_as(page, "facilitator")).to_be_visible()


def test_leadership_by_a_group_claim(make: Any) -> None:
    page = make()
    sign_in_as(page, "lars")
    expect(signed_in_as(page, "leadership")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=en("nav.main_points"))).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=en("nav.week_setup"))).to_have_count(0)
    assert errors_on(page) == []


def test_a_staff_member_on_the_roster_is_in_her_team_and_the_roster_gives_no_role(make: Any, shots: Any) -> None:
    page = make()
    sign_in_as(page, "sofie")
    expect(signed_in_as(page, "team")).to_be_visible()
    expect(
        page.get_by_text(en("home.signed_in", role=en("home.signed_in_as.team", team="Børn og familier")))
    ).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name=en("nav.week_setup"))).to_have_count(0)
    shots(page, "staff-member-in-her-team")
    page.reload()  # a new app session: the identity cookie holds the person, the rules her team
    wait_for_app(page)
    expect(signed_in_as(page, "team")).to_be_visible()
    assert errors_on(page) == []


def test_a_person_without_a_role_sees_only_a_polite_page(make: Any, shots: Any) -> None:
    page = make()
    sign_in_as(page, "nora")
    expect(page.get_by_role("heading", name=en("sso.no_role_title"))).to_be_visible()
    shots(page, "no-role")
    require_axe()
    problems = violations(page, "the polite page")
    assert problems == [], report(problems)
    expect(page.get_by_role("button", name=en("gate.sign_in"))).to_have_count(0)  # no passcode form either
    expect(page.get_by_test_id("stSidebar").get_by_role("link")).to_have_count(0)
    page.goto("/week_setup")  # an address of a facilitator's page: still only the polite page
    wait_for_app(page)
    expect(page.get_by_role("heading", name=en("sso.no_role_title"))).to_be_visible()
    expect(page.get_by_role("button", name=en("sidebar.sign_out"))).to_be_visible()
    assert errors_on(page) == []


def test_an_unverified_address_is_no_facilitators_address(make: Any) -> None:
    """An account whose provider says its address is not verified (anybody may type any address into some
    accounts) gets nothing from that address."""
    page = make()
    sign_in_as(page, "mallory")
    expect(page.get_by_role("heading", name=en("sso.no_role_title"))).to_be_visible()
    expect(signed_in_as(page, "facilitator")).to_have_count(0)


def test_a_forged_identity_cookie_signs_nobody_in(make: Any, sso_server: Server) -> None:
    """Claims only count from the ID token the server verified and signed into its cookie: a cookie the
    browser writes itself, claiming a facilitator's address and group, is refused."""
    page = make()
    claims = {"email": "frida.facilitator@library.example", "groups": ["library-leaders"], "is_logged_in": True}
    forged = json.dumps({**claims, "provider": "library", "origin": sso_server.url})
    page.context.add_cookies([{"name": "_streamlit_user", "value": forged, "url": sso_server.url}])
    page.goto("/")
    wait_for_app(page)
    expect(page.get_by_role("button", name=en("sso.sign_in_with", provider="Library"))).to_be_visible()
    expect(signed_in_as(page, "facilitator")).to_have_count(0)
    expect(signed_in_as(page, "leadership")).to_have_count(0)


def test_the_owner_imports_a_roster_on_the_workshops_page_and_a_bad_row_changes_nothing(
    make: Any, shots: Any, tmp_path: Path
) -> None:
    page = make()
    page.goto("/")
    wait_for_app(page)
    go_to(page, en("nav.workshops"))
    page.get_by_label(en("owner.code")).fill(OWNER_CODE)
    page.get_by_role("button", name=en("owner.sign_in")).click()
    wait_for_app(page)
    page.get_by_text(en("sso.settings_title"), exact=True).click()
    expect(page.get_by_label(en("sso.facilitator_emails"))).to_have_value("frida.facilitator@library.example")

    bad = tmp_path / "holdliste.csv"  # Danish Excel: cp1252 and ';'; row 3 names a team that is none
    bad.write_bytes((ROSTER + "olga.owner-added@library.example;Unge\r\n").encode("cp1252"))
    page.locator("input[type='file']").set_input_files(str(bad))
    wait_for_app(page)
    page.get_by_role("button", name=en("sso.roster_import")).click()
    wait_for_app(page)
    expect(page.get_by_text(en("error.import_rejected.one", n=1))).to_be_visible()
    shots(page, "roster-refused")

    good = tmp_path / "holdliste-rettet.csv"
    good.write_bytes((ROSTER + "olga.owner-added@library.example;Voksne\r\n").encode("cp1252"))
    page.locator("input[type='file']").set_input_files(str(good))
    wait_for_app(page)
    page.get_by_role("button", name=en("sso.roster_import")).click()
    wait_for_app(page)
    expect(page.get_by_text(en("sso.roster_done.other", n=2))).to_be_visible()
    expect(page.get_by_text(en("sso.roster_left_out", columns="Rolle"))).to_be_visible()
    shots(page, "roster-imported")
    assert errors_on(page) == []

    olga = make()
    sign_in_as(olga, "olga")
    expect(olga.get_by_text(en("home.signed_in", role=en("home.signed_in_as.team", team="Voksne")))).to_be_visible()
