"""Issue 14.6 in a real browser: the facilitator signs in, opens the morning view, reloads, and is still the
facilitator there; the address carries a token, never the passcode. After sign-out a reload is signed out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff, wait_for_app

pytestmark = pytest.mark.e2e

PASSCODE = "facilitate-demo"


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_a_reload_of_the_morning_view_keeps_the_facilitator(browser: Any, tmp_path: Path, shots: Any) -> None:
    database = f"sqlite:///{tmp_path / 'reload.sqlite3'}"
    with running_server(database, tmp_path / "streamlit.log") as server, page_factory(browser, server) as make:
        page = make()
        open_app(page)
        sign_in_staff(page, "facilitator", PASSCODE)
        go_to(page, en("nav.morning"))
        signed_in = page.get_by_text(en("sidebar.signed_in_as", role=en("role.facilitator")))
        missing = page.get_by_text(en("morning.not_yet", n=3))
        expect(missing).to_be_visible()
        expect(page).to_have_url(re.compile(r"[?&]s="))
        token = query(page)["s"][0]
        assert len(token) >= 40 and PASSCODE not in page.url

        page.reload()
        wait_for_app(page)
        shots(page, "morning-view-after-reload")
        expect(signed_in).to_be_visible()
        expect(missing).to_be_visible()
        assert "/morning" in page.url and query(page)["s"] == [token]
        assert errors_on(page) == []

        page.get_by_test_id("stSidebar").get_by_role("button", name=en("sidebar.sign_out")).click()
        wait_for_app(page)
        expect(signed_in).to_have_count(0)
        stale = make()
        open_app(stale, f"/?s={token}")
        expect(stale.get_by_role("button", name=en("gate.sign_in"))).to_be_visible()
        expect(stale.get_by_text(en("sidebar.signed_in_as", role=en("role.facilitator")))).to_have_count(0)
        assert "s" not in query(stale)
