"""Every page of every role in Danish, on the Danish demo, writes its numbers with a decimal comma: no
"3.13", "+2.1" or "0.272" in any text, table cell or chart label (issue 27.3)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_every_language import LAZY_TABS, PAGES, demo_urls, opened, screen_texts, signed_in
from workshop.config.i18n import translate
from workshop.domain.model import Role

__all__ = ["demo_urls"]  # the module's fixture: one Danish demo database for all its pages
NUMBER_WITH_A_POINT = re.compile(r"(?<![\w.])[-+−]?\d+\.\d+(?![\w.])")  # "3.13", "+2.1"; not "D1.Q1"
# Danish writes a point in two places (CLDR): the group mark ("5.000", "310.000") and the clock ("08.24").
DANISH_POINTS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+|[0-2]\d\.[0-5]\d(\.[0-5]\d)?")


def decimal_points(text: str) -> list[str]:
    """The numbers in a text written with a decimal point (a style sheet is no text a reader sees)."""
    if text.lstrip().startswith("<style"):
        return []
    return [
        m.group() for m in NUMBER_WITH_A_POINT.finditer(text) if not DANISH_POINTS.fullmatch(m.group().lstrip("+-−"))
    ]


def shown(at: AppTest) -> list[str]:
    """What the page shows, table cells included (a number in a table is drawn as the page writes it)."""
    cells = [str(v) for table in at.dataframe for v in table.value.astype(str).to_numpy().ravel()]
    return screen_texts(at) + cells


@pytest.mark.parametrize(("role", "page"), PAGES, ids=[f"{r.value if r else 'public'}-{p[:-3]}" for r, p in PAGES])
def test_a_danish_page_writes_no_decimal_point(
    role: Role | None, page: str, demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = opened("da", demo_urls, monkeypatch)
    if role is not None:
        at = signed_in(at, "da", role)
    if page != "home.py":
        at.switch_page(f"pages/{page}").run()
    found = sorted({text for text in shown(at) if decimal_points(text)})
    assert found == [], f"{page}: {found[:10]}"


@pytest.mark.parametrize("page", list(LAZY_TABS))
def test_every_tab_of_a_danish_page_writes_no_decimal_point(
    page: str, demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(opened("da", demo_urls, monkeypatch), "da", Role.LEADERSHIP)
    at.switch_page(f"pages/{page}").run()
    state, keys = LAZY_TABS[page]
    for key in keys:
        at.session_state[state] = translate("da", key)
        at.run()
        found = sorted({text for text in shown(at) if decimal_points(text)})
        assert found == [], f"{page}, {key}: {found[:10]}"
