"""Exports of one workshop: a documented JSON format, an Excel workbook with a sheet per entity (and
an `answers` sheet that reads on its own), a zip of CSV files, and the HTML report (workshop.files.report).
The workshop is read by workshop.services.whole.export; here the document becomes each file.

JSON format (`format: four-spaces-workshop`, `version: 1`): one object with `workshop` and a list per
entity: `teams`, `offers`, `partners`, `main_points`, `days`, `questions`, `responses`, `themes`,
`actions`, `reactions`, `votes`, `vote_dots`, `comments`, `mappings`. An offer carries `name`, `strength`, and
`spaces` as an object keyed by space key (0-3). A partner carries its `stage_history`: its moves in the
network circle (`stage`, `changed_on`, `note`), oldest first; its `stage` is the last move's (in CSV and
XLSX the list is one cell of JSON). Responses, reactions and dots name their team (and question, theme or
item) by id; a comment on the week's log names its `response_id` and `team_id`, with its `text` and
`hidden` (hidden from the teams by a moderator). `voices`: the distributions of the questions each person
answers (one row per question, group and answer: `question_id`, `question`, `group` team/other/all, `team`,
`people`, `answer`, `count`), under the small-group rule (workshop.domain.voices): never a person, never a
group of fewer than 3 people; who edited a team's answer is not exported either. `mappings`: one entry per team
and offer it mapped (`team`, `offer`, `spaces` 0-3, `strength`, `target_groups`, `partners`, `note`, `done`),
a proposed offer the register lacked flagged `proposed` (its `offer_id` null until accepted). `mapping`: the
phase's `status` and `scope`, and the facilitator's
`decisions` (values accepted into the register, `mapped_by` the teams they came from). `proposals`: each
proposal to the library (`title`, `proposer`, `description`, `spaces`, `target_groups`, `partner_id`,
`is_open`) with its `screening` (one entry per rater and question: `rater` "team:<id>" or "facilitator",
`team_id`, `question` 1-14, `answer` yes/no/unsure, `note`) and leadership's `verdict` (`verdict` yes,
conditions or no, and its `reason`; null until given).
Codes and their hashes are never exported.
Text stays raw in JSON; in CSV and XLSX a cell starting with = + - @ tab or CR gets a leading '.
CSV: a zip holding answers.csv (every answer with its team, question and main point) and one CSV per
entity, UTF-8 with a byte-order mark so Excel reads the letters right."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from workshop.files.xlsx import workbook

FORMAT, VERSION = "four-spaces-workshop", 1
SECRET_COLUMNS = {"code_hash", "facilitator_code_hash", "leadership_code_hash", "team_code_salt", "idempotency_key"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("json", "xlsx", "csv", "html", "docx")
ANSWER_SHEET_COLUMNS = [
    "id",
    "team",
    "day",
    "day_title",
    "question",
    "kind",
    "main_point",
    "text",
    "rating",
    "choices",
    "spaces",
    "themes",
    "updated_at",
]


def document_json(doc: dict[str, Any]) -> str:
    """The workshop document (workshop.services.whole.export.workshop_document) as JSON text."""
    return json.dumps(doc, ensure_ascii=False, indent=2)


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet should hold it: text that would run as a formula is quoted."""
    if isinstance(value, (list, dict)):
        nested = isinstance(value, dict) or any(isinstance(v, dict) for v in value)
        value = json.dumps(value, ensure_ascii=False) if nested else ", ".join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


_PLAIN_TYPES = (type(None), int, float, bool)


def safe_row(row: list[Any]) -> list[Any]:
    """safe_cell of every value, with the common cases (plain text, numbers) handled inline."""
    return [
        ("'" + v if v.startswith(FORMULA_START) else v)
        if type(v) is str
        else (v if type(v) in _PLAIN_TYPES else safe_cell(v))
        for v in row
    ]


def readable_answers(doc: dict[str, Any]) -> list[list[Any]]:
    """Every answer as one row with its team, day, question, main point and themes named (not raw ids)."""
    team = {t["id"]: t["name"] for t in doc["teams"]}
    day = {d["id"]: d for d in doc["days"]}
    point = {p["id"]: p["title"] for p in doc["main_points"]}
    question = {q["id"]: q for q in doc["questions"]}
    themes_of: dict[int, list[str]] = {}
    for theme in doc["themes"]:
        for rid in theme["response_ids"]:
            themes_of.setdefault(rid, []).append(theme["title"])
    keyed = []
    for r in doc["responses"]:
        q = question[r["question_id"]]
        d = day[q["day_id"]]
        team_name = team.get(r["team_id"], "")
        keyed.append(
            (
                (d["position"], d["id"], q["position"], q["id"], team_name, r["id"]),
                [
                    r["id"],
                    team_name,
                    d["position"],
                    d["title"],
                    q["text"],
                    q["kind"],
                    point.get(q["main_point_id"], ""),
                    r["text"],
                    r["rating"],
                    r["choices"],
                    r["spaces"],
                    themes_of.get(r["id"], []),
                    r["updated_at"],
                ],
            )
        )
    # As the week ran: by day, then the question's place in its day, then team.
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def _tables(doc: dict[str, Any], columns: dict[str, list[str]]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(name, header, rows) for the readable answers and each entity (`columns`: each entity's exported
    columns, the header of an empty one), cells formula-safe."""
    found = [("answers", ANSWER_SHEET_COLUMNS, readable_answers(doc))]
    for name, exported in columns.items():
        header = list(doc[name][0]) if doc[name] else exported
        found.append((name, header, [[row.get(col) for col in header] for row in doc[name]]))
    return [(name, header, [safe_row(row) for row in rows]) for name, header, rows in found]


def document_csv_zip(doc: dict[str, Any], columns: dict[str, list[str]]) -> bytes:
    """A zip of CSV files: answers.csv and one per entity (`columns` as for _tables)."""
    buffer = io.BytesIO()
    # Level 1: nearly the size of the default level, in a third of the time.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, header, rows in _tables(doc, columns):
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(header)
            writer.writerows(rows)
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


def document_xlsx(doc: dict[str, Any], columns: dict[str, list[str]]) -> bytes:
    """A workbook with a sheet for the workshop, one with every answer, and one per entity (`columns` as
    for _tables)."""
    head = [[key, safe_cell(value)] for key, value in doc["workshop"].items()]
    return workbook([("workshop", head), *((name, [header, *rows]) for name, header, rows in _tables(doc, columns))])
