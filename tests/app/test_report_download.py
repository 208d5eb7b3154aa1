"""Leadership hands out the report from the Reports page: as a Word document it can edit (the same headings
as the HTML report, in the same order), each file named after the workshop and the day; and no leadership
screen shows a command-line hint."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from docx import Document
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.unit.test_report_word import html_headings, word_headings
from ui.navigation import BY_ROLE
from workshop.domain.model import Role
from workshop.files.file_names import file_name
from workshop.services.whole.reports import html_report
from workshop.services.workshops.lifecycle import current_workshop_id, get_workshop
from workshop.store import make_engine


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str | None]]:
    """Every file the app hands to a download button: its bytes and the name the browser saves it under
    (Streamlit's own media storage still stores and serves it)."""
    found: list[tuple[bytes, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self: Any, data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        if isinstance(data, bytes | str):
            found.append((data.encode() if isinstance(data, str) else data, filename))
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return found


def _prepared(at: AppTest, fmt: str) -> AppTest:
    at.radio[0].set_value(fmt).run()
    next(b for b in at.button if b.label == "Prepare the file").click().run()
    assert errors_of(at) == []
    assert at.get("download_button")
    return at


def test_the_reports_page_offers_the_word_report_with_the_html_reports_headings(
    app_db: str, downloads: list[tuple[bytes, str | None]]
) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.switch_page("pages/reports.py").run()
    assert "Word document" in at.radio[0].options
    _prepared(at, "docx")
    engine = make_engine()
    wid = current_workshop_id(engine)
    assert wid is not None
    data, name = downloads[-1]
    today = dt.date.today()
    assert name == file_name(get_workshop(engine, wid).name, wid, today, "docx")
    assert name is not None and re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}-\d{2}\.docx", name)
    headings = word_headings(data)
    assert headings == html_headings(html_report(engine, wid, lang="en", today=today))
    assert (2, "Appendix: every answer") in headings
    assert Document(io.BytesIO(data)).tables
    _prepared(at, "html")
    data, name = downloads[-1]
    assert name == file_name(get_workshop(engine, wid).name, wid, today, "html")
    assert html_headings(data.decode()) == headings


def test_no_leadership_page_shows_a_command_line_hint(app_db: str) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    for file, _, _ in BY_ROLE[Role.LEADERSHIP]:
        at.switch_page(f"pages/{file}").run()
        shown = [str(getattr(e, "value", "")) for e in at.main]
        shown += [str(e.value) for kind in ("caption", "markdown", "info", "text", "code") for e in at.get(kind)]
        hints = [text for text in shown if re.search(r"python3? -m|--format|\bworkshop export\b", text)]
        assert hints == [], f"{file}: {hints}"
