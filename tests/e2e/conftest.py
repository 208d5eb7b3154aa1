"""Real-browser fixtures: one Streamlit server per test session on its own database, Debian's Chromium
driven by Playwright, and helpers that act as a person would (sign in on the home page, click the menu).

When CI=true a missing Chromium (or Playwright) fails the run; elsewhere the browser tests are skipped."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from playwright.sync_api import expect

from bench.browser import chromium, missing
from tests.conftest import IN_CI, REAL_SCRYPT_N, ROOT, migrated_sqlite_file, print_at_the_end
from workshop.services.access import codes as access
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine

ARTIFACTS = ROOT / "artifacts" / "e2e"
ERROR_ELEMENTS = "[data-testid='stException'], [data-testid='stAlertContentError']"
VIEWPORT = {"width": 1280, "height": 1400}
FIGURES: list[str] = []  # printed at the end of the run, whatever the capture mode
OWNER_CODE = "owner-of-the-e2e-database"  # given to the servers as WORKSHOP_OWNER_CODE
# What a person would wait for a page to change before calling it broken: on a loaded CI machine a rerun
# can take longer than Playwright's default five seconds (a sign-out once did).
expect.set_options(timeout=15_000)


def _missing_browser(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI must run the browser journeys: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    database_url: str
    pid: int


def start_server(
    database_url: str,
    log: Path,
    port: int | None = None,
    owner_code: str | None = OWNER_CODE,
    options: tuple[str, ...] = (),
) -> subprocess.Popen[bytes]:
    """`streamlit run app.py` on 127.0.0.1, on its own database, as TESTING.md describes. Its console
    (stdout and stderr) goes to `log`. `owner_code=None`: no WORKSHOP_OWNER_CODE, as a fresh install
    (the server prints the owner's setup code to its console). `options`: more of Streamlit's command-line
    options (a secrets file for single sign-on)."""
    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOP_OWNER_CODE"}
    env["WORKSHOP_DATABASE_URL"] = database_url
    if owner_code is not None:
        env["WORKSHOP_OWNER_CODE"] = owner_code
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        *options,
    ]  # the rest (headless, no usage statistics, no file watcher) is .streamlit/config.toml's, as shipped
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    process.port = port  # type: ignore[attr-defined]
    return process


def wait_healthy(process: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> str:
    """The server's base URL once /_stcore/health answers ok; fails with the server's log otherwise."""
    base = f"http://127.0.0.1:{process.port}"  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the Streamlit server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return base
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the Streamlit server did not become healthy in {timeout} s:\n{log.read_text(errors='replace')}")


STOPPING: list[threading.Thread] = []  # servers still shutting down, waited for at the session's end


def stop_server(process: subprocess.Popen[bytes], wait: bool = True) -> None:
    """Stop the server by its PID: politely, then for sure. `wait=False`: the shutdown (~1 s of Streamlit
    closing its sessions) goes on beside the next tests, and the end of the session waits for it."""
    if process.poll() is None:
        os.kill(process.pid, 15)

    def finish() -> None:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, 9)
            process.wait(timeout=10)

    if wait:
        finish()
    else:
        STOPPING.append(threading.Thread(target=finish, name=f"stop-server-{process.pid}"))
        STOPPING[-1].start()


@pytest.fixture(autouse=True, scope="session")
def _servers_stopped() -> Iterator[None]:
    """No server outlives the session: every shutdown begun with wait=False has ended."""
    yield
    for thread in STOPPING:
        thread.join()


@contextmanager
def running_server(
    database_url: str,
    log: Path,
    port: int | None = None,
    owner_code: str | None = OWNER_CODE,
    options: tuple[str, ...] = (),
) -> Iterator[Server]:
    """An app server on `database_url`, healthy before it is handed out and stopped after."""
    process = start_server(database_url, log, port, owner_code, options)
    try:
        yield Server(url=wait_healthy(process, log), database_url=database_url, pid=process.pid)
    finally:
        stop_server(process, wait=False)


@cache
def _demo_at_the_servers_cost() -> Path:
    """A SQLite file holding the demo as a server's first visit makes it, team codes hashed at the servers' scrypt
    cost (a server finds a team code by its hash at its own cost): made once per process."""
    path = migrated_sqlite_file().with_name("e2e-demo.sqlite3")
    shutil.copyfile(migrated_sqlite_file(), path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        with mock.patch.object(access, "_N", REAL_SCRYPT_N):
            create_demo(engine)
    finally:
        engine.dispose()  # the last connection closed: the WAL is folded into the file
    return path


def demo_database(path: Path) -> str:
    """The URL of a new SQLite file at `path` that holds the demo, for a server of its own that the tests use
    from the demo on: its first visit then does not make the demo (eight scrypt hashes at full cost, seconds
    of a busy machine). The tests of a fresh server's first run start on an empty file instead."""
    shutil.copyfile(_demo_at_the_servers_cost(), path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One app server for the whole test session, on a SQLite file holding the demo (demo_database)."""
    folder = tmp_path_factory.mktemp("e2e-server")
    with running_server(demo_database(folder / "e2e.sqlite3"), folder / "streamlit.log") as started:
        yield started


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, launched as the benchmark launches it (bench/browser.py)."""
    if reason := missing():
        _missing_browser(reason)
    with chromium() as launched:
        yield launched


@contextmanager
def page_factory(browser: Any, server: Server) -> Iterator[Any]:
    """make() -> a page in its own browser context (its own cookies, its own app session)."""
    contexts = []

    def make() -> Any:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, base_url=server.url)
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def new_page(browser: Any, server: Server) -> Iterator[Any]:
    with page_factory(browser, server) as make:
        yield make


class Shots:
    """shots(page, name): a screenshot under artifacts/e2e/<folder>/, numbered in the order taken."""

    def __init__(self, name: str) -> None:
        self.folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", name).strip("_")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.taken = 0

    def __call__(self, page: Any, name: str) -> Path:
        self.taken += 1
        slug = re.sub(r"[^\w.-]+", "_", name).strip("_")
        path = self.folder / f"{self.taken:02d}-{slug}.png"
        page.screenshot(path=str(path))
        return path


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Shots:
    return Shots(request.node.name)


print_at_the_end("browser figures", FIGURES)  # by tests/conftest.py, from every worker
