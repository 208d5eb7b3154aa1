"""Every answer reaches the HTML report (escaped), the workbook and the CSV files (formula-safe), and
the JSON stays raw; the CLI writes each format."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.unit.week_fixture import CAFE_TEXT, FORMULA_TEXT, SCRIPT_TEXT, build_week
from workshop.cli import main
from workshop.domain.model import Action, Offer, ThemeStatus
from workshop.files.exports import safe_cell
from workshop.services.loop.actions import add_action
from workshop.services.loop.themes import create_theme, update_theme
from workshop.services.register.offers import add_offers
from workshop.services.week.days import answers_frame
from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx
from workshop.services.whole.reports import html_report
from workshop.store.engine import URL_VARIABLE

WRITTEN = [FORMULA_TEXT, CAFE_TEXT, SCRIPT_TEXT]


def _decided(engine: Engine):  # type: ignore[no-untyped-def]
    week = build_week(engine)
    theme = create_theme(engine, week.workshop_id, "+Rooms <i>to</i> meet", [week.answers[("Alpha", "q2")]])
    update_theme(engine, week.workshop_id, theme, "+Rooms <i>to</i> meet", ThemeStatus.ADOPT, "@decide & build")
    add_action(engine, week.workshop_id, Action(title="=Buy sofas", owner="Ann", due=dt.date(2026, 1, 5)))
    add_offers(engine, week.workshop_id, [Offer(name="Open lounge", strength=2, spaces={"meeting": 2})])
    return week


def test_the_html_report_holds_every_answer_escaped_and_no_raw_user_html(engine: Engine) -> None:
    week = _decided(engine)
    report = html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1))
    for text in WRITTEN:
        assert html.escape(text) in report
    assert "<script>alert(1)</script>" not in report
    assert "<b>now</b>" not in report
    assert html.escape("+Rooms <i>to</i> meet") in report and html.escape("@decide & build") in report
    assert 'class="overdue"' in report and html.escape("=Buy sofas") in report
    appendix = report.split("Appendix: every answer")[1]
    for answer in answers_frame(engine, week.workshop_id).itertuples():
        row = f"<td>{html.escape(answer.team)}</td><td>{answer.day}</td><td>{html.escape(answer.question)}</td>"
        assert row in appendix
    assert len(answers_frame(engine, week.workshop_id)) == appendix.count("<tr><td>")
    assert "<h3>Meeting place</h3>" in report and "<h3>Not tied to a main point</h3>" in report
    assert "https://cdn" not in report.split("<body>")[0] and "plotly" in report.lower()
    assert report.count("<circle cx=") == 4 and "Performative space" in report


def test_the_workbook_has_every_answer_with_formula_text_quoted(engine: Engine) -> None:
    week = _decided(engine)
    book = load_workbook(io.BytesIO(to_xlsx(engine, week.workshop_id)))
    assert {"workshop", "answers", "teams", "responses", "themes", "actions"} <= set(book.sheetnames)
    rows = list(book["answers"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 8
    texts = [row[header.index("text")] for row in body]
    assert "'" + FORMULA_TEXT in texts and CAFE_TEXT in texts and "'" + SCRIPT_TEXT in texts
    themes_of = {row[header.index("text")]: row[header.index("themes")] for row in body}
    assert themes_of["'" + FORMULA_TEXT] == "'+Rooms <i>to</i> meet"
    theme_rows = list(book["themes"].iter_rows(values_only=True))
    assert theme_rows[1][theme_rows[0].index("decision")] == "'@decide & build"
    action_rows = list(book["actions"].iter_rows(values_only=True))
    assert action_rows[1][action_rows[0].index("title")] == "'=Buy sofas"


def test_the_csv_zip_has_every_answer_with_formula_text_quoted(engine: Engine) -> None:
    week = _decided(engine)
    archive = zipfile.ZipFile(io.BytesIO(to_csv_zip(engine, week.workshop_id)))
    assert {"answers.csv", "themes.csv", "actions.csv", "responses.csv"} <= set(archive.namelist())
    rows = list(csv.DictReader(io.StringIO(archive.read("answers.csv").decode("utf-8-sig"))))
    assert len(rows) == 8
    assert sorted(r["text"] for r in rows if r["text"]) == sorted(["'" + FORMULA_TEXT, CAFE_TEXT, "'" + SCRIPT_TEXT])
    assert {r["team"] for r in rows} == {"Alpha", "Beta", "Gamma"}


def test_the_json_export_keeps_text_exactly_as_typed(engine: Engine) -> None:
    week = _decided(engine)
    doc = json.loads(to_json(engine, week.workshop_id))
    assert sorted(r["text"] for r in doc["responses"] if r["text"]) == sorted(WRITTEN)
    assert doc["themes"][0]["title"] == "+Rooms <i>to</i> meet"


def test_the_exports_carry_the_teams_reactions_raw_in_json_and_formula_safe_in_the_workbook(engine: Engine) -> None:
    from workshop.services.loop.publication import set_published
    from workshop.services.loop.reactions import react, set_reactions_open

    week = _decided(engine)
    theme_id = json.loads(to_json(engine, week.workshop_id))["themes"][0]["id"]
    set_published(engine, week.workshop_id, True)
    set_reactions_open(engine, week.workshop_id, theme_id, True)
    react(engine, week.teams["Beta"], theme_id, "concerns", "=HYPERLINK(1) <b>too</b> dear")
    doc = json.loads(to_json(engine, week.workshop_id))
    assert [(r["theme_id"], r["team_id"], r["stance"], r["comment"]) for r in doc["reactions"]] == [
        (theme_id, week.teams["Beta"].id, "concerns", "=HYPERLINK(1) <b>too</b> dear")
    ]
    assert "workshop_id" not in doc["reactions"][0] and doc["themes"][0]["reactions_open"] is True
    assert doc["votes"] == [] and doc["vote_dots"] == []  # the keys are there before any vote
    rows = list(load_workbook(io.BytesIO(to_xlsx(engine, week.workshop_id)))["reactions"].iter_rows(values_only=True))
    assert rows[1][rows[0].index("comment")] == "'=HYPERLINK(1) <b>too</b> dear"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+4", "'+4"),
        ("-x", "'-x"),
        ("@A", "'@A"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        (3, 3),
        (None, None),
    ],
)
def test_formula_like_cells_get_a_leading_quote(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


@pytest.mark.parametrize(("fmt", "suffix"), [("html", "html"), ("xlsx", "xlsx"), ("csv", "zip"), ("docx", "docx")])
def test_the_cli_exports_each_format_to_a_file(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt, suffix
) -> None:
    week = _decided(engine)
    monkeypatch.setenv(URL_VARIABLE, engine.url.render_as_string(hide_password=False))
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(week.workshop_id), "--format", fmt]) == 0
    out = tmp_path / f"fixture-week_{dt.date.today().isoformat()}.{suffix}"  # the workshop's name and the day
    assert capsys.readouterr().out.strip() == str(out.name)
    data = out.read_bytes()
    assert html.escape(CAFE_TEXT).encode() in data if fmt == "html" else len(data) > 100


def test_the_cli_names_a_missing_workshop(engine: Engine, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(URL_VARIABLE, engine.url.render_as_string(hide_password=False))
    assert main(["export", "4242", "--format", "html", "--out", "/dev/null"]) == 2
    assert "No workshop 4242" in capsys.readouterr().err


def test_the_answers_sheet_runs_as_the_week_ran_by_day_then_question_position_then_team(engine: Engine) -> None:
    # Tuesday's questions are "What holds us back?" (1st) and "Anything else?" (2nd): sorting by the
    # question's text would put the second question first.
    week = _decided(engine)
    rows = list(load_workbook(io.BytesIO(to_xlsx(engine, week.workshop_id)))["answers"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    order = [(row[header.index("day")], row[header.index("question")], row[header.index("team")]) for row in body]
    assert order == [
        (1, "How strong is the meeting space?", "Alpha"),
        (1, "How strong is the meeting space?", "Beta"),
        (1, "How strong is the meeting space?", "Gamma"),
        (1, "What should change?", "Alpha"),
        (1, "What should change?", "Beta"),
        (2, "What holds us back?", "Alpha"),
        (2, "What holds us back?", "Beta"),
        (2, "Anything else?", "Gamma"),
    ]
