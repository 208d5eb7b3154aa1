"""Issue 27: a Danish, Norwegian and Dutch browser (da-DK, nb-NO, nl-NL) goes through the three places where
English leaked on the first morning: a facilitator's failing import, a team's refused save and leadership's
strengths page. Each must read as the language does: the locale's own messages, no common English word and
no message key in the main area (tests/app/english_words.py, the list the AppTest sweep uses; table cells
from the grid that mirrors the canvas, chart labels from the SVG) and figures with the language's decimal
comma. The journeys run on the session's server, on the demo in the browser's language (made for its first
visitor), and change nothing: the import is refused, and so is the save."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from tests.app.english_words import english_words
from tests.e2e.conftest import VIEWPORT, Server
from tests.e2e.driver import go_to, signed_in_line, wait_for_app
from workshop.config.i18n import catalog, translate
from workshop.config.spaces import spaces
from workshop.domain.model import DayStatus, QuestionKind
from workshop.services.whole.demo import demo_codes_hint
from workshop.store import make_engine
from workshop.store.tables import days, offers, questions, responses, teams, workshops

pytestmark = pytest.mark.e2e

BROWSER_LOCALES = {"da": "da-DK", "nb": "nb-NO", "nl": "nl-NL"}
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}  # CLDR's categories: a plural key's last part

# An offer list as each language's Excel saves it: cp1252, `;`, a decimal comma where a whole number belongs
# and a target group the workshop does not have, then a good row (the import is all or nothing).
OFFER_LISTS = {
    "da": ("Navn;Styrke;Målgrupper", "Skakklub for ældre;2,5;Alle;2", "Læsekreds på plejehjemmet;4;Voksne;3"),
    "nb": ("Navn;Styrke;Målgrupper", "Sjakklubb for eldre;2,5;Alle;2", "Lesesirkel på sykehjemmet;4;Voksne;3"),
    "nl": (
        "Naam;Sterkte;Doelgroepen",
        "Schaakclub voor ouderen;2,5;Iedereen;2",
        "Leesclub in het verzorgingshuis;4;Volwassenen;3",
    ),
}
UNKNOWN_GROUP = {"da": "Alle", "nb": "Alle", "nl": "Iedereen"}
# A decimal point between digits: "3.13", "+2.1", "0.272". A thousands point ("6.000") has three digits after
# it and no fourth: the way Danish, Norwegian (in Babel's older data) and Dutch group thousands.
DECIMAL_POINT = re.compile(r"\d\.(?!\d{3}(?!\d))\d+")


def offer_list(lang: str) -> bytes:
    header, bad, good = OFFER_LISTS[lang]
    learning = spaces().space_name("learning", lang)  # the space column under its name in the language
    return "\n".join([f"{header};{learning}", bad, good, ""]).encode("cp1252")


def _browser_in(browser: Any, server: Server, lang: str) -> Any:
    locale = BROWSER_LOCALES[lang]
    context = browser.new_context(
        viewport=VIEWPORT,
        base_url=server.url,
        locale=locale,
        extra_http_headers={"Accept-Language": f"{locale},{lang};q=0.9"},
    )
    context.set_default_timeout(30_000)
    return context


def _opened(context: Any) -> Any:
    page = context.new_page()
    page.goto("/")
    wait_for_app(page, timeout=60_000)
    return page


def _signed_in(page: Any, lang: str, role_key: str, team: str = "") -> None:
    """Wait out the run a sign-in started: its "signed in" line, in the language, shown by that run."""
    line = page.get_by_text(signed_in_line(role_key, team, lang))
    expect(line).to_be_visible(timeout=30_000)
    wait_for_app(page, settle=0)
    expect(line).to_be_visible()


def sign_in_staff(page: Any, lang: str, role_key: str, passcode: str) -> None:
    """The home page's passcode form, read in the page's language."""
    button = page.get_by_role("button", name=translate(lang, "gate.sign_in"))
    form = page.get_by_test_id("stForm").filter(has=button)
    form.get_by_text(translate(lang, f"role.{role_key}"), exact=True).click()
    form.get_by_label(translate(lang, "gate.passcode")).fill(passcode)
    button.click()
    _signed_in(page, lang, role_key)


def join_team(page: Any, lang: str, code: str, team: str) -> None:
    page.get_by_role("tab", name=translate(lang, "gate.team_tab"), exact=True).click()
    page.get_by_label(translate(lang, "gate.team_code")).fill(code)
    page.get_by_role("button", name=translate(lang, "gate.join")).click()
    _signed_in(page, lang, "team", team)


def main_text(page: Any) -> str:
    """What the main area shows as text: its elements, the cells of its tables (drawn on a canvas, mirrored
    in an accessible grid) and the words drawn in its charts."""
    main = page.get_by_test_id("stMain")
    cells = main.locator("[role='gridcell'], [role='columnheader'], td, th").all_inner_texts()
    drawn = main.locator(".js-plotly-plot svg text").all_text_contents()
    return "\n".join([main.inner_text(), *cells, *drawn])


LOOKS_LIKE_A_KEY = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def keys_shown(text: str) -> list[str]:
    """The locale keys the text shows in place of their message ("error.import_rejected"): a key, or the
    stem of a key with plural forms."""
    keys = set(catalog("en"))
    keys |= {key.rsplit(".", 1)[0] for key in keys if key.rsplit(".", 1)[-1] in PLURAL_FORMS}
    return sorted({found for found in LOOKS_LIKE_A_KEY.findall(text) if found in keys})


def no_english(page: Any, lang: str, where: str) -> str:
    """The main area's text, once it has been checked for common English words and for message keys."""
    shown = main_text(page)
    assert english_words(shown.splitlines(), lang) == [], f"{where}: common English words in {lang}"
    assert keys_shown(shown) == [], f"{where}: a message key on screen in place of its text"
    return shown


