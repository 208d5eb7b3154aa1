"""A facilitator creates a workshop from a template and opens its first day.

Pending (issue 3, built in parallel): import an offers CSV and see the offers on the four-spaces map."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from workshop.templates import demo, template

pytestmark = pytest.mark.e2e


def choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its label."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_a_facilitator_creates_a_workshop_from_a_template_and_opens_day_1(new_page: Any, shots: Any) -> None:
    week = template("four_spaces_week")
    page = new_page()
    open_app(page)
    sign_in_staff(page, "facilitator", demo().facilitator_code)
    go_to(page, en("nav.workshops"))
    shots(page, "workshops")

    page.get_by_text(en("workshops.new"), exact=True).click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=en("workshops.create")))
    form.get_by_label(en("workshops.name")).fill("Strategy week 2027")
    choose(page, en("workshops.template"), week.name)
    form.get_by_label(en("workshops.facilitator_code")).fill("facilitate-2027")
    form.get_by_label(en("workshops.leadership_code")).fill("lead-2027")
    shots(page, "new-workshop-form")
    form.get_by_role("button", name=en("workshops.create")).click()
    wait_for_app(page)
    assert errors_on(page) == []
    # The session now looks at the new workshop, signed in as its facilitator.
    expect(page.get_by_test_id("stSidebar").get_by_text("Strategy week 2027", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_contain_text(en("role.facilitator"))
    shots(page, "created")

    go_to(page, en("nav.week_setup"))
    expect(page.get_by_text(week.days[0].title).first).to_be_visible()
    expect(page.get_by_text(week.days[0].questions[0].text).first).to_be_visible()
    expect(page.get_by_role("button", name=en("setup.close_day"))).to_have_count(0)
    shots(page, "week-setup")
    page.get_by_role("button", name=en("setup.open_day")).first.click()
    wait_for_app(page)
    expect(page.get_by_role("button", name=en("setup.close_day"))).to_have_count(1)
    expect(page.get_by_text(re.compile(rf"{en('setup.day_n', n=1)}\W+{en('day.open')}")).first).to_be_visible()
    shots(page, "day-1-open")

    go_to(page, en("nav.morning"))
    expect(page.get_by_role("heading", name=week.days[0].title)).to_be_visible()
    for question in week.days[0].questions:
        expect(page.get_by_text(question.text)).to_be_visible()
    shots(page, "morning-view")
    assert errors_on(page) == []
