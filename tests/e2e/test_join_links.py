"""A team opens its join link straight to its page on a freshly started server (issue 12.4): the first
run used to show "This page is for another role", because Streamlit picked the page before app.py read
the code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, page_factory, running_server
from tests.e2e.driver import en, errors_on, nav_titles, open_app, send_team_code
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server of its own, started for this test: no session has run on it yet."""
    with running_server(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "streamlit.log") as started:
        yield started


def test_a_join_link_to_the_answers_page_opens_it_the_first_time_on_a_fresh_server(
    browser: Any, fresh_server: Server, shots: Any
) -> None:
    team = demo().teams[0]
    with page_factory(browser, fresh_server) as make:
        page = make()
        open_app(page, f"/answer?code={team.code.lower()}")
        shots(page, "answer-from-link")
        expect(page.get_by_text(en("gate.not_allowed"))).to_have_count(0)
        expect(page.get_by_role("heading", level=1).first).to_have_text(en("nav.answer"))
        expect(page.get_by_text(en("answer.title", team=team.name))).to_be_visible()
        assert errors_on(page) == []
        # the menu is the team's, not every page of the app
        assert en("nav.answer") in nav_titles(page)
        assert en("nav.teams") not in nav_titles(page)


def test_a_join_link_with_a_wrong_code_shows_the_home_page_at_its_address_and_its_form_opens_the_answers(
    new_page: Any, shots: Any
) -> None:
    """The link's address is the answers page: with a code that does not work the visitor has no role, and
    sees the home page with the message there (not Streamlit's "Page not found" dialog over it), where the
    form joins and the same address opens the team's answers."""
    team = demo().teams[0]
    page = new_page()
    open_app(page)  # the server has run app.py's navigation once (a fresh server's first run takes another way)
    open_app(page, "/answer?code=NOT-A-CODE")
    shots(page, "wrong-code")
    expect(page.get_by_text(en("error.access_denied"))).to_be_visible()
    expect(page.get_by_role("heading", level=1).first).to_contain_text(demo().name)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    assert [e.split("\n")[-1] for e in errors_on(page)] == [en("error.access_denied")]  # after its icon
    send_team_code(page, team.code)
    expect(page.get_by_role("heading", level=1).first).to_have_text(en("nav.answer"))
    expect(page.get_by_text(en("answer.title", team=team.name))).to_be_visible()
    assert errors_on(page) == []
    # Signing out on that page leaves the visitor at its address without a role: the home page again.
    page.get_by_test_id("stSidebar").get_by_role("button", name=en("sidebar.sign_out")).click()
    expect(page.get_by_role("heading", level=1).first).to_contain_text(demo().name)
    expect(page.get_by_text("Page not found")).to_have_count(0)
