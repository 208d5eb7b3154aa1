"""How a person drives the app in the browser: wait until drawn, sign in on the home page, use the menu."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from sqlalchemy import func, select

from bench.browser import wait_for_app
from tests.e2e.conftest import FIGURES
from workshop.config.i18n import translate
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store.engine import make_engine
from workshop.store.tables import responses

ERROR_ELEMENTS = "[data-testid='stException'], [data-testid='stAlertContentError']"


def en(key: str, **params: object) -> str:
    """The English text of a UI key (data/locales/en.yaml): selectors follow the wording, not the code."""
    return translate("en", key, **params)


def open_app(page: Any, path: str = "/") -> None:
    page.goto(path)
    wait_for_app(page)


def errors_on(page: Any) -> list[str]:
    """The text of every error or exception element the page shows."""
    return [e.inner_text() for e in page.locator(ERROR_ELEMENTS).all()]


def sign_in_staff(page: Any, role_key: str, passcode: str) -> None:
    """Facilitator or leadership: the home page's passcode form."""
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=en("gate.sign_in")))
    form.get_by_text(en(f"role.{role_key}"), exact=True).click()
    form.get_by_label(en("gate.passcode")).fill(passcode)
    form.get_by_role("button", name=en("gate.sign_in")).click()
    _signed_in_on_home(page, role_key)


def send_team_code(page: Any, code: str) -> None:
    """The home page's team tab: type the join code and press join."""
    page.get_by_role("tab", name=en("gate.team_tab"), exact=True).click()
    page.get_by_label(en("gate.team_code")).fill(code)
    page.get_by_role("button", name=en("gate.join")).click()


def join_team(page: Any, code: str, team_name: str) -> None:
    """A team: the home page's team tab and its join code."""
    send_team_code(page, code)
    _signed_in_on_home(page, "team", team_name)


def signed_in_line(role_key: str, team: str = "", lang: str = "en") -> str:
    """The home page's "You are signed in as ..." line of a role (a team's with its name)."""
    return translate(lang, "home.signed_in", role=translate(lang, f"home.signed_in_as.{role_key}", team=team))


def _signed_in_on_home(page: Any, role_key: str, team: str = "") -> None:
    """Wait out the run a sign-in started: the home page's "signed in" line is shown only by that run, so
    once it is visible the run has begun."""
    line = signed_in_line(role_key, team)
    if role_key == "team" and not team:  # any team's name (a hostile one shows with word joiners in it)
        before, _, after = signed_in_line(role_key, "\x00").partition("\x00")
        line = re.compile(f"^{re.escape(before)}.*{re.escape(after)}$", re.DOTALL)  # type: ignore[assignment]
    signed_in = page.get_by_text(line)
    expect(signed_in).to_be_visible()
    wait_for_app(page, settle=0)
    expect(signed_in).to_be_visible()


def menu_links(page: Any) -> Any:
    """The links of the app's sidebar menu (ui.navigation.sidebar_menu: page links in the sidebar)."""
    return page.get_by_test_id("stSidebar").get_by_test_id("stPageLink-NavLink")


def nav_titles(page: Any) -> list[str]:
    """The titles of every page in the sidebar menu, without their icons (once the menu is drawn: every
    role's menu has at least one page)."""
    menu_links(page).first.wait_for(state="visible")
    return [link.inner_text().strip().splitlines()[-1].strip() for link in menu_links(page).all()]


def go_to(page: Any, title: str) -> None:
    """Click a page in the sidebar menu and wait until it is drawn. To another page: the address changes
    once the server has started that page's run (not at the click), so the wait starts from there."""
    link = menu_links(page).filter(has_text=title).first
    target = link.evaluate("(a) => new URL(a.href, document.baseURI).pathname")
    leaving = target != page.evaluate("() => location.pathname")
    link.click()
    if leaving:
        page.wait_for_function("(path) => location.pathname === path", arg=target, timeout=30_000)
        wait_for_app(page, settle=0)
    else:
        wait_for_app(page)


# Where the browser delivered the press: whether its pointerdown and its click landed on the element. A click is
# fired only where both pointerdown and pointerup land; when the page moves between them it goes to their
# common ancestor, and the button's handler never runs.
_WATCH_PRESS = """(el) => {
  const seen = {down: '', click: ''};
  const where = (e) => el.contains(e.target) ? 'on it'
    : (e.target.closest('[data-testid]') || e.target).getAttribute('data-testid') || e.target.tagName;
  document.addEventListener('pointerdown', (e) => { seen.down = where(e); }, {capture: true, once: true});
  document.addEventListener('click', (e) => { seen.click = where(e); }, {capture: true, once: true});
  window.__workshopPress = seen;
}"""


def press(target: Any, attempts: int = 3) -> None:
    """Click `target` (a button) as a person does, and make sure the browser delivered the click to it. Under
    load the page's scroll position sometimes jumps back between the press and the release of a button that
    Playwright had to scroll into view (seen: pointerdown on "Save the theme", pointerup on the form above it
    after the main area had scrolled back to the top; no click event on the button, nothing sent to the
    server). That is a click that never happened, not one the app ignored: it is pressed again, and counted.
    A click the browser delivered is never repeated, so a click the app drops still fails the test."""
    page, missed = target.page, []
    for attempt in range(attempts):
        target.evaluate(_WATCH_PRESS)
        target.click()
        seen = page.evaluate("() => window.__workshopPress || null")
        if seen is None or seen["click"] == "on it":  # None: the click opened another document
            return
        missed.append(f"pointerdown {seen['down'] or 'none'}, click {seen['click'] or 'none'}")
        FIGURES.append(f"a click the browser did not deliver to {target}: {missed[-1]}")
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(200 * (attempt + 1))
    raise AssertionError(f"the browser never delivered a click to {target}: {missed}")


def choose(page: Any, box: Any, option: str, attempts: int = 4) -> None:
    """Pick an option of a Streamlit selectbox (the locator of its stSelectbox) as a person would, and check
    that the box shows it. A redraw that lands while the list is open can close it or swallow the click (seen
    under load in CI): close the list, open it again and pick again."""
    combobox = box.get_by_role("combobox")
    for _ in range(attempts):
        box.click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=5_000)
            wait_for_app(page)
            expect(combobox).to_have_value(option, timeout=3_000)
            return
        except (PlaywrightError, AssertionError):
            page.keyboard.press("Escape")
            wait_for_app(page)
    expect(combobox).to_have_value(option)


def answers_in(engine: Any, wid: int) -> int:
    """How many team answers the workshop holds."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(responses.c.workshop_id == wid)).scalar() or 0)


def demo_made(database_url: str, seconds: float = 60) -> tuple[Any, int]:
    """(engine, id) of the demo workshop a server's first visit makes. The page may report itself drawn while
    that first run is still migrating the file and making the demo (on a busy machine, seconds later), so
    every test that reads a server's demo after opening it asks here instead of reading it at once."""
    from sqlalchemy.exc import OperationalError

    engine = make_engine(database_url)
    deadline = time.monotonic() + seconds
    while True:
        try:
            # The workshop is there from the demo's first transaction on (and current: the first workshop is),
            # its days opened and its answers only with the last one: wait for the answers.
            if (wid := current_workshop_id(engine)) and answers_in(engine, wid):
                return engine, int(wid)
        except OperationalError:
            pass  # no tables yet: the first run is still migrating
        if time.monotonic() > deadline:
            raise AssertionError(f"the server made no demo workshop within {seconds:.0f} s")
        time.sleep(0.25)
