"""The report as a Word document leadership can edit: opened with python-docx, it has the HTML report's
headings at the same levels in the same order and its tables, every piece of user text as plain text
(no field, hyperlink or markup); the CLI writes it, and every report or export file is named after the
workshop and the day in safe characters."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine

from tests.unit.partnership_fixture import HTML_TEXT, WORD_FIELD, build_partnership_week
from tests.unit.test_report_document import _loop_week
from workshop.cli import main
from workshop.files.file_names import file_name
from workshop.services.whole.reports import docx_report, html_report
from workshop.store.engine import URL_VARIABLE

TODAY = dt.date(2027, 3, 1)


def html_headings(report: str) -> list[tuple[int, str]]:
    found = re.findall(r"<h([1-4])>(.*?)</h\1>", report)
    return [(int(level), html.unescape(text)) for level, text in found]


def word_headings(data: bytes) -> list[tuple[int, str]]:
    document = Document(io.BytesIO(data))
    return [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading ")
    ]


def html_tables(report: str) -> list[list[list[str]]]:
    tables = []
    for body in re.findall(r"<table>(.*?)</table>", report, re.DOTALL):
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.DOTALL)
        tables.append([[html.unescape(c) for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", r, re.DOTALL)] for r in rows])
    return tables


def test_the_word_report_has_the_html_reports_headings_tables_and_plain_user_text(engine: Engine) -> None:
    week = build_partnership_week(engine)
    report = html_report(engine, week.workshop_id, today=TODAY)
    data = docx_report(engine, week.workshop_id, today=TODAY)
    assert word_headings(data) == html_headings(report)
    assert (2, "Partners and the network circle") in word_headings(data)
    document = Document(io.BytesIO(data))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert tables == html_tables(report)  # the charts' figures are there as the tables beside them
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"Proposed by {HTML_TEXT}" in body  # typed markup stays text
    assert any(WORD_FIELD in cell for table in tables for row in table for cell in row)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for active in ("w:fldSimple", "w:instrText", "w:fldChar", "w:hyperlink", "<b>"):
        assert active not in xml, active
    assert document.core_properties.title == "Partnerships 2027"


def test_a_danish_word_report_reads_as_the_danish_html_report(engine: Engine) -> None:
    week = _loop_week(engine, language="da")
    report = html_report(engine, week.workshop_id, today=TODAY)
    data = docx_report(engine, week.workshop_id, today=TODAY)
    assert word_headings(data) == html_headings(report)
    assert (2, "Bilag: alle svar") in word_headings(data)
    text = " ".join(" ".join(p.text for p in Document(io.BytesIO(data)).paragraphs).split())
    assert "Svageste rum: Det performative rum — 0 % af dækningen mod et mål på 25 %." in text


def test_the_cli_writes_the_word_report_named_after_the_workshop_and_the_day(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    week = build_partnership_week(engine, name="Partnerships 2027: Vestby/Nordby")
    monkeypatch.setenv(URL_VARIABLE, engine.url.render_as_string(hide_password=False))
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(week.workshop_id), "--format", "docx"]) == 0
    expected = f"partnerships-2027-vestby-nordby_{dt.date.today().isoformat()}.docx"
    assert capsys.readouterr().out.strip() == expected
    data = (tmp_path / expected).read_bytes()
    assert word_headings(data) == html_headings(html_report(engine, week.workshop_id))
    out = tmp_path / "given.docx"
    assert main(["export", str(week.workshop_id), "--format", "docx", "--out", str(out)]) == 0
    assert word_headings(out.read_bytes()) == word_headings(data)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Strategy week 2027", "strategy-week-2027_2026-12-06.html"),
        (
            "Strategiuge på Århus Hovedbibliotek — 2027/28",
            "strategiuge-pa-arhus-hovedbibliotek-2027-28_2026-12-06.html",
        ),
        ("Strategiuke for Tønsberg bibliotek", "strategiuke-for-toensberg-bibliotek_2026-12-06.html"),
        ("../../etc/passwd", "etc-passwd_2026-12-06.html"),
        ('<script>"x"</script>; rm -rf ~', "script-x-script-rm-rf_2026-12-06.html"),
        ("合作周", "workshop-7_2026-12-06.html"),
        ("x" * 300, "x" * 60 + "_2026-12-06.html"),
    ],
)
def test_a_report_file_is_named_after_the_workshop_and_the_day_in_safe_characters(name: str, expected: str) -> None:
    assert file_name(name, 7, dt.date(2026, 12, 6), "html") == expected
