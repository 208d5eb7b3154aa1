"""Issue 24.3: a web or e-mail address typed into user text never becomes a link, in a real browser.

Streamlit's frontend makes a link of every http(s)://, www. and e-mail address in any element that reads
Markdown, however the text is escaped. The hostile week (tests/hostile_week.py) puts http://evil.example,
www.evil.example and mail@evil.example into every user-text field (the workshop's name, main points,
themes, proposals, assets, partners, team names, choice options, target groups, ...). Each role visits every
page of its menu, opens every tab and popover, and the page must hold no link away from the app (evil.example, the
payload's image address, mailto:, javascript:) and no link made of user text (its text, or a heading's
anchor made of it); the field markers prove the fields the issue names were on the pages counted. On the
code before the fix, 18 of the 45 pages held such links. AppTest checks every element's strings the same
way (tests/app/test_hostile_text.py); this test checks what the frontend really draws."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from playwright.sync_api import expect

from tests.conftest import REAL_SCRYPT_N
from tests.e2e.conftest import FIGURES, Server, page_factory, running_server
from tests.e2e.driver import (
    en,
    errors_on,
    go_to,
    join_team,
    nav_titles,
    open_app,
    press,
    sign_in_staff,
    wait_for_app,
)
from tests.hostile_week import FACILITATOR, LEADERSHIP, marker, seed
from workshop.domain.model import Role
from workshop.services.access import codes as access
from workshop.store import make_engine, migrate

pytestmark = pytest.mark.e2e

# Links the page holds that lead away from the app (to evil.example or the payload's image address, a mailto:
# or javascript: link), or that carry user text in their text or address (a heading's anchor is made of its
# text: "#zworkshopname-z-b-..."). The app's own links stay on its origin (menu, skip link).
BAD_LINKS = """() => [...document.querySelectorAll('a')].filter((a) => {
  const href = a.getAttribute('href') || '';
  return new URL(href, location.href).origin !== location.origin || /evil\\.example|z[a-z]+-?z\\b/i.test(href)
    || /Z[a-z]+Z/.test(a.textContent);
}).map((a) => `${a.getAttribute('href')} <- ${a.textContent.slice(0, 80)}`)"""
# The field markers the page holds as text (its elements, chips, charts' SVG), with the addresses as a reader
# sees them (word joiners dropped).
SHOWN = """() => {
  const text = document.body.textContent.replaceAll('\\u2060', '');
  return {markers: text.match(/Z[a-z]+Z/g) || [], address: text.includes('http://evil.example'),
          web: text.includes('www.evil.example'), mail: text.includes('mail@evil.example')};
}"""
# The fields the issue names: each must be shown on some page, or the test proves nothing for it.
NAMED = [
    "workshop name",
    "main point title",
    "theme title",
    "proposed offer name",
    "screening title",
    "asset title",
    "partner name",
    "team name",
    "option one",
    "tg",
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    """A server of its own on the hostile week (the current workshop); gives the team's join code."""
    folder = tmp_path_factory.mktemp("e2e-hostile")
    url = f"sqlite:///{folder / 'hostile.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    with mock.patch.object(access, "_N", REAL_SCRYPT_N):  # the server finds a team code by its hash at its cost
        code = seed(engine).ids["code"]
    engine.dispose()
    with running_server(url, folder / "streamlit.log") as started:
        yield started, code


def visit_tabs(page: Any) -> None:
    """Open every tab of the page in turn (a tab's content may be drawn only once it is chosen)."""
    tabs = page.get_by_test_id("stMain").get_by_role("tab")
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        if tab.is_visible() and tab.get_attribute("aria-selected") != "true":
            tab.click()
            wait_for_app(page)


def visit_popovers(page: Any, where: str, found: dict[str, list[str]], shown: set[str]) -> int:
    """Open every popover of the page in turn (its content is drawn only while it is open) and look inside;
    gives how many were opened. Expanders are opened first: a popover in a closed one cannot be clicked. Some
    expanders start a run when opened (the week log's comment action, on_change="rerun"): the page is left to
    finish those runs before a popover is pressed, as it would be redrawn under the press."""
    closed = page.get_by_test_id("stMain").locator("[data-testid='stExpander'] details:not([open]) > summary")
    for summary in closed.element_handles():  # those in a tab not chosen stay closed
        if summary.is_visible():
            summary.click()
    wait_for_app(page)
    buttons = page.get_by_test_id("stMain").get_by_test_id("stPopoverButton")
    opened = 0
    for index in range(buttons.count()):
        if buttons.nth(index).is_visible():
            opened += 1
            label = f"{where} / popover {index + 1} ({buttons.nth(index).inner_text().strip()!r})"
            press(buttons.nth(index))
            body = page.get_by_test_id("stPopoverBody").first
            expect(body, f"{label}: its body did not open").to_be_visible(timeout=30_000)
            look(page, label, found, shown)
            page.keyboard.press("Escape")
            expect(body, f"{label}: its body did not close on Escape").to_be_hidden(timeout=30_000)
    return opened


def look(page: Any, where: str, found: dict[str, list[str]], shown: set[str]) -> None:
    assert errors_on(page) == [], where
    if links := page.evaluate(BAD_LINKS):
        found[where] = links
    seen = page.evaluate(SHOWN)
    shown.update(seen["markers"])
    shown.update(kind for kind in ("address", "web", "mail") if seen[kind])


def sign_in(page: Any, role: Role, code: str) -> None:
    if role == Role.TEAM:
        join_team(page, code, "")
    else:
        sign_in_staff(page, role.value, FACILITATOR if role == Role.FACILITATOR else LEADERSHIP)


def test_no_address_in_user_text_becomes_a_link_on_any_page_of_any_role(
    browser: Any, hostile_server: tuple[Server, str]
) -> None:
    server, code = hostile_server
    found: dict[str, list[str]] = {}
    shown: set[str] = set()
    popovers = 0
    with page_factory(browser, server) as make:
        page = make()
        open_app(page)
        look(page, "signed out / home", found, shown)
        for role in Role:
            started = time.monotonic()
            page = make()  # a browser context of its own: a new session
            open_app(page)
            sign_in(page, role, code)
            titles = nav_titles(page)
            for title in titles:
                go_to(page, title)
                expect(page.get_by_text(en("gate.not_allowed"))).to_have_count(0)
                visit_tabs(page)
                look(page, f"{role.value} / {title}", found, shown)
                popovers += visit_popovers(page, f"{role.value} / {title}", found, shown)
            FIGURES.append(f"hostile text, the {role.value}'s {len(titles)} pages: {time.monotonic() - started:.1f} s")
    assert popovers >= 2, "the proposals' and the own comment's popovers were not opened"
    assert not found, "links made of user text:\n" + "\n".join(f"{k}: {v}" for k, v in found.items())
    assert {"address", "web", "mail"} <= shown, f"the addresses were shown on no page: {shown}"
    missing = [name for name in NAMED if marker(name) not in shown]
    assert not missing, f"shown on no page, so the link count proves nothing for them: {missing}"
