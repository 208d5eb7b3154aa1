"""A browser set to Danish sees the first page in Danish, before any switch (issue 13.2); the switch wins
and the session keeps it from page to page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORT, Server
from tests.e2e.driver import choose, en, errors_on, go_to, open_app, wait_for_app
from workshop.config.i18n import UI_LANGUAGES, translate

pytestmark = pytest.mark.e2e


def test_a_danish_browser_sees_danish_first_and_the_switch_wins_for_the_session(browser: Any, server: Server) -> None:
    context = browser.new_context(
        viewport=VIEWPORT, base_url=server.url, locale="da-DK", extra_http_headers={"Accept-Language": "da-DK,da;q=0.9"}
    )
    try:
        page = context.new_page()
        open_app(page)
        expect(page.get_by_role("heading", name=translate("da", "home.model_title"))).to_be_visible()
        expect(page.get_by_role("heading", name=en("home.model_title"))).to_have_count(0)
        language = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
        expect(language.get_by_role("combobox")).to_have_value(UI_LANGUAGES["da"])
        assert errors_on(page) == []

        choose(page, language, UI_LANGUAGES["en"])
        expect(page.get_by_role("heading", name=en("home.model_title"))).to_be_visible()
        go_to(page, en("nav.workshops"))
        go_to(page, en("nav.home"))
        wait_for_app(page)
        expect(page.get_by_role("heading", name=en("home.model_title"))).to_be_visible()
    finally:
        context.close()
