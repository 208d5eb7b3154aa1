"""The HTML report reads as a document leadership can hand out: a summary in plain words first (the
weakest and strongest spaces and aims, what staff said, the decisions, the actions and their owners),
then the detail and an appendix with every answer, in the workshop's language, with no field names,
raw booleans or ids, and every piece of user text escaped."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

import pytest
from plotly.offline import get_plotlyjs as plotly_library
from sqlalchemy import Engine

from tests.hostile_week import marker, seed
from tests.unit.week_fixture import CAFE_TEXT, FORMULA_TEXT, SCRIPT_TEXT, build_week
from workshop.config.i18n import catalog
from workshop.domain.model import Action, Offer, ThemeStatus
from workshop.services.loop.actions import add_action
from workshop.services.loop.publication import set_published
from workshop.services.loop.reactions import react, set_reactions_open
from workshop.services.loop.themes import create_theme, update_theme
from workshop.services.loop.votes import open_vote, spend_dot
from workshop.services.register.assets import leaflet_html
from workshop.services.register.offers import add_offers
from workshop.services.whole.reports import html_report
from workshop.store import write
from workshop.store.tables import workshops

HOSTILE = '<img src=x onerror="alert(2)"> & "quotes"'
# What the old data dump showed: field names, raw booleans and statuses, empty values.
RAW = ["target_share", "mean_strength", "response_ids", "[park]", "[adopt]", "weak_silent", "in_progress"]
# A direction control as a character, or as a chart's JSON escape, or an HTML character reference.
BIDI_IN_HTML = re.compile(
    r"[\u202a-\u202e\u2066-\u2069]|\\u20(2[a-e]|6[6-9])|&#(x202[a-e]|x206[6-9]|823[4-8]|829[4-7]);", re.I
)
RAW_WORDS = re.compile(r"\b(True|False|None|nan|NaN)\b")


INLINE = {"strong", "b", "i", "em", "small", "span", "a"}


class _Text(HTMLParser):
    """The text a reader sees: everything but scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._hidden += tag in ("script", "style")
        self.parts.append("" if tag in INLINE else " ")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")
        self.parts.append("" if tag in INLINE else " ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def text_of(report: str) -> str:
    parser = _Text()
    parser.feed(report)
    return " ".join("".join(parser.parts).split())


def _loop_week(engine: Engine, language: str = "en"):  # type: ignore[no-untyped-def]
    week = build_week(engine)
    wid = week.workshop_id
    with write(engine) as conn:
        conn.execute(workshops.update().where(workshops.c.id == wid).values(language=language))
    add_offers(
        engine,
        wid,
        [
            Offer(name="Homework café", strength=4, spaces={"learning": 3}),
            Offer(name="Author talks", strength=4, spaces={"inspiration": 3, "learning": 1}),
            Offer(name="Open lounge", strength=1, spaces={"meeting": 2}),
        ],
    )
    sofas = create_theme(engine, wid, "More sofas", [week.answers[("Alpha", "q2")]])
    update_theme(engine, wid, sofas, "More sofas", ThemeStatus.ADOPT, "Buy them in spring")
    debates = create_theme(engine, wid, HOSTILE, [week.answers[("Beta", "q2")]])
    update_theme(engine, wid, debates, HOSTILE, ThemeStatus.PARK, "Not before the budget")
    create_theme(engine, wid, "Opening hours", [])
    add_action(engine, wid, Action(title="Order sofas", owner="Karen Holm", due=dt.date(2026, 1, 5)))
    set_published(engine, wid, True)
    set_reactions_open(engine, wid, sofas, True)
    react(engine, week.teams["Beta"], sofas, "concerns", "Where do they <b>fit</b>?")
    react(engine, week.teams["Gamma"], sofas, "agree", "")
    vote = open_vote(engine, wid, "What first?", "themes", 3)
    spend_dot(engine, week.teams["Alpha"], vote, sofas)
    spend_dot(engine, week.teams["Beta"], vote, sofas)
    return week


def test_the_summary_comes_first_in_plain_english_words(engine: Engine) -> None:
    week = _loop_week(engine)
    report = html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1))
    text = text_of(report)
    summary = text.split("The detail")[0]
    assert "Weakest space: Performative space — 0% of the coverage against a target of 25%." in summary
    assert "Strongest space: Learning space" in summary and "Weakest aim:" in summary
    assert "Weak spots: Meeting space, Performative space, Involvement" in summary
    assert "Staff see Meeting space differently from the mapping: 3.3 against 1.0" in summary
    assert "Meeting place: 5 answers. Words used most:" in summary and "sofas" in summary
    assert "Not tied to a main point: 1 answer. Words used most:" in summary
    assert "More sofas: adopted — Buy them in spring" in summary
    assert f"{HOSTILE}: parked — Not before the budget" in summary
    assert "Themes still open: 1." in summary
    assert "Order sofas" in summary and "Karen Holm" in summary and "planned, overdue" in summary
    assert text.index("Summary") < text.index("The detail") < text.index("Appendix: every answer")


def test_the_detail_has_readable_tables_the_staffs_view_reactions_and_votes(engine: Engine) -> None:
    week = _loop_week(engine)
    text = text_of(html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1)))
    detail = text.split("The detail")[1].split("Appendix: every answer")[0]
    assert "Space Share of coverage Target share Gap (points)" in detail
    assert "Performative space 0% 25% +25 0 weak spot" in detail
    assert "The staff's view beside the mapped view" in detail
    assert "Meeting space 3.3 (3 ratings) 1.0 +2.3 (more than a point apart)" in detail
    assert "1 team agrees, 1 team has concerns." in detail and "Beta has concerns Where do they <b>fit</b>?" in detail
    assert "Dot votes What first? On themes; 3 dots per team; still open. Rank Item Dots 1 More sofas 2" in detail
    assert "What holds us back? Option Chosen by Share of the answers money 2 100%" in detail


