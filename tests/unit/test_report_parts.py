"""The report holds every part the workshop used and no part it did not: a partnership week's verdicts,
network circle, partner register and assets; no empty heading for a part without data; the staff's view
only once a team rated a space."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from sqlalchemy import Engine

from tests.unit.partnership_fixture import HTML_TEXT, WORD_FIELD, build_partnership_week
from tests.unit.test_report_document import _loop_week, text_of
from tests.unit.week_fixture import build_week
from workshop.config.i18n import catalog
from workshop.domain.model import Offer
from workshop.services.register.offers import add_offers
from workshop.services.whole.reports import html_report
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import write
from workshop.store.tables import main_points

TODAY = dt.date(2027, 3, 1)


def headings(report: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h[1-4]>(.*?)</h[1-4]>", report)]


def test_a_partnership_week_reports_its_verdicts_network_circle_register_and_assets(engine: Engine) -> None:
    week = build_partnership_week(engine)
    report = html_report(engine, week.workshop_id, today=TODAY)
    text = text_of(report)
    summary = text.split("The detail")[0]
    assert "Maker camp: Leadership said yes, with conditions: If the makers bring their own tools" in summary
    assert "Not screened yet" not in text  # nobody screened it and there is no verdict
    found = headings(report)
    for heading in (
        'Proposals screened with "How to Say No"',
        "Partners and the network circle",
        "The network circle",
        "The partner register",
        "What the library can offer partners",
    ):
        assert heading in found, heading
    detail = text.split('Proposals screened with "How to Say No" How the teams')[1]
    assert f"Proposed by {HTML_TEXT} · Partner" not in detail  # no partner linked to the proposal
    assert f"Proposed by {HTML_TEXT} · Concerns: Performative space · screened by 2 teams" in detail
    assert (
        "No. Question Yes No Unsure Disagreement 1 Does the project support the library's mission and vision? 2 0 0"
        in detail
    )
    assert re.search(r"\b13 [^0-9]+ 1 1 0 teams disagree", detail)
    # The network circle: a chart with a dot per partner, and its figures in a table.
    charts = [json.loads(m) for m in re.findall(r'Plotly\.newPlot\(\s*"[^"]+",\s*(\[.*?\]),\s*\{', report)]
    dots = sorted(name for chart in charts for trace in chart for name in trace.get("text") or [] if "<" not in name)
    assert {"Nordby Makers", "Red Cross"} <= set(dots)
    assert "Formalisation civil society public Partners network 1 0 1 collaboration 0 1 1 partnership 1 0 1" in detail
    assert "Nordby Makers civil society partnership Learning space, Performative space Maker space" in detail
    assert f"Red Cross civil society network {WORD_FIELD}" in detail
    assert "Long opening hours Open 8-22 every day of the year High public trust" in detail
    assert html.escape(HTML_TEXT) in report and HTML_TEXT not in report


def test_a_four_spaces_week_without_partnership_data_has_no_empty_heading(engine: Engine) -> None:
    wid = create_workshop(engine, "Strategy week 2027", "facilitate-fx", "lead-fixture", "four_spaces_week")
    add_team(engine, wid, "Alpha")
    add_offers(engine, wid, [Offer(name="Homework café", strength=4, spaces={"learning": 3})])
    report = html_report(engine, wid, today=TODAY)
    found = headings(report)
    left_out = [
        'Proposals screened with "How to Say No"',
        "Partners and the network circle",
        "The network circle",
        "What the library can offer partners",
        "Ratings",
        "Choices",
        "Themes, decisions and reactions",
        "Decisions taken",
        "Actions and owners",
        "What staff said",
        "Appendix: every answer",
        "The staff's view beside the mapped view",
    ]
    assert [h for h in left_out if h in found] == []
    text = text_of(report)
    for empty in (
        "No rated questions answered",
        "No choice questions answered",
        "No themes yet",
        "No actions yet",
        "No decisions yet",
        "No answers",
        "no ratings yet",
    ):
        assert empty not in text
    assert "The four spaces: coverage and gaps" in found and "Weakest space:" in text


def test_the_staffs_view_appears_once_a_team_rated_and_not_before(engine: Engine) -> None:
    week = build_week(engine)  # three teams rated the meeting space
    add_offers(engine, week.workshop_id, [Offer(name="Open lounge", strength=1, spaces={"meeting": 2})])
    assert "The staff's view beside the mapped view" in headings(html_report(engine, week.workshop_id))
    unrated = create_workshop(engine, "Nobody rated", "facilitate-fx", "lead-fixture")
    add_offers(engine, unrated, [Offer(name="Open lounge", strength=1, spaces={"meeting": 2})])
    report = html_report(engine, unrated)
    assert "The staff's view beside the mapped view" not in headings(report)
    assert "Staff's rating" not in text_of(report)


def _english_pieces(prefixes: tuple[str, ...]) -> set[str]:
    """The English wording (between placeholders) of the keys the report uses that Danish words differently."""
    english, danish = catalog("en"), catalog("da")
    words = {word for text in danish.values() for word in re.findall(r"\w+", text)}  # "Partner" is Danish too
    return {
        piece.strip()
        for key, text in english.items()
        if key.startswith(prefixes) and text != danish[key]
        for piece in re.split(r"\{[a-z_]+\}", text)
        if len(piece.strip()) >= 6 and piece.strip() not in words
    }


def test_a_danish_partnership_week_gets_its_partnership_parts_in_danish(engine: Engine) -> None:
    week = build_partnership_week(engine, language="da")
    report = html_report(engine, week.workshop_id, lang="en", today=TODAY)
    found = headings(report)
    for heading in (
        'Forslag vurderet med "How to Say No"',
        "Partnere og netværkscirklen",
        "Netværkscirklen",
        "Partnerregistret",
        "Det kan biblioteket tilbyde partnere",
    ):
        assert heading in found, heading
    text = text_of(report).replace("High public trust", "")  # the library's own words stay as typed
    assert "Maker camp: Ledelsen sagde ja, på betingelser: If the makers bring their own tools" in text
    assert "Formalisering civilsamfund offentlig Partnere netværk 1 0 1" in text
    english = _english_pieces(("report.", "partners.", "screening.", "assets."))
    left = sorted(piece for piece in english if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text))
    assert left == [], left


def test_a_theme_nobody_reacted_to_and_a_main_point_nobody_answered_show_no_empty_part(engine: Engine) -> None:
    week = _loop_week(engine)
    with write(engine) as conn:
        conn.execute(
            main_points.insert().values(
                workshop_id=week.workshop_id, position=3, title="Silent point", description="", spaces=[]
            )
        )
    report = html_report(engine, week.workshop_id, today=TODAY)
    text = text_of(report)
    themes = text.split("Themes, decisions and reactions")[1].split("Dot votes")[0]
    assert themes.count("Reactions from the teams") == 1  # "More sofas" only; "Opening hours" had none
    assert "Opening hours not decided yet" in themes and "No reactions" not in text
    assert "Silent point: 0 answers." in text.split("The detail")[0]  # the summary says so
    appendix = report.split("Appendix: every answer")[1]
    assert "Silent point" not in appendix and "No answers" not in appendix
