"""The facilitator is guided through the setup: a new team's code comes with a printable sheet at once,
a new workshop is announced with the offer to make it current, and a template can be previewed first."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.app.test_access_pages import OWNER_CODE, owner_signs_in, workshops_page
from workshop.config.templates import templates
from workshop.domain.model import Role
from workshop.services.access.codes import join_team
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.workshops.lifecycle import current_workshop_id, list_workshops


def test_a_new_team_gets_its_code_and_its_own_printable_sheet_at_once(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/teams.py").run()
    at.text_input(key="new_team_name").input("Makerspace crew")
    next(b for b in at.button if b.label == "Add the team").click().run()
    assert errors_of(at) == []
    box = next(b for b in at.main.children.values() if getattr(b.proto, "id", "").endswith("new-team"))
    message = next(x.value for x in box.text if x.value.startswith("Team Makerspace crew created"))
    code = message.split("join code is ")[1].split(" ")[0]
    assert join_team(db, int(current_workshop_id(db) or 0), code, session="test").name == "Makerspace crew"
    assert any(c.value.startswith(code) for c in box.code)  # the code with its join link, to copy
    sheets = [d.proto.label for d in box.get("download_button")]
    assert sheets == ["Download this team's sheet to print (HTML)"]


def test_a_created_workshop_is_announced_with_the_offer_to_make_it_current(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = owner_signs_in(workshops_page(fresh_app()))
    next(w for w in at.text_input if w.label == "Name").input("Strategy week 2027")
    next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert errors_of(at) == []
    assert [s.value for s in at.success if s.value.startswith("The workshop is created")]
    assert "Strategy week 2027" in [x.value for x in at.text]
    assert [link.proto.label for link in at.get("page_link") if "new workshop" in link.proto.label] == [
        "Open the new workshop's home page"
    ]
    make_current = next(b for b in at.button if b.label == "Make this workshop the current one")
    make_current.click().run()
    new_id = next(w.id for w in list_workshops(db) if w.name == "Strategy week 2027")
    assert current_workshop_id(db) == new_id
    assert not [s.value for s in at.success if s.value.startswith("The workshop is created")]  # said once


def test_a_template_is_previewed_before_any_workshop_is_made_from_it(db: Engine) -> None:
    at: AppTest = workshops_page(fresh_app())
    before = len(list_workshops(db))
    box = at.selectbox(key="preview-template")
    box.set_value("partnership_week").run()
    chosen = templates("en")["partnership_week"]
    texts = [x.value for x in at.text]
    assert "1. " + chosen.main_points[0].title in texts
    assert any(chosen.days[0].questions[0].text in x for x in texts)
    days = [m.value for m in at.markdown if m.value.startswith("**Day ")]
    assert len(days) == len(chosen.days)
    assert len(list_workshops(db)) == before  # a preview creates nothing
