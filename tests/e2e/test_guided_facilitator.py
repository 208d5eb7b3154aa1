"""The facilitator is guided (issue 26.3), in a real browser: on a phone the home page shows the week's
checklist, one step framed as "now", and its link opens the page where the step is done; on the week
setup page the Days tab stays the one in use after a question is added."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, Shots, demo_database, page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from tests.e2e.test_phone import PHONE, nothing_wider_than_the_screen
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e

# The text of the checklist's links that does not fit its box (a label cut off with "…").
CUT_OFF = """() => [...document.querySelectorAll('[class*="st-key-checklist-"] a p')]
  .filter((p) => p.offsetParent !== null && p.scrollWidth > p.clientWidth + 1).map((p) => p.innerText)"""


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: the journey adds a question to the demo, which other journeys count."""
    folder = tmp_path_factory.mktemp("e2e-guided")
    with running_server(demo_database(folder / "guided.sqlite3"), folder / "streamlit.log") as started:
        yield started


def test_the_facilitators_checklist_on_a_phone_leads_to_the_step_to_do_now(
    browser: Any, own_server: Server, shots: Shots
) -> None:
    context = browser.new_context(**PHONE, base_url=own_server.url)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        open_app(page)
        sign_in_staff(page, "facilitator", demo().facilitator_code)
        expect(page.get_by_role("heading", name=en("checklist.title"))).to_be_visible()
        now = page.locator(".st-key-checklist-mapping_resolved")
        step = f"{en('checklist.step.mapping_resolved')} · {en('checklist.state.now')}"
        expect(now.get_by_role("link", name=step)).to_be_visible()
        expect(now.get_by_text(en("checklist.hint.mapping_resolved"), exact=False)).to_be_visible()
        now.scroll_into_view_if_needed()
        nothing_wider_than_the_screen(page, "the facilitator's home")
        assert page.evaluate(CUT_OFF) == [], "a step's name or state is cut off on a phone"
        shots(page, "checklist-on-a-phone")
        page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
        shots(page, "home-top-on-a-phone")
        assert errors_on(page) == []
        now.get_by_role("link", name=step).tap()
        page.wait_for_function("() => location.pathname.endsWith('/mapping_review')")
        wait_for_app(page, settle=0)
        expect(page.get_by_role("heading", level=1).first).to_have_text(en("nav.mapping_review"))
        assert errors_on(page) == []
    finally:
        context.close()


def test_the_days_tab_stays_in_use_after_a_question_is_added(browser: Any, own_server: Server, shots: Shots) -> None:
    with page_factory(browser, own_server) as make:
        page = make()
        open_app(page)
        sign_in_staff(page, "facilitator", demo().facilitator_code)
        go_to(page, en("nav.week_setup"))
        days = page.get_by_role("tab", name=en("setup.days"))
        days.click()
        wait_for_app(page)
        expect(days).to_have_attribute("aria-selected", "true")
        panel = page.get_by_role("tabpanel")
        panel.get_by_text(en("setup.new_question")).first.click()
        form = panel.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=en("setup.add_question")))
        form.first.get_by_label(en("setup.question_text")).fill("Which room do the teens use most?")
        form.first.get_by_role("button", name=en("setup.add_question")).click()
        expect(page.get_by_text(en("setup.saved")).first).to_be_visible()
        wait_for_app(page)
        shots(page, "after-adding-a-question")
        expect(page.get_by_role("tab", name=en("setup.days"))).to_have_attribute("aria-selected", "true")
        expect(page.get_by_text("Which room do the teens use most?")).to_be_visible()
        assert errors_on(page) == []
