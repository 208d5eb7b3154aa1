"""Handing out a workshop: the printable HTML report (the week read here, the document written by
workshop.files.html_report) and the export files in each format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from workshop.files.html_report import Week, render
from workshop.services.actions import actions_frame, with_overdue
from workshop.services.priorities import workshop_scores
from workshop.services.themes import list_themes
from workshop.services.week import list_main_points
from workshop.services.week_material import (
    consolidation_answers,
    drafts_frame,
    question_options,
    questions_frame,
    team_names,
)
from workshop.services.workshop_export import to_csv_zip, to_json, to_xlsx
from workshop.services.workshops import get_workshop


def report_week(engine: Engine, workshop_id: int, today: dt.date) -> Week:
    """Everything the report shows of the workshop, actions marked overdue as of `today`."""
    current = get_workshop(engine, workshop_id)
    questions = questions_frame(engine, workshop_id)
    actions = actions_frame(engine, workshop_id)
    return Week(
        name=current.name,
        language=current.language,
        answers=consolidation_answers(engine, workshop_id),
        points=list_main_points(engine, workshop_id),
        questions=questions,
        options=question_options(questions),
        drafts=drafts_frame(engine, workshop_id),
        teams=team_names(engine, workshop_id),
        space_scores=workshop_scores(engine, workshop_id).spaces,
        themes=list_themes(engine, workshop_id),
        actions=with_overdue(actions, today) if not actions.empty else actions,
    )


def html_report(engine: Engine, workshop_id: int, lang: str | None = None, today: dt.date | None = None) -> str:
    """The whole report as one HTML document, in `lang` (else the workshop's language)."""
    today = today or dt.date.today()
    return render(report_week(engine, workshop_id, today), today, lang)


def write_export(engine: Engine, workshop_id: int, fmt: str, out: Path) -> Path:
    """The workshop written to `out` as json, xlsx, csv (a zip) or html."""
    if fmt == "json":
        out.write_text(to_json(engine, workshop_id), encoding="utf-8")
    elif fmt == "xlsx":
        out.write_bytes(to_xlsx(engine, workshop_id))
    elif fmt == "csv":
        out.write_bytes(to_csv_zip(engine, workshop_id))
    elif fmt == "html":
        out.write_text(html_report(engine, workshop_id), encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt}")
    return out
