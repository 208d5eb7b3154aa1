"""In the browser: a theme saved while another session deletes it says so, and a theme saved normally says
"saved" (the forms of one item save in their button's callback, ui/writes.py; issue 24, item 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import page_factory, running_server
from tests.e2e.driver import (
    ERROR_ELEMENTS,
    demo_made,
    en,
    errors_on,
    go_to,
    open_app,
    press,
    sign_in_staff,
    wait_for_app,
)
from workshop.services.loop.themes import delete_theme, list_themes
from workshop.services.whole.demo import demo_codes_hint

pytestmark = pytest.mark.e2e


def theme_form(page: Any, title: str) -> Any:
    """A theme's form, in its expander (opened)."""
    expander = page.get_by_test_id("stExpander").filter(has_text=title).first
    expander.locator("summary").click()
    return expander.get_by_test_id("stForm").first


def leadership_on_themes(page: Any, url: str) -> tuple[Any, int]:
    """Leadership signed in on the themes page of a fresh server's demo: (an engine on its database, the demo)."""
    open_app(page)
    sign_in_staff(page, "leadership", str(demo_codes_hint()["leadership"]))
    go_to(page, en("nav.themes"))
    return demo_made(url)


def typed(box: Any, text: str) -> None:
    """Type into a form's text box and leave it, as a person does before reaching for the save button: the
    box hands its value to the form when it loses the focus. (A save that sometimes saved nothing in full-suite
    runs was a click the browser never delivered: the page scrolled back under the pointer between press and
    release, so no click event reached the button and nothing was sent. driver.press clicks and checks that.)"""
    box.fill(text)
    box.press("Tab")
    expect(box).to_have_value(text)
    box.page.wait_for_timeout(300)


def test_a_theme_saved_after_another_session_deleted_it_says_so(browser: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'writes.sqlite3'}"
    with running_server(url, tmp_path / "streamlit.log") as server, page_factory(browser, server) as make:
        page = make()
        engine, wid = leadership_on_themes(page, url)
        first = list_themes(engine, wid)[0]

        form = theme_form(page, first.title)
        typed(form.get_by_label(en("themes.theme_title")), "Teenagers first")
        delete_theme(engine, wid, int(first.id or 0))  # another leader, in another session
        press(form.get_by_role("button", name=en("themes.save")))
        wait_for_app(page)  # the themes page is a long run on a busy machine: the message comes at its end
        gone = page.locator(ERROR_ELEMENTS).filter(has_text=en("error.missing.theme", id=first.id))
        expect(gone).to_be_visible(timeout=30_000)
        assert "Teenagers first" not in [t.title for t in list_themes(engine, wid)]

        engine.dispose()


def test_a_normal_theme_save_says_saved(browser: Any, tmp_path: Path) -> None:
    """The plain save, in a session of its own (after the overtaken save above, the page is rebuilt around
    its error; this checks the message a normal save gives on its own)."""
    url = f"sqlite:///{tmp_path / 'saved.sqlite3'}"
    with running_server(url, tmp_path / "streamlit.log") as server, page_factory(browser, server) as make:
        page = make()
        engine, wid = leadership_on_themes(page, url)
        second = list_themes(engine, wid)[1]
        form = theme_form(page, second.title)
        typed(form.get_by_label(en("themes.theme_title")), f"{second.title} (kept)")
        saved = page.get_by_text(en("themes.saved", title=f"{second.title} (kept)"))
        press(form.get_by_role("button", name=en("themes.save")))  # delivered to the button, once
        wait_for_app(page)
        expect(saved).to_be_visible(timeout=30_000)
        assert errors_on(page) == []
        assert f"{second.title} (kept)" in [t.title for t in list_themes(engine, wid)]
        engine.dispose()
