"""The open day of the demo, in the browser: two teams answer at the same time in two separate browser
contexts and one edits its answer; the facilitator's morning view counts both; leadership finds both
answers under their main point and downloads the Excel report."""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import Server, Shots, page_factory
from tests.e2e.driver import en, errors_on, go_to, join_team, open_app, sign_in_staff, wait_for_app
from workshop.config.templates import demo, template
from workshop.domain.model import DayStatus

pytestmark = pytest.mark.e2e


@dataclass
class OpenDay:
    position: int
    title: str
    question: str  # the open day's first question (a text question)
    main_point: str  # the title of the main point that question belongs to
    answered_before: int  # teams that had answered it in the demo data
    teams: int
    answers: dict[str, str]  # team name -> the answer it finally saved
    replaced: str  # the first answer that the edit replaced


def open_day_of_the_demo() -> tuple[int, Any]:
    data = demo()
    position = data.day_status.index(DayStatus.OPEN) + 1
    return position, template(data.template).days[position - 1]


def answer_form(page: Any, question: str) -> Any:
    """The bordered card of one question on the answer page: the innermost block holding its text and box."""
    card = page.get_by_test_id("stVerticalBlock").filter(has_text=question)
    return card.filter(has=page.get_by_label(en("answer.text"))).last


@pytest.fixture(scope="module")
def answered(browser: Any, server: Server) -> Iterator[OpenDay]:
    """Two teams, each in its own browser context, answer the open day's first question at the same
    time; then the first team edits its answer."""
    data = demo()
    position, day = open_day_of_the_demo()
    question = day.questions[0]
    already = {a.team for a in data.answers if a.day == position and a.question == 1}
    first, second = [t for t in data.teams if t.name not in already][:2]
    marker = uuid.uuid4().hex[:6]
    texts = {
        first.name: f"Teenagers meet at the gaming evenings ({marker}).",
        second.name: f"Nobody meets in the archive reading room & that is **fine** <b>{marker}</b>.",
    }
    edited = f"Teenagers meet at the gaming evenings and in the makerspace ({marker}, edited)."
    point = next(p for p in template(data.template).main_points if p.key == question.main_point)
    shots = Shots("two_teams_answer_the_open_day_at_once")
    with page_factory(browser, server) as make:
        pages = {}
        for team in (first, second):
            page = make()
            if team is first:  # one joins with the join link, which opens the answer page
                open_app(page, f"/?code={team.code}")
                expect(page).to_have_url(re.compile(r"/answer\?"))
            else:  # the other with the home page's form, then the menu
                open_app(page)
                join_team(page, team.code, team.name)
                go_to(page, en("nav.answer"))
            expect(page.get_by_role("heading", name=en("nav.answer"))).to_be_visible()
            # The team's name is user text: plain text under the title, never in the heading.
            expect(page.get_by_text(en("answer.title", team=team.name), exact=True)).to_be_visible()
            answer_form(page, question.text).get_by_label(en("answer.text")).fill(texts[team.name])
            pages[team.name] = page
        # Both press save before either has heard back: the two submissions reach the server together.
        for page in pages.values():
            answer_form(page, question.text).get_by_role("button", name=en("answer.save")).click()
        for name, page in pages.items():
            wait_for_app(page)
            expect(answer_form(page, question.text).get_by_text(re.compile("^Saved at"))).to_be_visible()
            assert errors_on(page) == []
            shots(page, f"{name}-saved")
        page = pages[first.name]
        go_to(page, en("nav.home"))  # away and back: the form is filled from what the database holds
        go_to(page, en("nav.answer"))
        box = answer_form(page, question.text).get_by_label(en("answer.text"))
        expect(box).to_have_value(texts[first.name])
        box.fill(edited)
        answer_form(page, question.text).get_by_role("button", name=en("answer.save")).click()
        wait_for_app(page)
        expect(answer_form(page, question.text).get_by_text(re.compile("^Saved at"))).to_be_visible()
        shots(page, f"{first.name}-edited")
    replaced = texts[first.name]
    texts[first.name] = edited
    yield OpenDay(position, day.title, question.text, point.title, len(already), len(data.teams), texts, replaced)


def test_two_teams_answer_at_once_and_the_morning_view_counts_both(
    answered: OpenDay, new_page: Any, shots: Any
) -> None:
    page = new_page()
    open_app(page)
    sign_in_staff(page, "facilitator", demo().facilitator_code)
    go_to(page, en("nav.morning"))
    expect(page.get_by_role("heading", name=en("setup.day_n", n=answered.position))).to_be_visible()
    expect(page.get_by_text(answered.title, exact=True).first).to_be_visible()  # also a main point's title
    # The day's list of questions (ui/wall.py compact_list): the question's own card, its count on top. Not the
    # live panel's, which shows the day's questions in turn (the count's place around it moves with the turn).
    card = page.locator("[class*='st-key-morning-question-']").filter(has_text=answered.question).first
    count = card.get_by_test_id("stCaptionContainer").first
    expect(count).to_contain_text(en("morning.n_of_m", done=answered.answered_before + 2, n=answered.teams))
    shots(page, "morning-view")
    assert errors_on(page) == []


def test_leadership_finds_both_answers_under_their_main_point_and_downloads_the_excel_report(
    answered: OpenDay, new_page: Any, shots: Any
) -> None:
    page = new_page()
    open_app(page)
    sign_in_staff(page, "leadership", demo().leadership_code)
    go_to(page, en("nav.overview"))
    shots(page, "consolidated-view")
    # Narrow the view to the two teams, as a reader looking for them would (few rows, however many answers).
    for team in answered.answers:
        page.get_by_test_id("stMultiSelect").filter(has_text=en("overview.filter_team")).click()
        page.get_by_role("option", name=team, exact=True).click()
        wait_for_app(page)
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stMetric").filter(has_text=en("overview.teams_answered"))).to_contain_text("2 / ")
    heading = page.get_by_text(re.compile("^" + re.escape(answered.main_point))).first
    expect(heading).to_be_visible()
    heading.click()  # the main point's folded section: open it as a reader would
    wait_for_app(page)
    section = page.get_by_test_id("stExpander").filter(has_text=answered.main_point).first
    section.scroll_into_view_if_needed()
    shots(page, "both-answers")
    # Answers shown as text, or as cells of a table (drawn on a canvas, mirrored in an accessible grid).
    shown = section.inner_text() + "\n".join(section.locator("[role='gridcell'], td").all_inner_texts())
    for text in answered.answers.values():
        assert text in shown, f"{text!r} is not under its main point {answered.main_point!r}"
    assert answered.replaced not in shown
    assert errors_on(page) == []

    go_to(page, en("nav.reports"))
    page.get_by_text(en("reports.format_xlsx"), exact=True).click()
    page.get_by_role("button", name=en("reports.prepare")).click()
    wait_for_app(page)
    shots(page, "reports")
    with page.expect_download() as download:
        page.get_by_role("button", name=en("reports.download")).click()
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    cells = {str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value}
    for text in answered.answers.values():
        assert text in cells, f"the Excel report lacks {text!r}"
