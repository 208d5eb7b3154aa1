"""Issue 27.4: Streamlit's own English texts, switched off where a parameter allows it. Every form is made
without enter-to-submit ("Press Enter to submit form", "Press Ctrl+Enter to submit form", shown on phones
too), every multiselect without "Select all", every date box in the session's date order, and the one file
box with the app's own line instead of "50MB per file". docs/development.md "Streamlit's own texts" lists what
remains."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP
from workshop.config.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")])
WIDGETS = ROOT / "ui" / "widgets.py"  # the one place that calls st.multiselect and st.file_uploader


def _calls(name: str) -> Iterator[tuple[Path, ast.Call]]:
    """Every call of `<anything>.name(...)` in the app's Streamlit code."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name:
                yield path, node


def _where(path: Path, node: ast.Call) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in node.keywords if k.arg == name), None)


def test_every_form_is_made_without_enter_to_submit() -> None:
    forms = list(_calls("form"))
    assert len(forms) > 10, "the scan sees the app's forms"
    on = [
        _where(path, node)
        for path, node in forms
        if not (isinstance(k := _keyword(node, "enter_to_submit"), ast.Constant) and k.value is False)
    ]
    assert on == [], f"a form without enter_to_submit=False (Streamlit then writes English under its fields): {on}"


def test_the_forms_a_visitor_sees_first_say_nothing_about_enter(demo_db: str) -> None:
    """The same, as Streamlit sends it to the browser: the home page's sign-in and join forms."""
    at = AppTest.from_file(APP, default_timeout=60).run()

    def blocks(node: object) -> Iterator[object]:
        yield node
        for child in getattr(node, "children", {}).values():
            yield from blocks(child)

    forms = [b for b in blocks(at._tree) if getattr(b, "type", None) == "form"]
    assert {f.proto.form.form_id for f in forms} == {"sign_in", "join"}  # type: ignore[attr-defined]
    assert [f.proto.form.enter_to_submit for f in forms] == [False, False]  # type: ignore[attr-defined]


def test_multiselects_and_file_boxes_go_through_the_widgets_that_replace_streamlits_words() -> None:
    direct = [
        _where(path, node)
        for name in ("multiselect", "file_uploader")
        for path, node in _calls(name)
        if path != WIDGETS
    ]
    assert direct == [], f"call ui.widgets.multiselect / upload_box instead: {direct}"
    source = WIDGETS.read_text(encoding="utf-8")
    assert 'kwargs.setdefault("select_all", False)' in source
    assert "stFileUploaderDropzoneInstructions" in source


def test_every_date_box_writes_dates_in_the_sessions_order() -> None:
    boxes = list(_calls("date_input"))
    assert boxes
    fixed = [_where(p, n) for p, n in boxes if not isinstance(_keyword(n, "format"), ast.Call)]
    assert fixed == [], f"a date box with a fixed (or Streamlit's default) format: {fixed}"


@pytest.mark.parametrize(
    ("lang", "order"), [("en", "YYYY-MM-DD"), ("da", "DD.MM.YYYY"), ("nb", "DD.MM.YYYY"), ("nl", "DD-MM-YYYY")]
)
def test_each_language_has_a_date_order_streamlit_accepts(lang: str, order: str) -> None:
    assert catalog(lang)["widget.date_format"] == order
