"""The morning view and the wall fit a tablet and a phone on a heavy week, whatever question is on the wall.

The week as the other journeys leave the shared server: more teams with long names, a long main point, two
days open at once, choice options and written answers of long words, every team answering. On such a week
the morning view on a tablet (820 px, the menu open beside it: the live chart gets a column of ~260 px) and
on a phone (390 px) drew the key terms' chart with its axis title centred under a plot area that the long
labels had pushed right, 40 px past the screen's edge (the full suite's "three elements wider than the
screen": the title's text and its two groups); the question picker of a six-question day ran past it too.
Two open days at once stopped the page with a duplicate element key. Each question of the first open day
is put on the wall in turn, and each time nothing may stick out past the screen, on the morning view and on
the projector link, and every label of the live results (an option, a rating, a key term) is shown whole:
its full text in one element, no wider than its box, inside the screen. The plotly chart the live results
once were wrapped a long option over lines and, in a column a few hundred pixels wide, cut it off on the
left."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import FIGURES, Server, Shots, running_server
from tests.e2e.driver import demo_made, en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from tests.e2e.test_phone import OVERFLOW, PHONE, TABLET, sidebar_covers_the_page
from workshop.config.templates import demo
from workshop.domain.model import DayStatus, QuestionKind
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.morning import live_results, new_projector_link
from workshop.services.week.planning import save_main_point, save_question
from workshop.services.workshops.lifecycle import add_team

pytestmark = pytest.mark.e2e

LONG = "lokalhistorisk arkiv, borgerservice og læsekredse for voksne"
WORDS = "Bibliotekstransformationsprocessen Kulturformidlingsstrategien Sommerferieaktiviteterne"
# An option that is markup, and one word longer than a phone is wide: shown as typed, wrapped inside its box.
HOSTILE = "<b>Option 6</b> <img src=x onerror=alert(1)> " + "Sommerferieaktiviteterne" * 4
Live = list[tuple[int, list[str]]]  # per question on the wall: its id and the labels of its live results


@pytest.fixture(scope="module")
def heavy_week(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str, Live]]:
    """Its own server on the demo week made heavy: twelve more teams with long names, days 3 and 4 open, a
    long main point behind a choice of seven long options (one of them markup with a 96-letter word), written
    answers of long words, every team answering every question. Yields the server, a projector token and, per
    question of the first open day, its id and the labels of its live results (its options or ratings, or the
    key terms of its answers)."""
    folder = tmp_path_factory.mktemp("e2e-heavy")
    url = f"sqlite:///{folder / 'heavy.sqlite3'}"
    with running_server(url, folder / "streamlit.log") as server:
        page = browser.new_page(base_url=server.url)
        open_app(page)  # the first visit makes the demo
        page.close()
        engine, wid = demo_made(url)
        point = save_main_point(engine, wid, "A main point whose title goes on and on, as a long week's titles do")
        teams = [add_team(engine, wid, f"Team {n}: {LONG}")[0] for n in range(12)]
        days = list_days(engine, wid)
        opened = [d for d in days if d.status == DayStatus.OPEN] + [d for d in days if d.status == DayStatus.PLANNED][
            :1
        ]
        for day in opened:
            day_id = int(day.id or 0)
            options = [f"Option {k}: {LONG} and the rest of a long option" for k in range(6)] + [HOSTILE]
            save_question(engine, wid, day_id, "Which of these? " * 6, QuestionKind.SINGLE, options, None, point.id)
            save_question(engine, wid, day_id, "In your own words, what would change? " * 3)
            set_day_status(engine, wid, day_id, DayStatus.OPEN)
            for n, team in enumerate(teams):
                for q in list_questions(engine, wid, day.id):
                    if q.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
                        submit_answer(
                            engine, team, Answer(question_id=int(q.id or 0), choices=[q.options[n % len(q.options)]])
                        )
                    elif q.kind == QuestionKind.TEXT:
                        submit_answer(engine, team, Answer(question_id=int(q.id or 0), text=f"{WORDS} {LONG} {n}"))
                    else:
                        submit_answer(engine, team, Answer(question_id=int(q.id or 0), rating=1 + n % 5))
        token = new_projector_link(engine, wid)
        asked = [
            (int(r.question.id or 0), [label for label, _ in (r.counts if r.shows_bars else r.terms)])
            for r in live_results(engine, wid, int(opened[0].id or 0))
        ]
        engine.dispose()
        yield server, token, asked


# An element's box, the width its content needs, and its text: a label cut off or running past its box or the
# screen is a wrong reading of the room.
BOX = """(e) => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, scroll: e.scrollWidth, client: e.clientWidth, text: e.textContent}; }"""


def shown_whole(element: Any, label: str, width: int) -> bool:
    box = element.evaluate(BOX)
    return (
        element.is_visible()
        and box["text"].strip() == label
        and box["scroll"] <= box["client"] + 1
        and box["left"] >= 0
        and box["right"] <= width + 1
    )


def labels_shown_whole(page: Any, qid: int, labels: list[str], where: str) -> None:
    """Each label of the live results is one element holding its full text, no wider than its box, inside the
    screen (for a rating, the digit of its label or of a count: either reads the same)."""
    width = page.viewport_size["width"]
    live = page.locator(f".st-key-morning-live-{qid}")
    expect(live).to_be_visible()
    assert labels, f"{where}: no live results to check"
    cut = {}
    for label in labels:
        found = live.get_by_text(label).all()
        if not any(shown_whole(e, label, width) for e in found):
            cut[label] = [e.evaluate(BOX) for e in found]  # what was seen instead, for the message
    assert cut == {}, f"{where}: live labels not shown whole on the {width} px screen: {cut}"


def fits(page: Any, qid: int, labels: list[str], where: str) -> None:
    width = page.viewport_size["width"]
    expect(page.locator(f".st-key-morning-live-{qid}")).to_be_visible()
    page.wait_for_timeout(300)  # the live results drawn once their element is in place
    labels_shown_whole(page, qid, labels, where)
    wide = page.evaluate(OVERFLOW, width)
    assert wide == [], f"{where}: elements wider than the {width} px screen"
    assert errors_on(page) == [], where


def every_question_fits(page: Any, asked: Live, where: str, shots: Shots) -> None:
    """Put each question of the first open day on the wall, and check the page each time."""
    picker = page.get_by_test_id("stButtonGroup").first
    for number, (qid, labels) in enumerate(asked, start=1):
        picker.get_by_role("radio", name=str(number), exact=True).click()
        wait_for_app(page)
        expect(picker.get_by_role("radio", name=str(number), exact=True)).to_be_checked()
        fits(page, qid, labels, f"{where}, question {number} on the wall")
        page.locator(f".st-key-morning-live-{qid}").scroll_into_view_if_needed()
        shots(page, f"{where}-question-{number}")


@pytest.mark.parametrize("device", [TABLET, PHONE], ids=["tablet", "phone"])
def test_the_morning_view_and_the_wall_fit_the_screen_on_a_heavy_week(
    browser: Any, heavy_week: tuple[Server, str, Live], device: dict[str, Any], shots: Shots
) -> None:
    started = time.monotonic()
    server, token, asked = heavy_week
    context = browser.new_context(**device, base_url=server.url)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        open_app(page)
        sign_in_staff(page, "facilitator", demo().facilitator_code)
        if not sidebar_covers_the_page(page):  # on a tablet the menu stays open beside the page
            page.get_by_test_id("stExpandSidebarButton").tap()
        go_to(page, en("nav.morning"))
        expect(page.get_by_role("heading", level=1)).to_have_count(2)  # both open days
        every_question_fits(page, asked, "morning view", shots)
        wall = context.new_page()
        open_app(wall, f"/?projector={token}")
        expect(wall.get_by_role("heading", level=1)).to_have_count(2)
        every_question_fits(wall, asked, "wall", shots)
    finally:
        context.close()
    FIGURES.append(f"heavy week on a {device['viewport']['width']} px screen: {time.monotonic() - started:.1f} s")
