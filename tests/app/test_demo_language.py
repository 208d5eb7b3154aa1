"""Issue 27.5: the public demo speaks the visitor's language. A Danish visitor's first screen showed the
English demo ("Demo: Nordby Public Library — strategy week", English team names) under a Danish interface."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, sign_in
from workshop.config.i18n import translate
from workshop.config.templates import demo
from workshop.domain.model import Role


def visit(locale: str) -> AppTest:
    """A first visit from a browser set to `locale`, on the database whose current workshop is the English
    demo (as the app makes it on an empty database)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"locale": locale}
    return at.run()


def team_codes_line(at: AppTest, lang: str) -> str:
    return next(c.value for c in at.caption if c.value.startswith(translate(lang, "home.demo_team_codes")))


@pytest.mark.parametrize(("locale", "lang"), [("da-DK", "da"), ("nb-NO", "nb"), ("nl-NL", "nl"), ("en-GB", "en")])
def test_a_visitor_sees_the_demo_in_the_browsers_language(demo_db: str, locale: str, lang: str) -> None:
    at = visit(locale)
    assert errors_of(at) == []
    assert at.title[0].value == demo(lang).name
    line = team_codes_line(at, lang).replace("\\", "")  # as read: without its Markdown escapes
    assert all(team.name in line for team in demo(lang).teams)
    if lang != "en":
        assert demo("en").name not in [t.value for t in at.title]
        assert not any(team.name in line for team in demo("en").teams)
    assert [s for s in at.selectbox if s.label == translate(lang, "home.pick_workshop")] == []  # one demo, no picker


def test_the_switch_takes_a_visitor_to_the_demo_in_that_language_and_a_sign_in_stays(demo_db: str) -> None:
    at = visit("nl-NL")
    assert at.title[0].value == demo("nl").name
    at.selectbox(key="lang").set_value("da").run()
    assert at.title[0].value == demo("da").name
    at = sign_in(at, Role.FACILITATOR)
    at.switch_page("app.py").run()
    at.selectbox(key="lang").set_value("en").run()
    assert errors_of(at) == []
    assert demo("da").name in [t.value for t in at.title]  # signed in to the Danish demo: it stays
    who = translate("en", "home.signed_in_as.facilitator")
    assert translate("en", "home.signed_in", role=who) in [s.value for s in at.success]
