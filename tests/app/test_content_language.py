"""Issue 13.3 in the app: a Norwegian facilitator creating a partnership week gets Norwegian main points,
questions and options; the content language follows the interface unless chosen otherwise."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.config.i18n import translate
from workshop.config.templates import templates
from workshop.domain.model import Role
from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.week.days import list_main_points, list_questions
from workshop.services.workshops.lifecycle import list_workshops

OWNER_CODE = "owner-of-this-database-2027"


def _in(lang: str, key: str) -> str:
    return translate(lang, key)


def test_a_norwegian_facilitator_creates_a_partnership_week_in_norwegian(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = fresh_app()
    # The sidebar's language picker, set before every run: AppTest sends the picker's first value otherwise.
    at.session_state["lang"] = "nb"
    at = at.switch_page("pages/workshops.py").run()
    next(w for w in at.text_input if w.label == _in("nb", "owner.code")).input(OWNER_CODE)
    at.session_state["lang"] = "nb"
    next(b for b in at.button if b.label == _in("nb", "owner.sign_in")).click().run()

    language = next(s for s in at.selectbox if s.label == _in("nb", "workshops.language"))
    assert language.value == "nb"  # the content language follows the interface by default
    start = next(s for s in at.selectbox if s.label == _in("nb", "workshops.template"))
    assert "Strategiuke om partnerskap" in start.options  # the templates are named in Norwegian
    start.set_value("partnership_week")
    next(w for w in at.text_input if w.label == _in("nb", "workshops.name")).input("Partnerskapsuka 2027")
    at.session_state["lang"] = "nb"
    next(b for b in at.button if b.label == _in("nb", "workshops.create")).click().run()
    assert errors_of(at) == []

    made = next(w for w in list_workshops(db) if w.name == "Partnerskapsuka 2027")
    week = templates("nb")["partnership_week"]
    assert made.language == "nb"
    assert [p.title for p in list_main_points(db, int(made.id or 0))] == [p.title for p in week.main_points]
    asked = list_questions(db, int(made.id or 0))
    assert asked[1].options[0] == "Nettverk: vi kjenner hverandre, men har ingen felles aktivitet akkurat nå"
    assert asked[0].text.startswith("Hvilke eksterne aktører har teamet ditt kontakt med i dag?")


def test_the_owner_may_choose_another_content_language_than_the_interface(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OWNER_VARIABLE, OWNER_CODE)
    at = fresh_app().switch_page("pages/workshops.py").run()
    next(w for w in at.text_input if w.label == "Owner passcode").input(OWNER_CODE)
    next(b for b in at.button if b.label == "Sign in as owner").click().run()
    next(s for s in at.selectbox if s.label == "Content language").set_value("da")
    next(s for s in at.selectbox if s.label == "Start from").set_value("four_spaces_week")
    next(w for w in at.text_input if w.label == "Name").input("Roskildeugen")
    next(b for b in at.button if b.label == "Create the workshop").click().run()
    assert errors_of(at) == []
    made = next(w for w in list_workshops(db) if w.name == "Roskildeugen")
    assert made.language == "da"
    assert list_main_points(db, int(made.id or 0))[2].title == "Biblioteket som mødested"


def test_the_strengths_figures_use_a_decimal_comma_in_danish(app_db: str) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.session_state["lang"] = "da"  # the sidebar's language picker
    at.switch_page("pages/strengths.py").run()
    assert errors_of(at) == []
    written = {v for v in at.dataframe[0].value.to_numpy().ravel() if isinstance(v, str)}  # shares and gaps as text
    assert "25,0\u00a0%" in written and "+15,6" in written and not any("." in v for v in written)
    assert any(re.search(r"andel \d+,\d\u00a0%", w.value, re.IGNORECASE) for w in at.warning)
