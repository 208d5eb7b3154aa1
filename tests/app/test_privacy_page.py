"""The privacy page (issue 30): in every language, reached from every page's footer, naming the contact the owner
filled in; the owner finds, hands over and erases one person on the Workshops page; the reports page leaves
contact details out unless they are ticked."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from sqlalchemy import Engine, select, update
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, sign_in
from workshop.config.i18n import translate
from workshop.domain.model import LANGUAGES, Role
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.privacy.people import person_data, set_privacy_contact
from workshop.store import read, write
from workshop.store.tables import partner_proposals, workshops

OWNER_CODE = "owner-of-this-database-2027"


def _links(at: AppTest) -> list[str]:
    return [str(e.proto.label) for e in at.get("page_link")]


def _opened(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_privacy_page_says_what_is_kept_why_for_how_long_and_whom_to_ask_in_each_language(
    demo_db: str, lang: str
) -> None:
    at = _opened(lang)
    assert translate(lang, "privacy.footer") in _links(at), "the home page's footer links to it"
    at.switch_page("pages/privacy.py").run()
    assert errors_of(at) == []
    assert [t.value for t in at.title] == [translate(lang, "privacy.title")]
    headings = [h.value for h in at.subheader]
    parts = ("what", "why", "who", "how_long", "rights", "contact")
    assert headings == [translate(lang, f"privacy.{part}.title") for part in parts]
    shown = " ".join(m.value for m in at.markdown)
    assert translate(lang, "privacy.contact.none") in shown  # nothing filled in yet: whom to ask instead
    assert translate(lang, "privacy.removed") in shown
    if lang != "en":
        assert translate("en", "privacy.what.body") not in shown


def test_the_privacy_page_shows_the_owners_contact_as_typed_and_this_workshops_date(db: Engine) -> None:
    set_privacy_contact(db, "Data protection officer, dpo@nordby.dk **not bold**")
    at = _opened()
    at.switch_page("pages/privacy.py").run()
    assert "Data protection officer, dpo@nordby.dk **not bold**" in [t.value for t in at.text]
    assert any(i.value.startswith("In the workshop you are in, personal data is kept until") for i in at.info)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_open_the_privacy_page(demo_db: str, role: Role) -> None:
    """Registered in every role's navigation (a page left out would show the home page or an error). The footer
    on every role's pages is checked in a real browser: tests/e2e/test_privacy_footer.py."""
    at = sign_in(_opened(), role)
    at.switch_page("pages/privacy.py").run()
    assert errors_of(at) == [] and [t.value for t in at.title] == ["Privacy: what this app keeps about people"]


def _owner(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = _opened()
    at.switch_page("pages/workshops.py").run()
    next(w for w in at.text_input if w.label == "Owner passcode").input(OWNER_CODE)
    next(b for b in at.button if b.label == "Sign in as owner").click()
    return at.run()


def test_the_owner_finds_a_person_downloads_their_data_and_erases_them_after_confirming(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _owner(monkeypatch)
    wid = int(at.session_state["workshop_id"]) if "workshop_id" in at.session_state else 1
    next(w for w in at.text_input if w.label == "A person's name or e-mail address").input("  lise HOLM ")
    next(b for b in at.button if b.label == "Find this person").click()
    at.run()
    assert errors_of(at) == []
    found = len(person_data(db, wid, "Lise Holm"))
    assert found and f"{found} places in this workshop name this person." in [m.value for m in at.markdown]
    assert any(d.proto.label == "Download their data (JSON)" for d in at.get("download_button"))
    erase = next(b for b in at.button if b.label == "Erase this person")
    assert erase.disabled, "not without the confirmation"
    next(c for c in at.checkbox if c.label.startswith("Yes, erase this person")).check()
    at.run()
    next(b for b in at.button if b.label == "Erase this person").click()
    at.run()
    assert errors_of(at) == []
    assert "Erased. Changed rows per table:" in [s.value for s in at.success]
    assert any(t.value.startswith("partner_proposals: contact 2") for t in at.text)
    assert person_data(db, wid, "Lise Holm") == []
    with read(db) as conn:
        assert "Lise Holm" not in json.dumps(list(conn.execute(select(partner_proposals.c.contact)).scalars()))


def test_the_owner_sets_the_retention_period_and_a_wrong_one_is_refused_by_the_widget(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _owner(monkeypatch)
    months = next(n for n in at.number_input if n.label.startswith("Keep this workshop's personal data"))
    assert months.value == 12
    months.set_value(24)
    next(b for b in at.button if b.label == "Save the period").click()
    at.run()
    assert errors_of(at) == []
    assert next(n for n in at.number_input if n.label.startswith("Keep this workshop's")).value == 24


def test_reports_leave_out_contact_details_unless_ticked(demo_db: str) -> None:
    at = sign_in(_opened(), Role.LEADERSHIP)
    at.switch_page("pages/reports.py").run()
    box = next(c for c in at.checkbox if c.label.startswith("Include contact details"))
    assert box.value is False


def test_the_app_erases_a_workshop_past_its_retention_period_when_it_starts(db: Engine) -> None:
    long_ago = dt.date.today() - dt.timedelta(days=800)
    with write(db) as conn:
        conn.execute(update(workshops).values(end_date=long_ago))
    assert "Lise Holm" in _contacts(db)
    _opened()  # the server starts on this database: retention runs in the background, then daily
    deadline = time.monotonic() + 30
    while "Lise Holm" in _contacts(db) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _contacts(db) == {""}


def _contacts(engine: Engine) -> set[str]:
    with read(engine) as conn:
        return set(conn.execute(select(partner_proposals.c.contact)).scalars())
