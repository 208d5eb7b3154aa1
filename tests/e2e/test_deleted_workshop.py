"""Issue 24 in a real browser: the owner deletes the workshop a facilitator, leadership and a team are signed in
to, and a new workshop is made under the same number (as SQLite gave it before ids stopped being reused).
At their next click each is signed out, told so, and offered the way back to sign-in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from tests.e2e.conftest import page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, join_team, open_app, sign_in_staff, wait_for_app
from workshop.config.templates import demo
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, delete_workshop
from workshop.store import make_engine, write

pytestmark = pytest.mark.e2e


def test_a_deleted_workshops_sessions_are_signed_out_at_their_next_click(
    browser: Any, tmp_path: Path, shots: Any
) -> None:
    database = f"sqlite:///{tmp_path / 'deleted.sqlite3'}"
    with running_server(database, tmp_path / "streamlit.log") as server, page_factory(browser, server) as make:
        signed_in: dict[str, Any] = {}
        for role_key, passcode in (("facilitator", demo().facilitator_code), ("leadership", demo().leadership_code)):
            page = make()
            open_app(page)
            sign_in_staff(page, role_key, passcode)
            signed_in[role_key] = page
        team = make()
        open_app(team)
        first = demo().teams[0]
        join_team(team, first.code, first.name)
        signed_in["team"] = team

        owner = make_engine(database)
        deleted = int(current_workshop_id(owner) or 0)
        delete_workshop(owner, deleted)
        with write(owner) as conn:  # the next workshop takes the deleted one's number, as before issue 24
            if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
                conn.execute(text("DELETE FROM sqlite_sequence WHERE name = 'workshops'"))
        newcomer = create_workshop(owner, "Next year's week", "facilitate-me", "lead-me-now", "four_spaces_week")
        assert newcomer == deleted

        for role_key, page in signed_in.items():
            go_to(page, en("nav.home"))  # the next click
            wait_for_app(page)
            shots(page, f"{role_key}-signed-out")
            expect(page.get_by_text(en("gate.workshop_gone"))).to_be_visible()
            expect(page.get_by_role("link", name=en("gate.back_to_sign_in"))).to_be_visible()
            caption = en("sidebar.signed_in_as", role=en(f"role.{role_key}"))
            expect(page.get_by_text(caption)).to_have_count(0)
            assert "s=" not in page.url and "code=" not in page.url
            assert errors_on(page) == []
            page.get_by_role("link", name=en("gate.back_to_sign_in")).click()
            wait_for_app(page)
            expect(page.get_by_role("button", name=en("gate.sign_in"))).to_be_visible()

        owner.dispose()
