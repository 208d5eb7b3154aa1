"""Every page of every role measured with AppTest: the first run (data caches cleared), the run after a
write through a service, and repeat runs (median of 5, or of --repeats); beside each, the page's floor."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine
from streamlit.components.v2 import manifest_scanner
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

import ui.navigation
from bench.floors import cost_of, write_for
from bench.synthetic import Fixture
from bench.timing import PageLine, median_of, medians_of, timed, timed_cpu
from ui.cache import forget_all
from ui.navigation import BY_ROLE, PRIVACY, PUBLIC, Sections
from workshop.config.i18n import translate
from workshop.domain.model import Role
from workshop.services.workshops.lifecycle import get_workshop
from workshop.store.engine import URL_VARIABLE

APP = str(Path(__file__).resolve().parent.parent / "app.py")
APP_ONLY = "bench/app_only.py"  # relative to app.py, as AppTest.switch_page wants it
# Clearing caches outside a server warns on every call; the benchmark's own output is what matters.
set_log_level("error")
REPEATS = 5
TIMEOUT = 120.0


def page_list(only: set[str] | None = None) -> list[tuple[Role | None, str]]:
    """(role, page file) for the home page (signed out) and every page of every role; only those files
    when `only` names some."""
    every = [(None, file) for file, _, _ in [*PUBLIC, PRIVACY]] + [
        (role, file) for role, entries in BY_ROLE.items() for file, _, _ in entries
    ]
    return [(role, file) for role, file in every if not only or file in only]


@contextlib.contextmanager
def empty_page_registered() -> Iterator[None]:
    """While measuring, app.py's navigation also holds bench/app_only.py for a signed-in role."""
    original = ui.navigation.pages_for
    path = str(Path(APP).parent / APP_ONLY)

    def with_empty_page(role: Role | None, owner: bool = False) -> Sections:
        return original(role, owner) | {"bench": [st.Page(path, title="bench", url_path="bench_app_only")]}

    ui.navigation.pages_for = with_empty_page
    try:
        yield
    finally:
        ui.navigation.pages_for = original


@contextlib.contextmanager
def components_scanned_once() -> Iterator[None]:
    """Every AppTest's first run scans the metadata of every installed package for Streamlit components
    (~0.2 s); a server does it once at start, so it is no cost of a page. The packages do not change
    while the benchmark runs: it scans once and every AppTest gets that answer."""
    found = manifest_scanner.scan_component_manifests()
    real = manifest_scanner.scan_component_manifests
    manifest_scanner.scan_component_manifests = lambda max_workers=None: list(found)
    try:
        yield
    finally:
        manifest_scanner.scan_component_manifests = real


def measure_app_overhead(engine: Engine, fx: Fixture, role: Role | None, repeats: int = REPEATS) -> float:
    """The median run of app.py with an empty page (the role gate only) in this role: what every page
    run costs before the page does anything (Streamlit's script run under AppTest, the sidebar, the
    workshop read, the navigation)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["workshop_id"] = fx.workshop_id
    if role is not None:
        at.session_state["identity"] = _identity(engine, role, fx)
    with empty_page_registered():
        at.run()
        at.switch_page(APP_ONLY)
        at.run()
        if at.exception or at.warning:
            raise RuntimeError(f"the empty page did not run cleanly as {role.value if role else 'anyone'}")
        return median_of(at.run, repeats * 2)


def _identity(engine: Engine, role: Role, fx: Fixture) -> dict[str, object]:
    uid = get_workshop(engine, fx.workshop_id).uid  # a sign-in holds its role in that very workshop
    identity: dict[str, object] = {"role": role.value, "workshop_id": fx.workshop_id, "workshop_uid": uid}
    if role == Role.TEAM:
        identity |= {"team_id": fx.team.id, "team_name": fx.team.name}
    return identity


def _problem(at: AppTest) -> str:
    if at.exception:
        return "exception: " + str(at.exception[0].value).splitlines()[0][:120]
    if any(w.value.startswith("This page is for another role") for w in at.warning):
        return "refused: not signed in"
    if any(w.value == translate("en", "gate.workshop_gone") for w in at.warning):
        return "refused: the sign-in's workshop is gone"
    return ""


def measure_page(
    engine: Engine, fx: Fixture, role: Role | None, file: str, slow: float, repeats: int = REPEATS, floor: bool = True
) -> PageLine:
    write, write_name = write_for(file)
    line = PageLine(role.value if role else "anyone", file, write_name)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["workshop_id"] = fx.workshop_id
    if role is not None:
        at.session_state["identity"] = _identity(engine, role, fx)
    try:
        st.cache_data.clear()
        forget_all()
        if file == PUBLIC[0][0]:
            line.first = timed(at.run)
        else:
            at.run()
            st.cache_data.clear()
            forget_all()
            at.switch_page(f"pages/{file}")
            line.first = timed(at.run)
        line.error = _problem(at)
        if line.error:
            return line
        write(engine, fx)
        line.after_write, line.after_write_cpu = timed_cpu(at.run)
        line.repeats = 1 if max(line.first, line.after_write) > slow else repeats
        line.repeat, line.repeat_cpu = medians_of(at.run, line.repeats)
        line.error = _problem(at)
    except RuntimeError as exc:  # AppTest's timeout
        line.error = str(exc)[:120]
    cost = cost_of(file) if floor else None
    if cost is not None:
        line.floor = median_of(
            lambda: cost.floor(engine, fx), 1 if line.first is None or line.first > slow else repeats
        )
    return line


def measure_pages(
    url: str,
    engine: Engine,
    fx: Fixture,
    slow: float = 10.0,
    log: Callable[[str], None] = print,
    only: set[str] | None = None,
    repeats: int = REPEATS,
    floors: bool = True,
) -> tuple[list[PageLine], dict[str, float]]:
    """Every page of every role (or only the files named), on the database at url; and the app's fixed
    cost per role (app.py with an empty page), measured in the same run. `repeats`: the repeat runs and
    floor runs per page (the app's fixed cost: twice as many); `floors=False` leaves the floors out."""
    os.environ[URL_VARIABLE] = url
    with components_scanned_once():
        return _measure_pages(engine, fx, slow, log, only, repeats, floors)


def _measure_pages(
    engine: Engine,
    fx: Fixture,
    slow: float,
    log: Callable[[str], None],
    only: set[str] | None,
    repeats: int,
    floors: bool = True,
) -> tuple[list[PageLine], dict[str, float]]:
    overhead = {}
    for role in (None, *Role):
        name = role.value if role else "anyone"
        overhead[name] = measure_app_overhead(engine, fx, role, repeats)
        log(f"  {name:<11} {'(app.py only)':<16} repeat {overhead[name]:7.3f}")
    lines = []
    for role, file in page_list(only):
        line = measure_page(engine, fx, role, file, slow, repeats, floors)
        line.app = overhead.get(line.role)
        log(
            f"  {line.role:<11} {file:<16} first {line.first or 0:7.3f}  after write {line.after_write or 0:7.3f}"
            f"  repeat {line.repeat or 0:7.3f}  floor {line.floor or 0:7.3f}"
            f"  (CPU: after write {line.after_write_cpu or 0:.3f}, repeat {line.repeat_cpu or 0:.3f}) {line.error}"
        )
        lines.append(line)
    return lines, overhead
