"""Staff read each other on a phone (issue 26.1, 26.2): at 390×844 a team opens the week's log, reads
another team's WHOLE long answer (a grid drawn on a canvas cut it to "Sundhedsplej…"), comments on it
right there, and the comment appears under the answer; one offer of the mapping fits about one screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import Engine

from tests.e2e.conftest import FIGURES, Server, Shots, demo_database, running_server
from tests.e2e.driver import demo_made, en, errors_on, go_to, join_team, open_app, wait_for_app
from workshop.config.i18n import translate
from workshop.config.templates import demo
from workshop.domain.model import DayStatus
from workshop.services.register.mapping import set_mapping_phase
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions
from workshop.services.week.planning import set_publish_log_immediately
from workshop.services.workshops.lifecycle import list_teams

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LONG = (
    "Sundhedsplejerskerne kunne holde deres åbne rådgivning i børnebiblioteket hver tirsdag formiddag, så "
    "forældre til de mindste møder bøgerne, rimene og hinanden i samme besøg. Vi har talt med to af dem, og "
    "de vil gerne prøve det i foråret, hvis vi kan låne dem et stille hjørne og en puslepude. Det sidste ord "
    "i dette lange svar er SLUTORD."
)
COMMENT = "Could the health visitors also come on Saturdays?"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: this journey publishes the log at once and opens the mapping."""
    folder = tmp_path_factory.mktemp("e2e-phone-reading")
    with running_server(demo_database(folder / "phone.sqlite3"), folder / "streamlit.log") as started:
        yield started


@pytest.fixture
def phone(browser: Any, own_server: Server) -> Iterator[Any]:
    context = browser.new_context(**PHONE, base_url=own_server.url)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def _demo_workshop(server: Server) -> tuple[Engine, int]:
    """The demo workshop the app's first visit creates."""
    return demo_made(server.database_url)


def _open_menu_and_go(page: Any, title: str) -> None:
    page.get_by_test_id("stExpandSidebarButton").tap()
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")
    go_to(page, title)


def test_a_team_reads_another_teams_whole_answer_on_a_phone_and_comments_under_it(
    phone: Any, own_server: Server, shots: Shots
) -> None:
    data = demo()
    reader, writer = data.teams[0], data.teams[1]
    open_app(phone)  # the first visit creates the demo
    engine, wid = _demo_workshop(own_server)
    day = next(d for d in list_days(engine, wid) if d.status == DayStatus.OPEN)
    question = list_questions(engine, wid, day.id)[0]  # the log opens on the newest day's first question
    author = next(t for t in list_teams(engine, wid) if t.name == writer.name)
    submit_answer(engine, author, Answer(int(question.id or 0), LONG))
    set_publish_log_immediately(engine, wid, True)

    join_team(phone, reader.code, reader.name)
    _open_menu_and_go(phone, en("nav.week_log"))
    answer = phone.get_by_test_id("stText").filter(has_text=re.compile(f"^{re.escape(LONG)}$"))
    expect(answer).to_have_count(1)
    answer.scroll_into_view_if_needed()
    expect(answer).to_be_visible()
    assert answer.inner_text().strip() == LONG  # the whole text in the page, not a canvas's "Sundhedsplej…"
    box = answer.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # wrapped within the screen
    assert answer.evaluate("(e) => e.scrollWidth <= e.clientWidth + 1")  # nothing hidden sideways
    card = phone.get_by_test_id("stVerticalBlock").filter(has=answer).filter(has_text=writer.name).last
    expect(card.get_by_test_id("stText").filter(has_text=re.compile(f"^{re.escape(writer.name)}$"))).to_be_visible()
    shots(phone, "another-teams-whole-answer")

    card.get_by_text(en("log.comment_action")).tap()
    wait_for_app(phone)
    text_box = card.get_by_label(en("log.comment_label", n=1000))
    text_box.fill(COMMENT)
    card.get_by_role("button", name=en("log.comment_send")).tap()
    wait_for_app(phone)
    comment = card.get_by_test_id("stText").filter(has_text=f"{reader.name}: {COMMENT}")
    expect(comment).to_be_visible()
    comment_box, answer_box = comment.bounding_box(), answer.bounding_box()
    assert comment_box is not None and answer_box is not None
    assert comment_box["y"] > answer_box["y"] + answer_box["height"] - 1  # under the answer, in its card
    assert errors_on(phone) == []
    comment.scroll_into_view_if_needed()
    shots(phone, "the-comment-under-the-answer")


def test_one_offer_of_the_mapping_fits_about_one_phone_screen(phone: Any, own_server: Server, shots: Shots) -> None:
    data = demo()
    open_app(phone)
    engine, wid = _demo_workshop(own_server)
    set_mapping_phase(engine, wid, DayStatus.OPEN)
    team = next(t for t in data.teams if t.name == "Adult services")  # it owns offers to map
    join_team(phone, team.code, team.name)
    _open_menu_and_go(phone, en("nav.mapping"))
    card = (  # the innermost block with the offer's heading and its buttons: the card, not a column
        phone.get_by_test_id("stVerticalBlock")
        .filter(has=phone.get_by_text(en("mapping.offer"), exact=True))
        .filter(has=phone.get_by_role("button", name=en("mapping.save_next")))
        .last
    )
    expect(card).to_be_visible()
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box is not None
    phone.set_viewport_size({"width": 390, "height": int(box["height"]) + 200})  # the whole card in the shot
    card.scroll_into_view_if_needed()
    shots(phone, "one-offer-of-the-mapping")
    phone.set_viewport_size(PHONE["viewport"])
    FIGURES.append(f"one offer of the mapping at 390×844: {box['height'] / 844:.2f} screens")
    assert box["height"] <= 1.2 * 844, f"one offer is {box['height'] / 844:.1f} screens long"
    assert box["x"] + box["width"] <= 390
    assert errors_on(phone) == []


def test_one_offer_of_the_mapping_fits_about_one_phone_screen_in_danish(
    browser: Any, own_server: Server, shots: Shots
) -> None:
    """As the issue saw it: a Danish phone, opened by the team's join link straight to the mapping."""
    context = browser.new_context(
        **PHONE, base_url=own_server.url, locale="da-DK", extra_http_headers={"Accept-Language": "da-DK,da;q=0.9"}
    )
    try:
        phone = context.new_page()
        open_app(phone)
        engine, wid = _demo_workshop(own_server)
        set_mapping_phase(engine, wid, DayStatus.OPEN)
        team = next(t for t in demo().teams if t.name == "Adult services")
        open_app(phone, f"/mapping?w={wid}&code={team.code}")
        card = (
            phone.get_by_test_id("stVerticalBlock")
            .filter(has=phone.get_by_text(translate("da", "mapping.offer"), exact=True))
            .filter(has=phone.get_by_role("button", name=translate("da", "mapping.save_next")))
            .last
        )
        expect(card).to_be_visible()
        box = card.bounding_box()
        assert box is not None
        FIGURES.append(f"one offer of the mapping at 390×844 in Danish: {box['height'] / 844:.2f} screens")
        assert box["height"] <= 1.2 * 844, f"one offer is {box['height'] / 844:.1f} screens long in Danish"
        assert errors_on(phone) == []
    finally:
        context.close()
