"""The small-group rule holds in every output that shows people's own answers (issue 29.2): the chart, the JSON,
CSV and XLSX exports, and the HTML and Word reports. One week runs through each, and each output's groups are
read back as a reader would see them: none has fewer than 3 people, no small team is named, no person shows."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Callable

import openpyxl
import pytest
from docx import Document
from sqlalchemy import Engine, select

from workshop.charts.voice_charts import voices_chart
from workshop.config.i18n import translate
from workshop.domain.model import DayStatus, QuestionKind
from workshop.domain.voices import MIN_GROUP, device_person
from workshop.services.week.answers import Answer
from workshop.services.week.days import set_day_status
from workshop.services.week.planning import save_day, save_question
from workshop.services.week.voices import submit_own_answer, workshop_voices
from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx
from workshop.services.whole.reports import docx_report, html_report
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store.tables import person_answers

OTHER, ALL = translate("en", "report.voice.other"), translate("en", "report.voice.all")
SMALL_TEAMS = ("Blue pair", "Green single")
Groups = list[tuple[str, int]]  # (group as the output names it, people in it)


def _week(engine: Engine) -> int:
    """A rating where Red (3), Blue (2) and Green (1) answered: Blue and Green only as "other" (3 together);
    a choice where Red (3) and Blue (2) answered: "other" would be Blue alone, so it is withheld."""
    wid = create_workshop(engine, "Voices week", "facilitate-me", "lead-me-now")
    day = int(save_day(engine, wid, "Monday").id or 0)
    rating = int(save_question(engine, wid, day, "How strong?", QuestionKind.RATING, each_person=True).id or 0)
    choice = save_question(engine, wid, day, "First?", QuestionKind.SINGLE, ["cafe", "stage"], each_person=True)
    red, blue, green = (add_team(engine, wid, n)[0] for n in ("Red", *SMALL_TEAMS))
    set_day_status(engine, wid, day, DayStatus.OPEN)
    for team, ratings in ((red, (5, 4, 4)), (blue, (1, 2)), (green, (3,))):
        for value in ratings:
            submit_own_answer(engine, team, device_person(), Answer(rating, rating=value))
    for team, picks in ((red, ("cafe", "cafe", "stage")), (blue, ("stage", "stage"))):
        for pick in picks:
            submit_own_answer(engine, team, device_person(), Answer(int(choice.id or 0), choices=[pick]))
    return wid


def _label(group: str, team: str) -> str:
    return team if group == "team" else {"other": OTHER, "all": ALL}[group]


def _from_rows(rows: list[dict[str, object]]) -> Groups:
    return sorted({(_label(str(r["group"]), str(r["team"] or "")), int(str(r["people"]))) for r in rows})


def _json(engine: Engine, wid: int) -> Groups:
    return _from_rows(json.loads(to_json(engine, wid))["voices"])


def _csv(engine: Engine, wid: int) -> Groups:
    with zipfile.ZipFile(io.BytesIO(to_csv_zip(engine, wid))) as archive:
        text = archive.read("voices.csv").decode("utf-8-sig")
    return _from_rows(list(csv.DictReader(io.StringIO(text))))


def _xlsx(engine: Engine, wid: int) -> Groups:
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(engine, wid)), read_only=True)["voices"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return _from_rows([dict(zip(header, r, strict=True)) for r in rows])


def _html_part(engine: Engine, wid: int) -> str:
    report = html_report(engine, wid, "en")
    start = report.index(f"<h2>{html.escape(translate('en', 'report.voice.heading'))}</h2>")
    end = report.find("<h2>", start + 4)
    return report[start : end if end > 0 else len(report)]


def _html(engine: Engine, wid: int) -> Groups:
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(\d+)</td>", _html_part(engine, wid))
    return sorted({(html.unescape(label), int(people)) for label, people in rows})


def _docx(engine: Engine, wid: int) -> Groups:
    document = Document(io.BytesIO(docx_report(engine, wid, "en")))
    found = set()
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == [translate("en", "report.voice.group"), translate("en", "report.voice.people")]:
            found |= {(row.cells[0].text, int(row.cells[1].text)) for row in table.rows[1:]}
    return sorted(found)


def _chart(engine: Engine, wid: int) -> Groups:
    """The page's chart: each bar's label, and the people behind it (a single choice or rating: one each)."""
    found = set()
    for _question, voices in workshop_voices(engine, wid):
        labels = [g.team if g.kind == "team" else {"other": OTHER, "all": ALL}[g.kind] for g in voices.groups]
        figure = voices_chart(voices, labels, "en").to_plotly_json()
        ticks = [html.unescape(t.replace("<br>", " ")) for t in figure["layout"]["yaxis"]["ticktext"]]
        totals = [sum(int(trace["x"][i]) for trace in figure["data"]) for i in range(len(ticks))]
        found |= set(zip(ticks, totals, strict=True))
    return sorted(found)


OUTPUTS: dict[str, Callable[[Engine, int], Groups]] = {
    "chart": _chart,
    "json": _json,
    "csv": _csv,
    "xlsx": _xlsx,
    "html": _html,
    "docx": _docx,
}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_no_output_shows_a_group_under_three_people_or_names_a_small_team(engine: Engine, output: str) -> None:
    wid = _week(engine)
    groups = OUTPUTS[output](engine, wid)
    assert ("Red", 3) in groups and (OTHER, 3) in groups  # the output shows the week: the test proves something
    assert [g for g in groups if g[1] < MIN_GROUP] == []
    assert {label for label, _ in groups} == {"Red", OTHER, ALL}  # never Blue or Green by name


def test_no_file_holds_a_person_key_or_a_small_teams_voice(engine: Engine) -> None:
    wid = _week(engine)
    with engine.connect() as conn:
        keys = list(conn.execute(select(person_answers.c.person_key)).scalars())
    files = {
        "json": to_json(engine, wid),
        "html": html_report(engine, wid, "en"),
        "csv": to_csv_zip(engine, wid).hex(),
        "xlsx": to_xlsx(engine, wid).hex(),
    }
    for name, text in files.items():
        assert not any(k in text or k.encode().hex() in text for k in keys), name
    voices = json.loads(files["json"])["voices"]
    assert not any(row["team"] in SMALL_TEAMS for row in voices)
    assert "person_answers" not in json.loads(files["json"])  # never exported row by row
    assert not any(team in _html_part(engine, wid) for team in SMALL_TEAMS)
