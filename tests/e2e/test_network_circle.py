"""The network circle in the browser: on the demo's partner page every partner's name is drawn as a visible
label, and no two labels cover each other."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Shots
from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff
from workshop.config.templates import demo

pytestmark = pytest.mark.e2e


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_every_partner_is_a_visible_label_in_the_circle_and_none_covers_another(new_page: Any, shots: Shots) -> None:
    page = new_page()
    open_app(page)
    sign_in_staff(page, "leadership", demo().leadership_code)
    go_to(page, en("nav.partners"))
    expect(page.get_by_text(en("partners.circle"), exact=True)).to_be_visible()
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    labels = chart.locator(".scatterlayer .textpoint")
    expect(labels).to_have_count(len(demo().partners))
    shots(page, "network circle")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    drawn = [" ".join(labels.nth(i).locator("tspan, text").first.text_content().split()) for i in range(len(boxes))]
    assert all(box and box["width"] > 20 and box["height"] > 8 for box in boxes), drawn
    covered = [
        (drawn[i], drawn[j]) for i, j in itertools.combinations(range(len(boxes)), 2) if _overlap(boxes[i], boxes[j])
    ]  # type: ignore[arg-type]
    assert covered == []
    names = chart.evaluate("gd => gd.data.flatMap(trace => trace.customdata.map(row => row[0]))")
    assert sorted(names) == sorted(p.name.replace("'", "&#x27;") for p in demo().partners)
    assert errors_on(page) == []
