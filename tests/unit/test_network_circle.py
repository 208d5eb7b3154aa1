"""The network circle as a picture: three rings, every partner a labelled dot in the ring of its stage,
one legend entry per sector, user text escaped; 30 partners keep their labels apart."""

from __future__ import annotations

import itertools
import math

import pandas as pd

from workshop.charts.network_circle import RINGS, network_circle_figure
from workshop.domain.model import RelationStage

STAGES = {"network": "network", "collaboration": "collaboration", "partnership": "partnership"}
SECTORS = {"public": "public", "private": "private", "civil": "civil society"}


def thirty() -> pd.DataFrame:
    stages = ["network"] * 14 + ["collaboration"] * 10 + ["partnership"] * 6
    sectors = itertools.cycle(["public", "private", "civil"])
    names = [f"Partner number {n:02d}" for n in range(30)]
    return pd.DataFrame({"name": names, "stage": stages, "sector": [next(sectors) for _ in names]})


def test_three_rings_and_every_partner_labelled_in_the_ring_of_its_stage() -> None:
    partners = thirty()
    fig = network_circle_figure(partners, STAGES, SECTORS, "en")
    rings = [shape for shape in fig.layout.shapes if shape.type == "circle"]
    drawn = [outer for stage, (_, outer) in RINGS.items() if stage != RelationStage.UNKNOWN]  # none unknown here
    assert sorted(round(shape.x1, 2) for shape in rings) == sorted(drawn)
    assert [a.text for a in fig.layout.annotations] == ["<b>network</b>", "<b>collaboration</b>", "<b>partnership</b>"]
    assert [trace.name for trace in fig.data] == ["public", "private", "civil society"] and fig.layout.showlegend
    placed = {
        label.replace("<br>", " "): math.hypot(x, y)
        for trace in fig.data
        for label, x, y in zip(trace.text, trace.x, trace.y, strict=True)
    }
    assert sorted(placed) == sorted(partners["name"])  # every partner once, with its name as its label
    for name, stage in zip(partners["name"], partners["stage"], strict=True):
        inner, outer = RINGS[RelationStage(stage)]
        assert inner < placed[name] < outer or (inner == 0 and placed[name] < outer), name


def test_thirty_partners_keep_their_dots_apart() -> None:
    fig = network_circle_figure(thirty(), STAGES, SECTORS, "en")
    points = [(x, y) for trace in fig.data for x, y in zip(trace.x, trace.y, strict=True)]
    closest = min(math.dist(a, b) for a, b in itertools.combinations(points, 2))
    assert closest > 0.3  # a tenth of the circle's radius: labels of 18 characters a line fit between


def test_user_text_in_labels_and_hover_is_escaped() -> None:
    partners = pd.DataFrame({"name": ['<a href="x">Evil</a> & co'], "stage": ["partnership"], "sector": ["private"]})
    fig = network_circle_figure(partners, STAGES, SECTORS, "en")
    (trace,) = fig.data
    assert trace.text == ("&lt;a<br>href=&quot;x&quot;&gt;Evil&lt;/a&gt;<br>&amp; co",)  # wrapped, escaped
    assert trace.customdata[0][0] == "&lt;a href=&quot;x&quot;&gt;Evil&lt;/a&gt; &amp; co"
    assert "<a" not in trace.text[0] and "<a" not in trace.customdata[0][0]


def test_an_empty_register_draws_the_rings_alone() -> None:
    fig = network_circle_figure(pd.DataFrame(columns=["name", "stage", "sector"]), STAGES, SECTORS, "en")
    assert len(fig.data) == 0 and len([s for s in fig.layout.shapes if s.type == "circle"]) == 3
