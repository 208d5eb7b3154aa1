"""The leaflet in a real browser (issue 16): printed as a PDF by Chromium it is one A4 sheet, for the demo's
eight assets and for a list far too long for one page; opening it fetches nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from workshop.services.register.assets import add_asset, leaflet_html
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate

A4_POINTS = (595, 842)  # 210 x 297 mm


def sheets(pdf: bytes) -> list[tuple[int, int]]:
    """The size (points, rounded) of every page of a PDF Chromium wrote."""
    return [(round(float(w)), round(float(h))) for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)]


@pytest.mark.parametrize("extra", [0, 40])
def test_the_leaflet_prints_on_one_a4_sheet_and_fetches_nothing(browser: Any, tmp_path: Path, extra: int) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'leaflet.sqlite3'}")
    migrate(engine)
    wid = create_demo(engine)
    for n in range(extra):
        add_asset(engine, wid, f"Another asset with a long title, number {n}", "It runs on and on, " * 20)
    file = tmp_path / "leaflet.html"
    file.write_text(leaflet_html(engine, wid), encoding="utf-8")
    engine.dispose()

    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(file.as_uri())
    assert fetched == [file.as_uri()]  # no font, picture, script or style from anywhere else
    assert page.locator("li").count() == 8 + extra
    pdf = page.pdf(prefer_css_page_size=True)
    context.close()
    assert sheets(pdf) == [A4_POINTS]
