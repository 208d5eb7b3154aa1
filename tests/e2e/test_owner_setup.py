"""Issue 24.5: a fresh install's owner is no longer whoever comes first. A server started without
WORKSHOP_OWNER_CODE on a database without an owner prints a one-time setup code to its console, once per
process; the Workshops page asks for it before the owner passcode can be set. This is also the README's
newcomer path: the demo opens, and the owner step finds its code in the server's console."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import page_factory, running_server
from tests.e2e.driver import en, errors_on, open_app, wait_for_app
from workshop.config.templates import demo
from workshop.services.access.owner import SETUP_MESSAGE

pytestmark = pytest.mark.e2e
PRINTED = re.compile(rf"{SETUP_MESSAGE}: (\S+) ")


def printed_codes(log: Path, at_least: int = 1, timeout: float = 10) -> list[str]:
    """The setup codes a server printed to its console (waits a little for the line to arrive)."""
    deadline = time.monotonic() + timeout
    while True:
        found = PRINTED.findall(log.read_text(errors="replace"))
        if len(found) >= at_least or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def send_setup_code(page: Any, code: str) -> str:
    """Type the setup code, keep the offered owner passcode, press set; returns that passcode."""
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=en("owner.set")))
    form.get_by_label(en("owner.setup_code")).fill(code)
    chosen = str(form.get_by_label(en("owner.new_code")).input_value())
    form.get_by_role("button", name=en("owner.set")).click()
    wait_for_app(page)
    return chosen


def test_a_fresh_install_asks_for_the_setup_code_its_server_printed_and_a_restart_prints_a_new_one(
    browser: Any, tmp_path: Path, shots: Any
) -> None:
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    with running_server(database, first_log, owner_code=None) as first, page_factory(browser, first) as make:
        page = make()
        open_app(page)  # the README's run command: the demo opens
        expect(page.get_by_role("heading", level=1).first).to_contain_text(demo().name)
        open_app(page, "/workshops")
        shots(page, "owner-setup")
        expect(page.get_by_text(SETUP_MESSAGE, exact=False)).to_be_visible()  # where to find the code
        [old] = printed_codes(first_log)
        assert old not in page.content()
        send_setup_code(page, "ABCD-EFGH-JKMN")  # a visitor without the code takes nothing
        assert [e.split("\n")[-1] for e in errors_on(page)] == [en("error.access_denied")]
        expect(page.get_by_text(en("owner.signed_in"))).to_have_count(0)
        open_app(make(), "/workshops")  # another visitor of the same process: no second code
        assert printed_codes(first_log, at_least=2, timeout=1) == [old]

    with running_server(database, second_log, owner_code=None) as second, page_factory(browser, second) as make:
        page = make()
        open_app(page, "/workshops")
        [new] = printed_codes(second_log)  # a restart prints a fresh code
        assert new != old
        owner_code = send_setup_code(page, new)
        expect(page.get_by_text(en("owner.signed_in"))).to_be_visible()
        assert errors_on(page) == []
        shots(page, "owner-set")
        other = make()  # the owner is set: the next visitor is asked for the owner passcode
        open_app(other, "/workshops")
        expect(other.get_by_label(en("owner.code"))).to_be_visible()
        expect(other.get_by_label(en("owner.setup_code"))).to_have_count(0)
        assert owner_code not in other.content()
