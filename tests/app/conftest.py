"""AppTest fixtures: the real app.py on its own SQLite file, with the demo workshop it creates."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from workshop.domain.model import Role
from workshop.services.demo import demo_codes_hint

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database file for this test; the app creates the demo in it on first run."""
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", url)
    return url


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


def errors_of(at: AppTest) -> list[str]:
    """Every error or exception element the page shows."""
    return [e.value for e in at.error] + [str(e.value) for e in at.exception]
