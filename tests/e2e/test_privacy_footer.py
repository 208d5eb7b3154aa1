"""The privacy page (issue 30) in a real browser: every page's footer links to it, below the page's content,
also on a page that stops half-way (the Workshops page before the owner signs in); a Danish browser gets the
Danish link and page; at 390 px the page reads without sideways scrolling."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server
from tests.e2e.driver import errors_on, open_app, wait_for_app
from workshop.config.i18n import translate
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e

FOOTER = ".st-key-privacy_footer"


def _below_everything(page: Any) -> bool:
    """The footer's top is below the bottom of every other element of the page's main column."""
    return bool(
        page.evaluate(
            """(sel) => {
                const footer = document.querySelector(sel);
                const main = document.querySelector('[data-testid="stMain"]');
                const top = footer.getBoundingClientRect().top;
                return [...main.querySelectorAll('[data-testid="stElementContainer"]')]
                    .filter((e) => !footer.contains(e) && e.checkVisibility({visibilityProperty: true}))
                    .filter((e) => e.getBoundingClientRect().height > 0)
                    .every((e) => e.getBoundingClientRect().bottom <= top + 1);
            }""",
            FOOTER,
        )
    )


# The home page, a page that stops half-way (the Workshops page before the owner signs in), a team's page.
@pytest.mark.parametrize("path", ["/", "/workshops", f"/answer?code={demo().teams[0].code}"])
def test_the_footer_links_to_the_privacy_page_below_the_content(new_page: Any, server: Server, path: str) -> None:
    page = new_page()
    open_app(page, path)
    link = page.locator(FOOTER).get_by_role("link", name=translate("en", "privacy.footer"))
    expect(link).to_be_visible()
    assert _below_everything(page)
    link.click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=translate("en", "privacy.title"))).to_be_visible()
    assert errors_on(page) == []


def test_a_danish_phone_reads_the_privacy_page_in_danish_without_sideways_scrolling(
    browser: Any, server: Server
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="da-DK",
        extra_http_headers={"Accept-Language": "da-DK,da;q=0.9"},
        base_url=server.url,
    )
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        open_app(page, "/")
        page.locator(FOOTER).get_by_role("link", name=translate("da", "privacy.footer")).click()
        wait_for_app(page)
        expect(page.get_by_role("heading", name=translate("da", "privacy.title"))).to_be_visible()
        expect(page.get_by_text(translate("da", "privacy.rights.title"))).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
