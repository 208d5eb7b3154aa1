"""AppTest fixtures: the real app.py on its own SQLite file, with the demo workshop it creates (app_db),
or on a copy of a database that already holds the demo (demo_db, and db: an engine on it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.conftest import migrated_sqlite_file
from workshop.config.i18n import UI_LANGUAGES, translate
from workshop.domain.model import Role
from workshop.services.whole.demo import create_demo, demo_codes_hint
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database file for this test, at the current schema and without a workshop (a copy of one migrated
    once per process); the app creates the demo in it on first run."""
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(migrated_sqlite_file(), path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv(URL_VARIABLE, url)
    return url


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the demo workshop, as the app makes it on an empty database: built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    create_demo(engine)
    engine.dispose()  # the last connection closed: the WAL is folded into the file
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This test's own copy of the demo database (a file copy: far quicker than building the demo)."""
    path = tmp_path / "app.sqlite3"
    shutil.copyfile(demo_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv(URL_VARIABLE, url)
    return url


@pytest.fixture
def db(demo_db: str) -> Iterator[Engine]:
    """An engine on this test's demo database, the one the app reads."""
    eng = make_engine(demo_db)
    yield eng
    eng.dispose()


def current_wid(db: Engine) -> int:
    """The workshop the app shows now: the demo, unless the test has made another one current."""
    return int(current_workshop_id(db) or 0)


@pytest.fixture
def wid(db: Engine) -> int:
    """The demo workshop on this test's database (the app's current workshop when the test starts)."""
    return current_wid(db)


def fresh_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def sign_in(at: AppTest, role: Role, code: str | None = None) -> AppTest:
    """Sign in through the home page's real form, as a person would."""
    codes = demo_codes_hint()
    if role == Role.TEAM:
        box = next(w for w in at.text_input if w.label in ("Team code", "Teamkode"))
        box.input(code or next(iter(codes["teams"].values())))  # type: ignore[attr-defined]
        next(b for b in at.button if b.label in ("Join my team", "Deltag med mit team")).click()
    else:
        at.radio[0].set_value(role)
        box = next(w for w in at.text_input if w.label in ("Passcode", "Adgangskode"))
        box.input(code or str(codes[role.value]))
        next(b for b in at.button if b.label in ("Sign in", "Log ind")).click()
    return at.run()


def answers_page_of(at: AppTest) -> str | None:
    """The team whose answers page this run drew (its "Answers of TEAM" line, in any language), else None."""
    for lang in UI_LANGUAGES:
        before, after = translate(lang, "answer.title", team="\0").split("\0")
        for text in at.text:
            if text.value.startswith(before) and text.value.endswith(after) and len(text.value) > len(before + after):
                return text.value[len(before) : len(text.value) - len(after)]
    return None


def errors_of(at: AppTest) -> list[str]:
    """Every error or exception element the page shows."""
    return [e.value for e in at.error] + [str(e.value) for e in at.exception]
