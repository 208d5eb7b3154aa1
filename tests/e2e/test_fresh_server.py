"""Issue 27.6: the first visitor of a freshly started server. Until some session has called st.navigation,
Streamlit runs an app with a pages/ folder in its old pages-folder mode, where the widgets app.py draws
get other IDs than in every later run: the first Danish sign-in after a restart landed on an English page,
not signed in, with the language box showing English under its Danish label. Each test starts its own
server and does not warm it (TESTING.md, "A fresh server's first session is a separate case")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORT, Server, running_server
from tests.e2e.driver import errors_on, signed_in_line, wait_for_app
from workshop.config.i18n import UI_LANGUAGES, translate
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e

BROWSER_LOCALES = {"da": "da-DK", "nb": "nb-NO", "nl": "nl-NL"}


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server of its own, started for this test: no session has run on it yet."""
    with running_server(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "streamlit.log") as started:
        yield started


def _browser_in(browser: Any, server: Server, lang: str) -> Any:
    locale = BROWSER_LOCALES[lang]
    return browser.new_context(
        viewport=VIEWPORT,
        base_url=server.url,
        locale=locale,
        extra_http_headers={"Accept-Language": f"{locale},{lang};q=0.9"},
    )


def _sign_in_as_facilitator(page: Any, lang: str) -> None:
    """The home page's passcode form, read in the visitor's language."""
    button = page.get_by_role("button", name=translate(lang, "gate.sign_in"))
    form = page.get_by_test_id("stForm").filter(has=button)
    form.get_by_text(translate(lang, "role.facilitator"), exact=True).click()
    form.get_by_label(translate(lang, "gate.passcode")).fill(demo(lang).facilitator_code)
    form.get_by_role("button", name=translate(lang, "gate.sign_in")).click()


@pytest.mark.parametrize("lang", list(BROWSER_LOCALES))
def test_the_first_sign_in_on_a_fresh_server_is_signed_in_and_in_the_browsers_language(
    browser: Any, fresh_server: Server, shots: Any, lang: str
) -> None:
    context = _browser_in(browser, fresh_server, lang)
    try:
        page = context.new_page()
        page.goto("/")  # the server's very first session
        wait_for_app(page)
        language = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
        expect(language.get_by_role("combobox")).to_have_value(UI_LANGUAGES[lang])
        _sign_in_as_facilitator(page, lang)
        signed_in = page.get_by_text(signed_in_line("facilitator", lang=lang))
        expect(signed_in).to_be_visible()
        wait_for_app(page, settle=0)
        shots(page, f"signed-in-{lang}")
        expect(signed_in).to_be_visible()
        expect(language.get_by_role("combobox")).to_have_value(UI_LANGUAGES[lang])
        expect(page.get_by_role("heading", name=translate(lang, "home.model_title"))).to_be_visible()
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_contain_text(translate(lang, "sidebar.sign_out"))
        expect(sidebar).not_to_contain_text(translate("en", "sidebar.sign_out"))
        assert errors_on(page) == []
    finally:
        context.close()


def test_visitors_arriving_together_on_a_fresh_server_all_sign_in_in_their_language(
    browser: Any, fresh_server: Server
) -> None:
    """After a restart many tabs reconnect at once: each first run in the old mode is run again, whichever
    session switched the mode off first (the check is per run, not by the process-wide flag alone)."""
    contexts = {lang: _browser_in(browser, fresh_server, lang) for lang in BROWSER_LOCALES}
    try:
        pages = {lang: context.new_page() for lang, context in contexts.items()}
        for page in pages.values():
            page.goto("/", wait_until="commit")  # all three before any has drawn
        for lang, page in pages.items():
            wait_for_app(page)
            _sign_in_as_facilitator(page, lang)
        for lang, page in pages.items():
            expect(page.get_by_text(signed_in_line("facilitator", lang=lang))).to_be_visible()
            language = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
            expect(language.get_by_role("combobox")).to_have_value(UI_LANGUAGES[lang])
            assert errors_on(page) == []
    finally:
        for context in contexts.values():
            context.close()
