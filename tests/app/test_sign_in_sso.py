"""Issue 29.1 in the app (AppTest fakes st.user; the real sign-in is tests/e2e/test_sign_in_sso.py): sign-on
stays off without [auth] secrets; a signed-in person gets the role the owner's rules give, again on every
run; a person without one sees only a polite page, in all four languages; the team's code once, then
remembered; the owner's settings behind the owner's passcode, with a one-line error for a bad address."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of
from workshop.config.i18n import UI_LANGUAGES, translate
from workshop.domain.identity import SignInRules, TeamAccess
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.access.sign_in import rules_for, save_rules, team_of
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, set_current_workshop

OWNER_CODE = "owner-of-this-database-2027"
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a-long-random-secret-for-tests",
    "library": {
        "client_id": "workshop-app",
        "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    },
}


def en(key: str, **params: object) -> str:
    return translate("en", key, **params)


def person_app(email: str = "", lang: str = "", sso: bool = True, **claims: object) -> AppTest:
    """The app for a browser whose person signed in (st.user) with these claims."""
    at = AppTest.from_file(APP, default_timeout=60)
    if sso:
        at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": email, "name": "A Person", **claims}
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def sidebar_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.sidebar.caption]


def successes(at: AppTest) -> list[str]:
    """The success lines as a person reads them (Markdown's escapes gone)."""
    return [s.value.replace("\\&", "&") for s in at.success]


def wid_of(db: Engine) -> int:
    return int(current_workshop_id(db) or 0)


def whole_app(at: AppTest) -> AppTest:
    """The next run through app.py, with its sidebar (a rerun here runs the page on its own; app.py can be
    switched to once a page was)."""
    return at.switch_page("pages/home.py").run().switch_page("app.py").run()


def own_workshop(db: Engine, rules: SignInRules) -> int:
    """A workshop of the library's own, current, with these rules (a visitor in another language would look at
    the demo in that language, made at the first visit)."""
    wid = create_workshop(db, "Branch library week", "facilitate-branch", "lead-the-branch-week")
    set_current_workshop(db, wid)
    save_rules(db, wid, rules)
    return wid


def test_without_auth_secrets_sign_on_is_off_and_the_codes_work_as_before(db: Engine) -> None:
    save_rules(db, wid_of(db), SignInRules(facilitator_emails=frozenset({"frida@library.example"})))
    at = person_app("frida@library.example", sso=False)
    assert not [b for b in at.button if b.label == en("sso.sign_in_with", provider="Library")]
    assert en("sidebar.signed_in_as", role=en("role.facilitator")) not in sidebar_captions(at)
    assert any(b.label == en("gate.sign_in") for b in at.button)  # the passcode form, as before
    assert errors_of(at) == []


def test_with_auth_secrets_the_home_page_offers_the_providers_sign_in(demo_db: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.run()
    assert any(b.label == en("sso.sign_in_with", provider="Library") for b in at.button)
    assert any(b.label == en("gate.sign_in") for b in at.button)  # codes and passcodes still work
    assert errors_of(at) == []


def test_a_rule_changed_by_the_owner_holds_from_the_persons_next_run(db: Engine) -> None:
    wid = wid_of(db)
    save_rules(db, wid, SignInRules(facilitator_emails=frozenset({"frida@library.example"})))
    at = person_app("Frida@Library.example")
    assert en("sidebar.signed_in_as", role=en("role.facilitator")) in sidebar_captions(at)
    save_rules(db, wid, SignInRules(leadership_emails=frozenset({"frida@library.example"})))
    whole_app(at)
    assert en("sidebar.signed_in_as", role=en("role.leadership")) in sidebar_captions(at)
    save_rules(db, wid, SignInRules())
    whole_app(at)
    assert not [c for c in sidebar_captions(at) if c.startswith(en("sidebar.signed_in_as", role=""))]
    assert [t.value for t in at.title] == [en("sso.code_once_title")]  # the default: join by the team's code


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_a_person_without_a_role_sees_only_a_polite_page_in_each_language(db: Engine, lang: str) -> None:
    own_workshop(db, SignInRules(team_access=TeamAccess.ROSTER))
    at = person_app("nora@library.example", lang=lang)
    assert [t.value for t in at.title] == [translate(lang, "sso.no_role_title")]
    assert translate(lang, "sso.no_role_title") != en("sso.no_role_title") or lang == "en"
    assert not [b for b in at.button if b.label == translate(lang, "gate.sign_in")]  # no passcode form either
    assert [b.label for b in at.button] == [translate(lang, "sidebar.sign_out")]
    assert errors_of(at) == []


def test_a_person_types_the_teams_code_once_and_is_in_the_team_from_then_on(db: Engine) -> None:
    team, code = next(iter(demo_codes_hint()["teams"].items()))
    at = person_app("sofie@library.example")
    assert [t.value for t in at.title] == [en("sso.code_once_title")]
    next(w for w in at.text_input if w.label == en("gate.team_code")).input(code)
    next(b for b in at.button if b.label == en("gate.join")).click()
    whole_app(at.run())
    assert en("sidebar.signed_in_as", role=en("role.team")) in sidebar_captions(at)
    assert "code" not in at.query_params  # the person's identity, not a code, keeps the team
    later = person_app(" SOFIE@library.example")  # another browser, another day: no code asked
    assert en("sidebar.signed_in_as", role=en("role.team")) in sidebar_captions(later)
    assert not [w for w in later.text_input if w.label == en("gate.team_code")]
    assert errors_of(later) == []
    other = person_app("ole@library.example")  # the code was hers, not everybody's
    assert [t.value for t in other.title] == [en("sso.code_once_title")]
    assert team


def _workshops_page_as_owner(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.run()
    at.switch_page("pages/workshops.py").run()
    return at


def test_the_owners_sign_on_settings_need_the_owners_passcode(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    wid = wid_of(db)
    at = _workshops_page_as_owner(monkeypatch)
    key = f"sso_facilitator_emails_{wid}"
    assert not [a for a in at.text_area if a.key == key]  # not signed in as owner: no settings
    next(w for w in at.text_input if w.label == "Owner passcode").input(OWNER_CODE)
    next(b for b in at.button if b.label == "Sign in as owner").click()
    at.run()
    next(a for a in at.text_area if a.key == key).input("frida@library.example\nole(at)library.example")
    next(b for b in at.button if b.label == en("sso.save")).click()
    at.run()
    assert [e.value for e in at.error] == [
        "In the facilitators' e-mail addresses: 'ole(at)library.example' is not an e-mail address."
    ]
    assert rules_for(db, wid) == SignInRules()  # nothing stored
    next(a for a in at.text_area if a.key == key).input(" Frida@Library.example\nole@library.example")
    next(a for a in at.text_area if a.key == f"sso_leadership_groups_{wid}").input("library-leaders")
    next(b for b in at.button if b.label == en("sso.save")).click()
    at.run()
    assert errors_of(at) == []
    stored = rules_for(db, wid)
    assert stored.facilitator_emails == {"frida@library.example", "ole@library.example"}
    assert stored.leadership_groups == {"library-leaders"}


def test_a_person_without_a_role_here_can_look_at_the_workshop_where_she_has_one(db: Engine) -> None:
    demo = wid_of(db)
    save_rules(db, demo, SignInRules(facilitator_emails=frozenset({"frida@library.example"})))
    own_workshop(db, SignInRules(team_access=TeamAccess.ROSTER))  # the server's current one: nothing for her
    at = person_app("frida@library.example")
    assert [t.value for t in at.title] == [en("sso.no_role_title")]
    picker = next(s for s in at.selectbox if s.label == en("home.pick_workshop"))
    picker.set_value(demo)
    whole_app(at.run())
    assert en("sidebar.signed_in_as", role=en("role.facilitator")) in sidebar_captions(at)
    assert errors_of(at) == []


def test_where_people_join_by_code_the_latest_teams_link_a_person_opens_is_her_team(db: Engine) -> None:
    """A person who typed the wrong team's code once is not stuck there: the right team's link moves her."""
    (first, _), (second, second_code) = list(demo_codes_hint()["teams"].items())[:2]
    at = person_app("sofie@library.example")
    next(w for w in at.text_input if w.label == en("gate.team_code")).input(demo_codes_hint()["teams"][first])
    next(b for b in at.button if b.label == en("gate.join")).click()
    whole_app(at.run())
    assert en("home.signed_in", role=en("home.signed_in_as.team", team=first)) in successes(at)
    link = AppTest.from_file(APP, default_timeout=60)
    link.secrets["auth"] = AUTH
    link.user = {"is_logged_in": True, "email": "sofie@library.example", "name": "Sofie"}
    link.query_params["code"] = second_code
    link.run()
    later = whole_app(person_app("sofie@library.example"))
    assert en("home.signed_in", role=en("home.signed_in_as.team", team=second)) in successes(later)


def test_a_teams_link_does_not_make_a_facilitator_a_team_member(db: Engine) -> None:
    wid = wid_of(db)
    save_rules(db, wid, SignInRules(facilitator_emails=frozenset({"frida@library.example"})))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": "frida@library.example", "name": "Frida"}
    at.query_params["code"] = next(iter(demo_codes_hint()["teams"].values()))
    whole_app(at.run())
    assert en("sidebar.signed_in_as", role=en("role.facilitator")) in sidebar_captions(at)
    assert team_of(db, wid, "frida@library.example", TeamAccess.CODE) is None


def test_a_secrets_file_streamlit_cannot_read_leaves_sign_on_off_and_the_codes_working(
    demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('[auth\\nredirect_uri = "http://x/oauth2callback"\\n')
    monkeypatch.chdir(tmp_path)  # AppTest reads .streamlit/secrets.toml from the current directory
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not [b for b in at.button if b.label.startswith(en("sso.sign_in_with", provider=""))]
    assert any(b.label == en("gate.sign_in") for b in at.button)
    assert errors_of(at) == []
