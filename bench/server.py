"""The real server in Debian's Chromium: its peak memory (`streamlit run app.py` on a free port, every page
of every role visited, signed in through the home page's forms, then VmHWM read from /proc), and how
soon the demo's home is fully drawn after navigation on a new database (the page's own performance.now())."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, expect

from bench.browser import chromium, missing, wait_for_app
from bench.synthetic import Fixture
from deploy.cluster import free_port, start_server, stop, wait_healthy
from ui.navigation import BY_ROLE
from workshop.config.i18n import translate
from workshop.domain.model import Role

ROOT = Path(__file__).resolve().parent.parent
PAGE_TIMEOUT_MS = 120_000


def _wait_for_app(page: Page) -> None:
    """The app drawn, with the benchmark's patience (a big workshop's page may take a while)."""
    wait_for_app(page, timeout=PAGE_TIMEOUT_MS, settle=300)


def _sign_in(page: Page, base: str, role: Role, fx: Fixture) -> None:
    if role == Role.TEAM:
        page.goto(f"{base}/?code={fx.team_code}")
        _wait_for_app(page)
        return
    page.goto(base)
    _wait_for_app(page)
    page.get_by_test_id("stRadio").get_by_text(translate("en", f"role.{role.value}"), exact=True).click()
    page.get_by_label(translate("en", "gate.passcode")).fill(
        fx.facilitator_code if role == Role.FACILITATOR else fx.leadership_code
    )
    page.get_by_role("button", name=translate("en", "gate.sign_in")).click()
    _wait_for_app(page)


def _visit_all(base: str, fx: Fixture, log: Callable[[str], None]) -> list[str]:
    """Every page of every role; returns what could not be visited."""
    failed = []
    with chromium() as browser:
        for role, entries in BY_ROLE.items():
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            try:
                _sign_in(page, base, role, fx)
            except Exception as exc:  # report and go on: the memory figure is still worth having
                failed.append(f"{role.value} sign-in: {type(exc).__name__}")
                context.close()
                continue
            for file, title_key, _ in entries:
                start = time.perf_counter()
                try:
                    title = translate("en", title_key)
                    nav = page.get_by_test_id("stSidebarNav")
                    nav.get_by_role("link").filter(has_text=re.compile(rf"^\W*{re.escape(title)}\W*$")).first.click()
                    page.wait_for_url(re.compile(rf"/{re.escape(file[:-3])}(\?.*)?$"), timeout=PAGE_TIMEOUT_MS)
                    _wait_for_app(page)
                    log(f"  browser {role.value:<11} {file:<16} {time.perf_counter() - start:7.2f} s")
                except Exception as exc:
                    failed.append(f"{role.value} {file}: {type(exc).__name__}")
            context.close()
    return failed


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM) in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kib = int(re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.M).group(1))  # type: ignore[union-attr]
    return kib / 1024


@contextmanager
def running_server(url: str, script: str = "app.py") -> Iterator[tuple[str, int]]:
    """`streamlit run app.py` (or `script`, started the same way) on the database at url: (its base
    address, its pid), stopped on leaving."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(url, port, script=script)
    try:
        wait_healthy(base, server)
        yield base, server.pid
    finally:
        stop(server)


def measure_server_memory(url: str, fx: Fixture, log: Callable[[str], None] = print) -> tuple[float | None, str]:
    """(peak RSS in MB after visiting every page, a note on what failed)."""
    if reason := missing():
        return None, f"not measured: {reason}"
    with running_server(url) as (base, pid):
        failed = _visit_all(base, fx, log)
        return peak_rss_mb(pid), ("failed: " + ", ".join(failed)) if failed else ""


def measure_demo_home(folder: Path, log: Callable[[str], None] = print) -> tuple[list[float], str]:
    """Milliseconds from navigation start until the demo's home is fully drawn (TESTING.md's wait: connected,
    script not running, no skeleton), read with the page's own performance.now(), as
    tests/e2e/test_newcomer_journey.py does: a first visit on a new database (which also builds the demo)
    and a second visit in a new browser context. Returns (the two figures, a note on what failed)."""
    if reason := missing():
        return [], f"not measured: {reason}"
    drawn: list[float] = []
    database = f"sqlite:///{folder / 'bench-demo-home.sqlite3'}"
    with running_server(database) as (base, _pid), chromium() as browser:
        try:
            for visit in ("first", "second"):
                context = browser.new_context(viewport={"width": 1280, "height": 1400})
                page = context.new_page()
                page.goto(base)
                wait_for_app(page, timeout=30_000, settle=200)  # as the browser tests wait
                expect(page.get_by_text(translate("en", "home.model_title"), exact=True)).to_be_visible()
                drawn.append(float(page.evaluate("performance.now()")))
                log(f"  browser demo home, {visit} visit: fully drawn {drawn[-1]:.0f} ms after navigation")
                context.close()
        except Exception as exc:  # report it: the other figures are still worth having
            return drawn, f"failed: {type(exc).__name__}"
    return drawn, ""
