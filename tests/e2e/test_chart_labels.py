"""Every bar of a chart carries its own visible label, in the browser: the partnership week's network
circle question (three long options) and rating questions whose long texts start alike, on the
leadership's consolidated view."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, page_factory, running_server
from tests.e2e.driver import en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from workshop.domain.model import DayStatus, QuestionKind
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.planning import save_question
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import make_engine, migrate

pytestmark = pytest.mark.e2e

LEADERSHIP = "lead-the-partnership-week"
CIRCLE = "Where is it on the network circle today?"
ALIKE = "How well does the library today support partnerships with the associations in {}?"
# Options chosen by 3, 2 and 1 teams: the chart lists them in the order of the network circle.
CHOSEN = [0, 0, 0, 1, 1, 2]

# Reads, per chart, each bar's data position and centre and each tick label's text and centre.
BARS_AND_TICKS = """(plot) => {
  const middle = (e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
  const ticks = [...plot.querySelectorAll('.yaxislayer-above .ytick text')].map(
    (e) => { const r = e.getBoundingClientRect();
             return {text: e.textContent, y: middle(e), top: r.top, bottom: r.bottom, shown: r.height > 0}; });
  const trace = plot.data[plot.data.length - 1];
  const bars = [...plot.querySelectorAll('.trace.bars')].pop().querySelectorAll('.point');
  const named = JSON.stringify([plot.layout.yaxis.ticktext, ...plot.data.map((d) => d.y)]);
  return {ticks, named, ticktext: plot.layout.yaxis.ticktext,
          bars: [...bars].map((e, i) => ({at: trace.y[i], y: middle(e)}))};
}"""


@pytest.fixture(scope="module")
def partnership_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, Any]]]:
    """Its own server on a partnership week with day 1 open and six teams' answers."""
    folder = tmp_path_factory.mktemp("e2e-charts")
    url = f"sqlite:///{folder / 'charts.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    wid = create_workshop(
        engine, "Partnership week", "facilitate-the-partnership-week", LEADERSHIP, template_key="partnership_week"
    )
    day = list_days(engine, wid)[0]
    set_day_status(engine, wid, int(day.id or 0), DayStatus.OPEN)
    circle = next(q for q in list_questions(engine, wid, day.id) if CIRCLE in q.text)
    places = ["our local history societies", "our sports clubs, scouts and youth associations"]
    rated = [save_question(engine, wid, int(day.id or 0), ALIKE.format(p), QuestionKind.RATING).id or 0 for p in places]
    teams = [add_team(engine, wid, f"Team {n}")[0] for n in range(len(CHOSEN))]
    for n, (team, option) in enumerate(zip(teams, CHOSEN, strict=True)):
        submit_answer(engine, team, Answer(question_id=int(circle.id or 0), choices=[circle.options[option]]))
        for question_id in rated:
            submit_answer(engine, team, Answer(question_id=question_id, rating=1 + n % 5))
    engine.dispose()
    with running_server(url, folder / "streamlit.log") as server:
        yield server, {"options": circle.options, "rated": [ALIKE.format(p) for p in places]}


@pytest.fixture(scope="module")
def leadership_page(browser: Any, partnership_server: tuple[Server, dict[str, Any]]) -> Iterator[Any]:
    """Leadership signed in on the consolidated view, once for the module: each test only opens a tab and
    reads its chart (signing in and drawing the view again took 3-6 s a test)."""
    server, _ = partnership_server
    with page_factory(browser, server) as make:
        page = make()
        open_app(page)
        sign_in_staff(page, "leadership", LEADERSHIP)
        go_to(page, en("nav.overview"))
        yield page


def drawn_chart(page: Any, tab: str, label: str) -> dict[str, Any]:
    """Open a tab of the consolidated view and read the chart whose labels include `label`."""
    page.get_by_role("tab", name=en(tab), exact=True).click()
    wait_for_app(page)
    plots = page.locator(".js-plotly-plot")
    expect(plots.first).to_be_visible()
    page.wait_for_timeout(500)  # plotly draws after the element appears
    for i in range(plots.count()):
        found = plots.nth(i).evaluate(BARS_AND_TICKS)
        if label in found["named"]:  # the chart's data, whether or not the label is drawn
            return found
    pytest.fail(f"no chart on {tab} shows {label!r}")


def squeezed(text: str) -> str:
    return "".join(text.split())


def assert_each_bar_has_its_own_label(found: dict[str, Any], expected: list[str]) -> None:
    ticks = found["ticks"]
    assert len(ticks) == len(expected), f"{len(ticks)} labels drawn for {len(expected)} bars"
    assert all(t["shown"] for t in ticks)
    for bar in found["bars"]:
        nearest = min(ticks, key=lambda t: abs(t["y"] - bar["y"]))
        # A bar sits at its position (or, on a category axis, at its own label's text).
        own = expected[bar["at"]] if isinstance(bar["at"], int) else html.unescape(bar["at"])
        assert squeezed(nearest["text"]) == squeezed(own), "a label stands beside another bar"
    spans = sorted((t["top"], t["bottom"]) for t in ticks)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "labels overlap"


def test_each_option_of_the_network_circle_stands_beside_its_own_bar(
    leadership_page: Any, partnership_server: tuple[Server, dict[str, Any]]
) -> None:
    options = partnership_server[1]["options"]
    found = drawn_chart(leadership_page, "overview.tab_choices", "Collaboration")
    assert_each_bar_has_its_own_label(found, options)  # counts 3, 2, 1: the circle's own order
    assert errors_on(leadership_page) == []


def test_each_rating_question_keeps_its_own_bar_and_label_however_alike_the_texts(
    leadership_page: Any, partnership_server: tuple[Server, dict[str, Any]]
) -> None:
    found = drawn_chart(leadership_page, "overview.tab_ratings", "sports")
    drawn = [squeezed(t["text"]) for t in found["ticks"]]
    for text in partnership_server[1]["rated"]:
        assert squeezed(text) in drawn
    assert_each_bar_has_its_own_label(found, [html.unescape(t.replace("<br>", " ")) for t in found["ticktext"] or []])


def test_every_space_of_the_against_the_gaps_chart_keeps_its_label(leadership_page: Any) -> None:
    leadership_page.get_by_role("tab", name=en("overview.tab_gaps"), exact=True).click()
    wait_for_app(leadership_page)
    plot = leadership_page.locator(".js-plotly-plot").first
    expect(plot).to_be_visible()
    leadership_page.wait_for_timeout(500)
    drawn = plot.evaluate(
        """(plot) => ({x: plot.data[0].x, ticks: [...plot.querySelectorAll('.xaxislayer-above .xtick text')]
                       .filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.textContent)})"""
    )
    assert [squeezed(t) for t in drawn["ticks"]] == [squeezed(html.unescape(x)) for x in drawn["x"]]
