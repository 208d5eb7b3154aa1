"""A first visit speaks the join link's lang= (or the browser's language); the sidebar switch wins after."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of
from workshop.config.i18n import UI_LANGUAGES, translate
from workshop.config.templates import demo
from workshop.services.whole.demo import demo_codes_hint


def _opened(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def _model_title(at: AppTest) -> str:
    return next(s.value for s in at.subheader if s.value in {translate(x, "home.model_title") for x in UI_LANGUAGES})


@pytest.mark.parametrize(("link", "lang"), [("da", "da"), ("nb", "nb"), ("no", "nb"), ("nl", "nl"), ("fr", "en")])
def test_a_link_with_lang_opens_the_first_page_in_that_language(demo_db: str, link: str, lang: str) -> None:
    at = _opened(lang=link)
    assert errors_of(at) == []
    assert _model_title(at) == translate(lang, "home.model_title")
    assert at.selectbox(key="lang").value == lang


def test_the_switch_wins_over_the_link_and_is_kept_for_the_session(demo_db: str) -> None:
    at = _opened(lang="da")
    at.selectbox(key="lang").set_value("nl").run()
    assert _model_title(at) == "De vier ruimtes"
    at.switch_page("pages/workshops.py").run()
    assert at.title[0].value == translate("nl", "workshops.title")
    at.switch_page("pages/home.py").run()
    assert _model_title(at) == "De vier ruimtes"  # the link's lang=da does not come back


def test_a_join_link_in_norwegian_signs_the_team_in_in_norwegian(demo_db: str) -> None:
    code = next(iter(demo_codes_hint()["teams"].values()))  # type: ignore[attr-defined]
    at = _opened(code=code, lang="nb")
    assert errors_of(at) == []
    assert at.selectbox(key="lang").value == "nb"
    assert [t.value for t in at.title] == [translate("nb", "nav.answer")]  # the link opens the team's answers
    team = next(t.name for t in demo("nb").teams if t.code == code)  # the demo in the visitor's language (27.5)
    assert translate("nb", "answer.title", team=team) in [x.value for x in at.text]
