"""Handing out a workshop: the printable HTML report (the week read here, the document written by
workshop.files.report) and the export files in each format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from workshop.domain.space_detail import staff_comparison
from workshop.files.file_names import file_name
from workshop.files.report.document import render
from workshop.files.report.week import Screened, VoteResult, Week, report_language, report_words
from workshop.files.report.word import to_docx
from workshop.services.loop.actions import actions_frame, with_overdue
from workshop.services.loop.reactions import reactions_frame
from workshop.services.loop.themes import list_themes
from workshop.services.loop.votes import list_votes, vote_results
from workshop.services.partnership.partners import partner_register
from workshop.services.partnership.screening import screening_cards
from workshop.services.register.assets import list_assets
from workshop.services.register.strengths import staff_ratings, workshop_scores
from workshop.services.week.days import list_main_points
from workshop.services.week.material import (
    consolidation_answers,
    drafts_frame,
    question_options,
    questions_frame,
    team_names,
)
from workshop.services.week.voices import workshop_voices
from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx
from workshop.services.workshops.leave_out import stored_words
from workshop.services.workshops.lifecycle import get_workshop


def report_week(engine: Engine, workshop_id: int, today: dt.date, contacts: bool = False) -> Week:
    """Everything the report shows of the workshop, actions marked overdue as of `today`."""
    current = get_workshop(engine, workshop_id)
    questions = questions_frame(engine, workshop_id)
    actions = actions_frame(engine, workshop_id)
    scores = workshop_scores(engine, workshop_id)
    votes = [
        VoteResult(
            vote.title,
            vote.target.value,
            vote.dots,
            vote.is_open,
            vote_results(engine, workshop_id, vote.id),
            vote.each_person,
        )
        for vote in reversed(list_votes(engine, workshop_id))
    ]
    return Week(
        name=current.name,
        language=current.language,
        answers=consolidation_answers(engine, workshop_id),
        points=list_main_points(engine, workshop_id),
        questions=questions,
        options=question_options(questions),
        drafts=drafts_frame(engine, workshop_id),
        teams=team_names(engine, workshop_id),
        space_scores=scores.spaces,
        themes=list_themes(engine, workshop_id),
        actions=with_overdue(actions, today) if not actions.empty else actions,
        aim_scores=scores.aims,
        staff=staff_comparison(scores.spaces, staff_ratings(engine, workshop_id)),
        reactions=reactions_frame(engine, workshop_id),
        votes=votes,
        screened=[Screened(c.proposal, c.partner, c.raters, c.spread) for c in screening_cards(engine, workshop_id)],
        partners=partner_register(engine, workshop_id),
        assets=[(a.title, a.description) for a in list_assets(engine, workshop_id)],
        leave_out=stored_words(current.leave_out),
        contacts=contacts,
        voices=[(q.text, v) for q, v in workshop_voices(engine, workshop_id)],
    )


def html_report(
    engine: Engine, workshop_id: int, lang: str | None = None, today: dt.date | None = None, contacts: bool = False
) -> str:
    """The whole report as one HTML document in the workshop's language; `lang` (the reader's interface
    language) serves when the locale files have no words in the workshop's language. The partners' contact
    persons are in it only with `contacts` (the owner ticked "include contact details")."""
    today = today or dt.date.today()
    week = report_week(engine, workshop_id, today, contacts)
    chosen = report_language(week.language, lang)
    return render(week, today, chosen, report_words(chosen))


def docx_report(
    engine: Engine, workshop_id: int, lang: str | None = None, today: dt.date | None = None, contacts: bool = False
) -> bytes:
    """The report as a Word document leadership can edit: the HTML report's content under the same headings,
    its charts given as the tables of their figures (workshop.files.report.word)."""
    return to_docx(html_report(engine, workshop_id, lang, today, contacts))


SUFFIXES = {"csv": "zip"}  # a format's file suffix, where it is not the format's own name


def export_file_name(engine: Engine, workshop_id: int, fmt: str, today: dt.date | None = None) -> str:
    """The name a workshop's report or export is saved under: its name and the day, in safe characters."""
    name = get_workshop(engine, workshop_id).name
    return file_name(name, workshop_id, today or dt.date.today(), SUFFIXES.get(fmt, fmt))


def write_export(engine: Engine, workshop_id: int, fmt: str, out: Path, contacts: bool = False) -> Path:
    """The workshop written to `out` as json, xlsx, csv (a zip), html or docx (the report); contact persons'
    e-mail addresses and phone numbers only with `contacts`."""
    if fmt == "json":
        out.write_text(to_json(engine, workshop_id, contacts), encoding="utf-8")
    elif fmt == "xlsx":
        out.write_bytes(to_xlsx(engine, workshop_id, contacts))
    elif fmt == "csv":
        out.write_bytes(to_csv_zip(engine, workshop_id, contacts))
    elif fmt == "html":
        out.write_text(html_report(engine, workshop_id, contacts=contacts), encoding="utf-8")
    elif fmt == "docx":
        out.write_bytes(docx_report(engine, workshop_id, contacts=contacts))
    else:
        raise ValueError(f"unknown format {fmt}")
    return out