@dataclass
class Demo:
    """The demo workshop in a language, as the server made it for its first visitor of that language."""

    id: int
    offers: int
    team: str  # a team that has not answered one of the open day's choice questions
    code: str
    question: int  # that question


def demo_in(server: Server, lang: str) -> Demo:
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            wid = conn.execute(
                select(workshops.c.id).where(workshops.c.is_demo.is_(True), workshops.c.language == lang)
            ).scalar_one()
            offers_now = conn.execute(
                select(func.count()).select_from(offers).where(offers.c.workshop_id == wid)
            ).scalar_one()
            asked = (
                conn.execute(
                    select(questions.c.id)
                    .join(days, days.c.id == questions.c.day_id)
                    .where(
                        questions.c.workshop_id == wid,
                        days.c.status == DayStatus.OPEN,
                        questions.c.kind.in_([QuestionKind.SINGLE, QuestionKind.MULTIPLE]),
                    )
                )
                .scalars()
                .all()
            )
            answered = {
                (r.question_id, r.name)
                for r in conn.execute(
                    select(responses.c.question_id, teams.c.name)
                    .join(teams, teams.c.id == responses.c.team_id)
                    .where(responses.c.workshop_id == wid)
                )
            }
    finally:
        engine.dispose()
    codes: dict[str, str] = demo_codes_hint(lang)["teams"]  # type: ignore[assignment]
    free = [(n, q) for n in codes for q in asked if (q, n) not in answered]
    assert free, f"every {lang} demo team has answered the open day's choice questions"
    team, question = free[0]
    return Demo(id=wid, offers=int(offers_now), team=team, code=codes[team], question=question)


def offer_count(server: Server, wid: int) -> int:
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).select_from(offers).where(offers.c.workshop_id == wid)).scalar_one()
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("lang", list(BROWSER_LOCALES))
def test_a_failing_import_a_refused_save_and_the_strengths_page_read_in_the_browsers_language(
    browser: Any, server: Server, shots: Any, tmp_path: Path, lang: str
) -> None:
    codes = demo_codes_hint(lang)
    contexts = []

    def person() -> Any:
        """A page in a browser of its own (its own cookies, its own app session), set to the language."""
        contexts.append(_browser_in(browser, server, lang))
        return _opened(contexts[-1])

    try:
        # 1. The facilitator's first import: refused row by row in the language, and nothing imported.
        page = person()
        sign_in_staff(page, lang, "facilitator", str(codes["facilitator"]))
        demo = demo_in(server, lang)
        go_to(page, translate(lang, "nav.import_offers"))
        upload = tmp_path / f"{translate(lang, 'nav.offers')}.csv"
        upload.write_bytes(offer_list(lang))
        page.locator("input[type='file']").set_input_files(str(upload))
        wait_for_app(page, timeout=60_000)
        page.get_by_role("button", name=translate(lang, "import.run"), exact=True).click()
        refused = translate(lang, "error.import_rejected", n=2)
        expect(page.get_by_test_id("stAlertContentError")).to_contain_text(refused, timeout=60_000)
        wait_for_app(page, timeout=60_000)
        report = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").last
        expect(report).to_contain_text(translate(lang, "problem.not_whole", value="2,5"))
        group = translate(lang, "problem.not_a_target_group", value=UNKNOWN_GROUP[lang], groups="\x00")
        expect(report).to_contain_text(group.partition("\x00")[0])
        shots(page, "import-refused")
        no_english(page, lang, "the refused import")
        assert offer_count(server, demo.id) == demo.offers, "a refused import changed the offers"

        # 2. A team saves a choice question with nothing chosen: refused in the language.
        page = person()
        join_team(page, lang, demo.code, demo.team)
        go_to(page, translate(lang, "nav.answer"))
        save = page.locator(f".st-key-answer-save-{demo.question}").get_by_role("button")
        expect(save).to_have_text(translate(lang, "answer.save"))
        save.click()
        refusal = page.get_by_test_id("stAlertContentError")
        expect(refusal).to_contain_text(translate(lang, "error.choose_an_option"), timeout=60_000)
        wait_for_app(page, timeout=60_000)
        shots(page, "save-refused")
        no_english(page, lang, "the refused save")

        # 3. Leadership's strengths page: its figures with the language's decimal comma.
        page = person()
        sign_in_staff(page, lang, "leadership", str(codes["leadership"]))
        go_to(page, translate(lang, "nav.strengths"))
        main = page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stAlertContainer").first).to_be_visible()  # the weak and strong spots
        expect(main.locator(".js-plotly-plot .xtick text, .js-plotly-plot .ytick text").first).to_be_attached()
        shots(page, "strengths")
        shown = no_english(page, lang, "the strengths page")
        assert re.search(r"\d,\d", shown), "the strengths page shows no decimal figure"
        assert DECIMAL_POINT.findall(shown) == [], "a figure with a decimal point on the strengths page"
        for context in contexts:  # what went wrong was said as a message, never as a traceback
            expect(context.pages[0].get_by_test_id("stException")).to_have_count(0)
    finally:
        for context in contexts:
            context.close()