def test_the_report_shows_no_field_names_or_raw_values(engine: Engine) -> None:
    week = _loop_week(engine)
    for lang in ("en", "da"):
        report = html_report(engine, week.workshop_id, lang=lang, today=dt.date(2026, 3, 1))
        text = text_of(report)
        assert [raw for raw in RAW if raw in text] == []
        assert RAW_WORDS.findall(text) == []


def test_the_report_is_in_danish_for_a_danish_workshop_whatever_the_reader_uses(engine: Engine) -> None:
    week = _loop_week(engine, language="da")
    report = html_report(engine, week.workshop_id, lang="en", today=dt.date(2026, 3, 1))
    text = text_of(report)
    assert '<html lang="da">' in report
    assert "Svageste rum: Det performative rum — 0 % af dækningen mod et mål på 25 %." in text
    assert "More sofas: vedtaget — Buy them in spring" in text and f"{HOSTILE}: parkeret" in text
    assert "Karen Holm" in text and "planlagt, forsinket" in text
    assert "Medarbejderne ser Møderummet anderledes end kortlægningen: 3,3 mod 1,0" in text
    assert "Bilag: alle svar" in text
    assert [raw for raw in RAW if raw in text] == [] and RAW_WORDS.findall(text) == []


def _english_labels() -> set[str]:
    """Every piece of English report wording (the parts between {placeholders}) that Danish words differently."""
    english, danish = catalog("en"), catalog("da")
    pieces = set()
    for key, text in english.items():
        if (key.startswith("report.") or key.startswith("format.")) and text != danish[key]:
            pieces |= {part.strip() for part in re.split(r"\{[a-z_]+\}", text) if len(part.strip()) >= 6}
    return pieces


def test_a_danish_report_has_no_english_label_and_writes_numbers_and_dates_the_danish_way(engine: Engine) -> None:
    week = _loop_week(engine, language="da")
    text = text_of(html_report(engine, week.workshop_id, lang="en", today=dt.date(2026, 3, 1)))
    assert "Lavet 1. marts 2026" in text and "Order sofas Karen Holm 5. januar 2026" in text
    assert "3,3 mod 1,0" in text and "Møderummet 3,3 (3 vurderinger) 1,0 +2,3" in text
    assert re.findall(r"\d\.\d", text) == []  # no decimal point anywhere
    left = sorted(label for label in _english_labels() if label in text)
    assert left == [], f"English labels in the Danish report: {left}"


@pytest.mark.parametrize(("language", "expected"), [("nb", "Sammendrag"), ("nl", "Samenvatting")])
@pytest.mark.parametrize("reader", ["da", None])
def test_a_norwegian_or_dutch_workshop_gets_its_report_in_its_own_language(
    engine: Engine, language: str, expected: str, reader: str | None
) -> None:
    week = _loop_week(engine, language=language)
    assert expected in text_of(html_report(engine, week.workshop_id, lang=reader))


def test_every_answer_is_in_the_appendix_and_user_text_stays_escaped(engine: Engine) -> None:
    week = _loop_week(engine)
    report = html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1))
    appendix = report.split("Appendix: every answer")[1]
    for team, day, question, answer in [
        ("Alpha", 1, "How strong is the meeting space?", "4"),
        ("Beta", 1, "How strong is the meeting space?", "2"),
        ("Gamma", 1, "How strong is the meeting space?", "4"),
        ("Alpha", 1, "What should change?", FORMULA_TEXT),
        ("Beta", 1, "What should change?", CAFE_TEXT),
        ("Alpha", 2, "What holds us back?", "money · time"),
        ("Beta", 2, "What holds us back?", "money"),
        ("Gamma", 2, "Anything else?", SCRIPT_TEXT),
    ]:
        cells = "".join(f"<td>{html.escape(str(c))}</td>" for c in (team, day, question, answer))
        assert cells in appendix, cells
    assert "<h3>Not tied to a main point</h3>" in appendix
    for raw in ("<script>alert(1)</script>", "<b>now</b>", "<b>fit</b>", "<img src=x"):
        assert raw not in report
    assert html.escape(HOSTILE) in report and html.escape("Where do they <b>fit</b>?") in report


def test_no_direction_control_of_the_users_reaches_the_report_or_the_leaflet(engine: Engine) -> None:
    """Every user-text field of the hostile week (tests/hostile_week.py) carries U+202E: the report and the
    leaflet drop it, as the pages do, in their text, tables and charts; the field markers prove the text is there."""
    week = seed(engine)
    wid = week.ids["wid"]
    report, leaflet = html_report(engine, wid, today=dt.date(2026, 3, 1)), leaflet_html(engine, wid)
    assert all(marker(field) in report for field in ("workshop name", "theme title", "answer", "action owner"))
    assert all(marker(field) in leaflet for field in ("workshop name", "asset title", "asset description"))
    library = plotly_library()
    assert library in report  # the library's own code handles direction controls: it is not user text
    for document in (report.replace(library, ""), leaflet):
        assert not BIDI_IN_HTML.search(document), BIDI_IN_HTML.search(document)
