"""On a phone (issue 13.8): at 390×844, touch, a team joins, opens its answer page from the menu (which
closes again once the page is chosen, instead of covering it), fills an answer card, picks spaces in the
multiselect and sees "Saved at"; nothing is wider than the screen. On a tablet the facilitator's
morning view and leadership's consolidated view fit the screen."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import FIGURES, Server, Shots
from tests.e2e.driver import en, errors_on, go_to, join_team, open_app, sign_in_staff, wait_for_app
from workshop.config.spaces import spaces
from workshop.config.templates import demo, template
from workshop.domain.model import DayStatus

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
TABLET = {"viewport": {"width": 820, "height": 1180}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# Whatever sticks out past the right edge of the screen. A table's grid and a row of tabs scroll sideways
# inside their own frame: only the frame counts.
OVERFLOW = """(width) => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter((e) => !e.parentElement.closest('[data-testid="stDataFrameResizable"], [role="tablist"]'))
  .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
  .map((e) => e.closest('[data-testid]')?.dataset.testid || e.tagName).slice(0, 5)"""


@pytest.fixture
def device(browser: Any, server: Server) -> Iterator[Any]:
    """make(settings) -> a page in its own browser context emulating that device."""
    contexts = []

    def make(settings: dict[str, Any]) -> Any:
        context = browser.new_context(**settings, base_url=server.url)
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sidebar_covers_the_page(page: Any) -> bool:
    return page.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "false"


def nothing_wider_than_the_screen(page: Any, where: str) -> None:
    """Nothing wider than the screen, judged at once: Streamlit draws a plotly chart only once it knows its
    column's width, so there is no moment of a chart at plotly's default width to wait out."""
    width = page.viewport_size["width"]
    assert page.evaluate(OVERFLOW, width) == [], f"{where}: elements wider than the {width} px screen"


def test_a_team_answers_from_a_phone(device: Any, shots: Shots) -> None:
    started = time.monotonic()
    data = demo()
    position = data.day_status.index(DayStatus.OPEN) + 1
    question = template(data.template).days[position - 1].questions[0]
    # A team that already answered in the demo edits its answer: other journeys' counts stay as they were.
    answered = [t for t in data.teams if any(a.team == t.name and a.day == position for a in data.answers)]
    team = answered[-1]
    page = device(PHONE)
    open_app(page)
    assert not sidebar_covers_the_page(page), "the menu covers the page on arrival"
    join_team(page, team.code, team.name)
    nothing_wider_than_the_screen(page, "home")
    shots(page, "joined-on-a-phone")

    page.get_by_test_id("stExpandSidebarButton").tap()
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")
    go_to(page, en("nav.answer"))
    # The menu closes once a page is chosen, so the page is not hidden under it.
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_role("heading", name=en("nav.answer"))).to_be_visible()

    card = page.get_by_test_id("stVerticalBlock").filter(has_text=question.text)
    card = card.filter(has=page.get_by_label(en("answer.text"))).last
    box = card.get_by_label(en("answer.text"))
    box.tap()
    answer = f"Answered on a phone ({time.time_ns() % 100_000})."
    box.fill(answer)
    picker = card.get_by_test_id("stMultiSelect").filter(has_text=en("answer.spaces"))
    wanted = [spaces().space_name(key, "en") for key in ("learning", "meeting")]
    for name in wanted:
        chosen = picker.get_by_text(name, exact=True)
        if chosen.count():
            continue
        picker.get_by_role("combobox").tap()
        page.get_by_role("option", name=name, exact=True).tap()
        wait_for_app(page)
    page.keyboard.press("Escape")
    for name in wanted:
        expect(picker.get_by_text(name, exact=True)).to_be_visible()
    save = card.get_by_role("button", name=en("answer.save"))
    save.scroll_into_view_if_needed()
    save.tap()
    wait_for_app(page)
    saved = card.get_by_text(re.compile("^Saved at"))
    expect(saved).to_be_in_viewport()
    expect(box).to_have_value(answer)
    nothing_wider_than_the_screen(page, "answer page")
    assert errors_on(page) == []
    shots(page, "saved-on-a-phone")
    FIGURES.append(f"phone-sized team journey: {time.monotonic() - started:.1f} s")


def test_the_morning_and_consolidated_views_fit_a_tablet(device: Any, shots: Shots) -> None:
    started = time.monotonic()
    data = demo()
    for role, code, title in (
        ("facilitator", data.facilitator_code, en("nav.morning")),
        ("leadership", data.leadership_code, en("nav.overview")),
    ):
        page = device(TABLET)
        open_app(page)
        sign_in_staff(page, role, code)
        if not sidebar_covers_the_page(page):  # wider than 768 px the menu starts open beside the page
            page.get_by_test_id("stExpandSidebarButton").tap()
        go_to(page, title)
        expect(page.get_by_role("heading", level=1).first).to_be_in_viewport()
        page.wait_for_timeout(500)  # plotly draws its charts after their elements appear
        nothing_wider_than_the_screen(page, title)
        assert errors_on(page) == []
        shots(page, f"{role}-on-a-tablet")
    FIGURES.append(f"morning and consolidated views on a tablet: {time.monotonic() - started:.1f} s")
