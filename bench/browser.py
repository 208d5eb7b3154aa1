"""Debian's Chromium driven by Playwright, launched one way for the benchmark (bench/server.py) and the
browser tests (tests/e2e): the system's browser (never `playwright install`: there is no internet) with the
arguments known to work here (/work/shared/TESTING.md), and the wait every visit ends with."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing() -> str | None:
    """Why the browser cannot be launched on this machine, or None when it can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed"
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


@contextmanager
def chromium() -> Iterator[Browser]:
    """Chromium, headless; it and Playwright are closed on leaving."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_app(page: Any, timeout: int = 30_000, settle: int = 200) -> None:
    """Connected, the script run finished and nothing still drawing: the signals Streamlit's own e2e tests use.
    `settle`: milliseconds for the server to start the run an action asked for (the script state reads
    notRunning until it has); 0 when the caller has already seen that run begin."""
    if settle:
        page.wait_for_timeout(settle)
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=timeout
    )
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout
    )
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)
