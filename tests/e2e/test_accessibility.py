"""Accessible to everyone (issue 13.7), in the browser: a team joins and saves an answer with the keyboard
alone. axe-core's WCAG 2.2 A/AA check (tests/e2e/axe.py) runs where the pages are visited anyway: every
page of every role and the signed-out home in tests/e2e/test_newcomer_journey.py, the projector wall in
tests/e2e/test_projector.py."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import FIGURES, Shots
from tests.e2e.driver import en, errors_on, open_app, signed_in_line, wait_for_app
from workshop.config.templates import demo, template
from workshop.domain.model import DayStatus

pytestmark = pytest.mark.e2e

FOCUSED = "(e) => e === document.activeElement || e.contains(document.activeElement)"


def tab_to(page: Any, target: Any, what: str, limit: int = 120) -> None:
    """Press Tab until `target` (or something inside it) has the keyboard focus."""
    target.wait_for()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate(FOCUSED):
            return
    pytest.fail(f"{what} cannot be reached with the Tab key ({limit} presses)")


def test_a_team_joins_and_saves_an_answer_with_the_keyboard_alone(new_page: Any, shots: Shots) -> None:
    """Tab, Enter, Space, an arrow key and typing only: no click anywhere. The team already answered the open day's
    first question in the demo, so other journeys' counts on the shared server stay as they were."""
    started = time.monotonic()
    data = demo()
    position = data.day_status.index(DayStatus.OPEN) + 1
    question = template(data.template).days[position - 1].questions[0]
    team = next(t.name for t in data.teams if any(a.team == t.name and a.day == position for a in data.answers))
    code = next(t.code for t in data.teams if t.name == team)
    page = new_page()
    open_app(page)
    # A tab list takes one Tab stop; the arrow keys move between its tabs (the WAI-ARIA tabs pattern).
    tab_to(page, page.get_by_role("tab", name=en("gate.staff_tab"), exact=True), "the sign-in tabs")
    page.keyboard.press("ArrowRight")
    team_tab = page.get_by_role("tab", name=en("gate.team_tab"), exact=True)
    expect(team_tab).to_have_attribute("aria-selected", "true")
    tab_to(page, page.get_by_label(en("gate.team_code")), "the team code box")
    page.keyboard.type(code)
    tab_to(page, page.get_by_role("button", name=en("gate.join")), "the join button")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text(signed_in_line("team", team))).to_be_visible()
    shots(page, "joined-by-keyboard")

    menu_entry = page.get_by_test_id("stSidebar").get_by_role("link", name=en("nav.answer"))
    tab_to(page, menu_entry, "the menu's answer page")
    assert menu_entry.evaluate("(e) => getComputedStyle(e).outlineStyle") == "solid", "no visible focus"
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=en("nav.answer"))).to_be_visible()
    card = page.get_by_test_id("stVerticalBlock").filter(has_text=question.text)
    card = card.filter(has=page.get_by_label(en("answer.text"))).last
    box = card.get_by_label(en("answer.text"))
    tab_to(page, box, "the answer box")
    page.keyboard.press("ControlOrMeta+a")
    answer = f"Typed without a mouse ({time.time_ns() % 100_000})."
    page.keyboard.type(answer)
    tab_to(page, card.get_by_role("button", name=en("answer.save")), "the save button")
    page.keyboard.press("Space")
    wait_for_app(page)
    expect(card.get_by_text(re.compile("^Saved at"))).to_be_visible()
    expect(box).to_have_value(answer)
    assert errors_on(page) == []
    shots(page, "saved-by-keyboard")
    FIGURES.append(f"keyboard-only team journey: {time.monotonic() - started:.1f} s")
