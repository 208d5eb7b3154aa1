"""A broken data file stops the app with a message naming the file, the key and the line."""

from pathlib import Path

import pytest

import workshop.config.spaces
from tests.app.conftest import fresh_app


@pytest.fixture
def broken_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    text = workshop.config.spaces.SPACES_FILE.read_text(encoding="utf-8").replace('colour: "#3BB273"', "colour: green")
    broken = tmp_path / "spaces.yaml"
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(workshop.config.spaces, "SPACES_FILE", broken)
    workshop.config.spaces.spaces.cache_clear()
    yield broken
    workshop.config.spaces.spaces.cache_clear()


def test_a_broken_spaces_file_stops_the_app_with_file_key_and_line(app_db: str, broken_spaces: Path) -> None:
    at = fresh_app()
    line = next(n for n, row in enumerate(broken_spaces.read_text().splitlines(), 1) if "colour: green" in row)
    assert not at.exception
    message = at.error[0].value
    assert str(broken_spaces) in message and "spaces.meeting.colour" in message and f"line {line}" in message
    assert not at.title  # nothing else is drawn
