"""User text is shown as typed on every page, never as markdown, HTML, a link, an image or reversed text.

A hostile payload goes through the services into every user-text field (FIELDS: one line per field), then
every page of every role is visited and every element the page draws is checked: where Streamlit reads
markdown (titles, captions, alerts, labels, radio options, expanders, tabs, help) the payload's marks must
be escaped and its web and e-mail addresses broken so the frontend's autolinker cannot match them (escaping
cannot stop it); no element, table or chart may carry a direction control; chart labels must be HTML-escaped.
tests/e2e/test_hostile_text.py counts the links in a real browser."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, sign_in
from tests.hostile_week import FACILITATOR, LEADERSHIP, WRITTEN, Week, marker, seed
from ui.navigation import BY_ROLE
from workshop.domain.model import Role
from workshop.store import make_engine

# What the payload's marks look like when markdown would act on them (escaped marks never match).
RAW_MARKS = ["**b**", ":red[x]", "[x](javascript:", "![i](", "$$x$$", "<img"]
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The same controls in a table's Arrow bytes: UTF-8 in cells and names, \u escapes in pandas' JSON metadata.
BIDI_BYTES = re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\\u202[a-e]|\\u206[6-9]", re.IGNORECASE)
# What the frontend would make a link of once markdown has read the text (its escapes undone).
LINKABLE = re.compile(r"(?i)(https?://|www\.)evil\.example|mail@evil\.example")


# Where Streamlit reads markdown: a Markdown or Alert element's body, and every label, help and radio option.
MARKDOWN_TYPES = {
    "markdown",
    "title",
    "header",
    "subheader",
    "caption",
    "divider",
    "alert",
    "success",
    "info",
    "warning",
    "error",
    "toast",
}
LABEL_FIELDS = {"label", "help", "placeholder"}


def shown_strings(message: Message, element: str, found: list[tuple[str, bool]]) -> None:
    """(text, read as markdown) for every string of an element's proto that reaches the screen."""
    for descriptor, value in message.ListFields():
        name = descriptor.name
        if descriptor.message_type is not None:
            for item in value if descriptor.is_repeated else [value]:
                if isinstance(item, Message):
                    shown_strings(item, element, found)
            continue
        values = list(value) if descriptor.is_repeated else [value]
        texts = [v for v in values if isinstance(v, str)]
        if name == "body":
            found += [(v, element in MARKDOWN_TYPES) for v in texts]
        elif name in LABEL_FIELDS or (name == "options" and element == "radio"):
            found += [(v, True) for v in texts]
        elif name in {"options", "value", "default", "spec"}:
            found += [(v, False) for v in texts]


def nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def check_page(at: AppTest, where: str, seen: set[str]) -> None:
    """No markdown-read string holds the payload's marks unescaped; nothing holds a direction control;
    chart labels are escaped. Records which field markers the page shows."""
    assert errors_of(at) == [], where
    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        element = str(getattr(node, "type", ""))
        if element == "plotly_chart":
            spec = json.dumps(json.loads(proto.spec), ensure_ascii=False)
            assert "<img" not in spec and "<a " not in spec, f"{where}: a chart holds user HTML"
            assert not BIDI.search(spec), f"{where}: a chart holds a direction control"
            seen.update(re.findall(r"Z[a-z]+Z", spec))
            continue
        if element in {"arrow_data_frame", "dataframe", "table"}:  # cells are drawn as text
            cells = proto.SerializeToString()
            seen.update(m.decode() for m in re.findall(rb"Z[a-z]+Z", cells))
            if proto.editing_mode == proto.EditingMode.READ_ONLY:  # an editor holds what was typed, as a text box
                assert not BIDI_BYTES.search(cells), f"{where}: a table holds a direction control"
            continue
        found: list[tuple[str, bool]] = []
        shown_strings(proto, element, found)
        for text, markdown in found:
            seen.update(re.findall(r"Z[a-z]+Z", text.replace("\\", "")))
            if element not in {"text_input", "text_area"}:  # a field being edited holds what was typed
                assert not BIDI.search(text), f"{where}: a direction control in {element}: {text!r}"
            if markdown:
                unescaped = re.sub(r"\\.", "", text)  # an escaped mark shows as itself
                marks = [m for m in RAW_MARKS if m in unescaped]
                assert not marks, f"{where}: {element} reads user text as markdown ({marks}): {text!r}"
                read = re.sub(r"\\(.)", r"\1", text)  # what markdown leaves of the text: escapes undone
                assert not LINKABLE.search(read), f"{where}: {element} would show an address as a link: {text!r}"


@pytest.fixture
def hostile_week(app_db: str) -> Week:
    AppTest.from_file(APP, default_timeout=60).run()  # the app creates its database and the demo
    return seed(make_engine(app_db))


def visit(at: AppTest, where: str, seen: set[str]) -> None:
    check_page(at, where, seen)
    tabs = {"overview_tab": None, "strengths-tab": None}
    for key in tabs:
        if key in at.session_state:
            for tab in at.tabs:
                at.session_state[key] = tab.label
                at.run()
                check_page(at, f"{where} / {tab.label}", seen)


def test_every_user_text_field_shows_as_typed_on_every_page_of_every_role(hostile_week: Week) -> None:
    seen: set[str] = set()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    check_page(at, "home, signed out", seen)
    for role, code in (
        (Role.FACILITATOR, FACILITATOR),
        (Role.TEAM, hostile_week.ids["code"]),
        (Role.LEADERSHIP, LEADERSHIP),
    ):
        at = sign_in(AppTest.from_file(APP, default_timeout=60).run(), role, code)
        visit(at, f"{role.value} home", seen)
        for file, _, _ in BY_ROLE[role]:
            at.switch_page(f"pages/{file}").run()
            if file == "compare.py":  # unlock the other workshop, as leadership would
                at.selectbox(key="compare_other").set_value(hostile_week.ids["other"]).run()
                next(w for w in at.text_input if w.label.startswith("Leadership passcode")).input("lead-the-other-week")
                next(b for b in at.button if b.label == "Show the comparison").click().run()
            visit(at, f"{role.value} on {file}", seen)
    missing = {marker(n) for n in WRITTEN} - seen
    assert not missing, f"these fields were shown on no page, so the test proves nothing for them: {missing}"
