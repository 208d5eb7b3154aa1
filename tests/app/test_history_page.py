"""The record of who changed what (issue 29.3) on its page: leadership reads its own workshop's changes with
their authors (the signed-in person, or the role), filters and exports them; the owner reads any workshop's;
a team cannot reach it, and nothing on it changes the record."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.app.test_access_pages import printed_setup_code, set_owner, workshops_page
from workshop.domain.history import Actor, ByRole
from workshop.domain.model import Role
from workshop.services import history as records
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.history import acting
from workshop.services.week.planning import save_main_point
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, list_workshops
from workshop.store.tables import history

TITLE = '=HYPERLINK("http://evil.example") *children* first'
ADA = {"is_logged_in": True, "email": "ada@library.example", "name": "Ada Lovelace"}


def history_page(at: AppTest) -> AppTest:
    return at.switch_page("pages/history.py").run()


def texts(at: AppTest) -> list[str]:
    return [x.value for x in at.text]


def recorded(db: Engine) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(history)).scalar() or 0)


def propose_as(at: AppTest, title: str) -> AppTest:
    at = at.switch_page("pages/main_points.py").run()
    at.text_input(key="propose-point-title").input(title)
    return next(b for b in at.button if b.label == "Propose").click().run()


@pytest.mark.oidc
def test_leadership_reads_who_changed_what_in_its_own_workshop_only(db: Engine) -> None:
    other = create_workshop(db, "Another library", "facilitate-other", "lead-other")
    with acting(Actor(ByRole.FACILITATOR)):
        save_main_point(db, other, "Their secret plan")
    signed_in = sign_in(fresh_app(), Role.LEADERSHIP)
    signed_in.user = ADA  # sign-in on: the person, not only the role
    assert errors_of(propose_as(signed_in, TITLE)) == []
    assert errors_of(propose_as(sign_in(fresh_app(), Role.LEADERSHIP), "Reading clubs")) == []

    at = history_page(sign_in(fresh_app(), Role.LEADERSHIP))
    assert errors_of(at) == []
    assert at.title[0].value == "Who changed what"
    shown = texts(at)
    assert not any("Their secret plan" in s or "Another library" in s for s in shown)
    newest, before = shown[0:3], shown[3:6]
    assert newest[0].endswith(" · Leadership") and newest[1].startswith("Main point #")
    assert newest[1].endswith("added: title: Reading clubs; status: Proposed — not approved yet")
    assert before[0].endswith(" · Ada Lovelace <ada@library.example>")
    assert before[2] == TITLE  # the user's text exactly as typed: never Markdown, never a link
    assert any(s.endswith(" · Demo") for s in shown)  # the demo's own passcodes and teams
    assert not any(b.label in ("Delete", "Edit", "Save") for b in at.button)  # nothing here changes the record

    at.multiselect(key="history-kinds").set_value(["verdict"]).run()
    assert [i.value for i in at.info] == ["No change of these kinds is recorded yet."]


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Every file the page hands to a download button, by the end of the name the browser saves it under."""
    found: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self: Any, data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        if isinstance(data, bytes | str) and filename:
            found[filename.rsplit(".", 1)[-1]] = data.encode() if isinstance(data, str) else data
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return found


def test_the_exports_hold_every_change_with_its_author_formula_safe(db: Engine, downloads: dict[str, bytes]) -> None:
    signed_in = sign_in(fresh_app(), Role.LEADERSHIP)
    signed_in.user = ADA
    propose_as(signed_in, TITLE)
    at = history_page(sign_in(fresh_app(), Role.LEADERSHIP))
    assert {b.label for b in at.get("download_button")} == {"Download as CSV", "Download as JSON"}
    rows = list(csv.reader(io.StringIO(downloads["csv"].decode("utf-8-sig"))))
    assert rows[0] == ["When", "What", "Change", "Number", "Name", "Before → after", "Who", "Role", "E-mail"]
    ada = rows[1]
    assert ada[1:3] == ["Main point", "added"] and ada[4] == "'" + TITLE  # a spreadsheet shows it, never runs it
    assert ada[6:] == ["Ada Lovelace <ada@library.example>", "Leadership", "ada@library.example"]
    document = json.loads(downloads["json"])
    first = document["changes"][0]
    assert first["subject"] == TITLE
    assert first["by"] == {"role": "leadership", "name": "Ada Lovelace", "email": "ada@library.example"}
    assert len(document["changes"]) == len(rows) - 1 == recorded_in(db, int(current_workshop_id(db) or 0))


def recorded_in(db: Engine, wid: int) -> int:
    with db.connect() as conn:
        return int(conn.execute(select(func.count()).where(history.c.workshop_id == wid)).scalar() or 0)


def test_a_team_cannot_reach_the_record(db: Engine) -> None:
    at = history_page(sign_in(fresh_app(), Role.TEAM))
    assert not any(t.value == "Who changed what" for t in at.title)
    assert not any(" · " in s for s in texts(at))


def test_the_owner_reads_any_workshops_record_and_an_empty_one_says_so(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, "owner-of-this-database-2027")
    at = fresh_app().switch_page("pages/workshops.py").run()
    next(w for w in at.text_input if w.label == "Owner passcode").input("owner-of-this-database-2027")
    next(b for b in at.button if b.label == "Sign in as owner").click()
    at = history_page(at.run())
    assert errors_of(at) == [] and at.title[0].value == "Who changed what"
    assert any(s.endswith(" · Demo") for s in texts(at))
    at.selectbox[0].set_value(-1).run()  # outside any workshop: the owner passcode came from the server's setting
    assert [i.value for i in at.info] == ["No change is recorded yet."]
    assert recorded(db) > 0


def test_the_owner_who_sets_the_passcode_and_creates_a_workshop_is_named_as_the_owner(
    db: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    at = workshops_page(fresh_app())
    at, _ = set_owner(at, printed_setup_code(capsys))
    next(w for w in at.text_input if w.label == "Name").input("Strategy week 2027")
    next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert errors_of(at) == []
    outside = records.entries(db, None)
    assert [(e.kind, e.change, e.by) for e in outside] == [("role", "added", Actor(ByRole.OWNER))]
    created = next(w for w in list_workshops(db) if w.name == "Strategy week 2027")
    first = records.entries(db, created.id)
    assert [(e.kind, e.subject, e.by) for e in first] == [("role", "Strategy week 2027", Actor(ByRole.OWNER))]
