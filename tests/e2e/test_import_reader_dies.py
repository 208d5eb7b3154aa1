"""A workbook that makes the spreadsheet reader run out of memory, uploaded on the Import page of a real
server (issue 24.1): it passes every size check, so the reader's worker process meets it and dies at its
memory limit. The page says the file could not be read, the server stays up for everyone, and the next
file imports. The test starts a server of its own: a regression kills that one, not the shared one."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from tests.e2e.test_facilitator_journey import OFFERS_CSV
from tests.unit.test_sheet_worker import shared_string_bomb
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e


def test_a_workbook_that_exhausts_the_reader_leaves_the_server_up_for_everyone(browser: Any, tmp_path: Path) -> None:
    hostile, good = tmp_path / "strings.xlsx", tmp_path / "tilbud.csv"
    hostile.write_bytes(shared_string_bomb())
    good.write_bytes(OFFERS_CSV.encode("cp1252"))
    database = f"sqlite:///{tmp_path / 'e2e.sqlite3'}"
    with running_server(database, tmp_path / "streamlit.log") as server, page_factory(browser, server) as make:
        page = make()
        open_app(page)
        sign_in_staff(page, "facilitator", demo().facilitator_code)
        go_to(page, en("nav.import_offers"))
        page.locator("input[type='file']").set_input_files(str(hostile))
        wait_for_app(page, timeout=90_000)
        message = page.get_by_text(re.compile(r"this file could not be read: reading it needs more memory"))
        expect(message).to_be_visible(timeout=90_000)
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as answer:
            assert answer.read() == b"ok"
        other = make()  # another visitor, on the same server
        open_app(other)
        assert errors_on(other) == []
        page.locator("input[type='file']").set_input_files(str(good))
        wait_for_app(page)
        page.get_by_role("button", name=en("import.run"), exact=True).click()
        wait_for_app(page)
        expect(page.get_by_text(re.compile(r"^Imported — new offers: 3; updated offers: 0"))).to_be_visible()
