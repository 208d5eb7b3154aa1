"""What the leadership overview shows, one piece per tab, so the glue can cache each piece by data
version and filters: a tab that is not open costs nothing, and long lists of answers come a page at a
time (every answer stays reachable: a page number and a count go with each list)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import pandas as pd
from sqlalchemy import Engine, func, select

from workshop.config.stopwords import reading
from workshop.domain import consolidation as cons
from workshop.domain.gaps import against_gaps, attention, concerned_spaces
from workshop.domain.keyterms import key_terms_by_main_point, proper_names
from workshop.domain.model import MainPoint
from workshop.domain.paging import page_span
from workshop.services.register.strengths import workshop_scores
from workshop.services.rows import ANSWERS, DAYS
from workshop.services.week.days import list_main_points
from workshop.services.week.material import (
    WeekMaterial,
    consolidation_answers,
    question_options,
    questions_frame,
    team_names,
    week_material,
)
from workshop.services.workshops.leave_out import leave_out
from workshop.store import read
from workshop.store.tables import days, questions

PAGE_SIZE = 100
# Above this many answers, themes offer one question's answers at a time to pick from.
PICK_ALL_LIMIT = 2_000
# Characters of an answer in its label when picked for a theme: its words, not a number, fill the chip.
ANSWER_LABEL_WIDTH = 90
T = TypeVar("T")
# The tables the overview reads; the against-the-gaps tab reads the offers' scores too.
TABLES = ("responses", "questions", "days", "teams", "main_points", "drafts", "themes", "theme_responses")
GAP_TABLES = (*TABLES, "offers", "space_weights", "workshops")
OPTION_TABLES = ("responses", "teams", "days", "questions", "main_points")


@dataclass(frozen=True)
class Options:
    """What the filters offer, and how many answers there are in all (cheap reads, no answer text)."""

    total: int
    teams: list[str]
    days: list[int]
    points: list[MainPoint]


@dataclass(frozen=True)
class Head:
    """The figures above the tabs, for the chosen filters."""

    total: int
    shown: int
    teams_answered: int
    teams: int
    unthemed: int


@dataclass(frozen=True)
class View(Generic[T]):
    """A tab's content with the figures above the tabs, computed from one read of the week."""

    head: Head
    body: T


@dataclass(frozen=True)
class Page:
    """One page of a long table: its rows, the page shown (0-based) and how many rows there are in all."""

    rows: pd.DataFrame
    number: int
    count: int


def page_of(table: pd.DataFrame, number: int, size: int | None = None) -> Page:
    """Rows number*size .. (number+1)*size of the table (PAGE_SIZE rows unless given); a page past the
    end shows the last one."""
    span = page_span(len(table), size or PAGE_SIZE, number)
    return Page(table.iloc[span.start : span.stop].reset_index(drop=True), span.number, span.count)


def _narrowed(engine: Engine, workshop_id: int, filters: cons.Filters) -> tuple[WeekMaterial, pd.DataFrame]:
    material = week_material(engine, workshop_id)
    answers = material.answers
    # The spaces an answer concerns matter only when leadership narrows by space.
    concerned = concerned_spaces(answers, material.questions, material.points) if filters.spaces else None
    return material, cons.filter_answers(answers, filters, concerned) if not answers.empty else answers


def options(engine: Engine, workshop_id: int) -> Options:
    with read(engine) as conn:
        total = conn.execute(select(func.count()).where(ANSWERS.of(workshop_id))).scalar_one()
        asked = conn.execute(
            select(days.c.position)
            .distinct()
            .join(questions, questions.c.day_id == days.c.id)
            .where(DAYS.of(workshop_id))
            .order_by(days.c.position)
        ).scalars()
        found_days = [int(d) for d in asked]
    return Options(int(total), team_names(engine, workshop_id), found_days, list_main_points(engine, workshop_id))


def _head(material: WeekMaterial, answers: pd.DataFrame) -> Head:
    return Head(
        total=len(material.answers),
        shown=len(answers),
        teams_answered=int(answers["team"].nunique()) if not answers.empty else 0,
        teams=len(material.teams),
        unthemed=len(cons.unthemed(answers, material.themed_ids)),
    )


def by_main_point(
    engine: Engine, workshop_id: int, filters: cons.Filters, pages: Sequence[int] = ()
) -> View[list[tuple[MainPoint | None, Page]]]:
    """Each main point with one page of its answers (pages[i] for the i-th group; 0 when not given)."""
    material, answers = _narrowed(engine, workshop_id, filters)
    # Group the raw rows and build the readable table of the shown page only.
    groups = cons.by_main_point(answers, material.points, table=lambda rows: rows)
    paged = []
    for i, (point, rows) in enumerate(groups):
        page = page_of(rows, pages[i] if i < len(pages) else 0)
        paged.append((point, Page(cons.answers_table(page.rows), page.number, page.count)))
    return View(_head(material, answers), paged)


def side_by_side(engine: Engine, workshop_id: int, filters: cons.Filters, page: int = 0) -> View[Page]:
    material, answers = _narrowed(engine, workshop_id, filters)
    return View(_head(material, answers), page_of(cons.side_by_side(answers), page))


def ratings(engine: Engine, workshop_id: int, filters: cons.Filters) -> View[pd.DataFrame]:
    material, answers = _narrowed(engine, workshop_id, filters)
    return View(_head(material, answers), cons.rating_distribution(answers))


def choices(engine: Engine, workshop_id: int, filters: cons.Filters) -> View[pd.DataFrame]:
    material, answers = _narrowed(engine, workshop_id, filters)
    return View(_head(material, answers), cons.choice_tallies(answers, question_options(material.questions)))


def participation(engine: Engine, workshop_id: int, filters: cons.Filters) -> View[tuple[pd.DataFrame, pd.DataFrame]]:
    """The team × question matrix and its per-team summary. Narrowed to days, only those days' answers are
    read (the morning view asks for one day; reading the whole week cost seconds at L after every answer)."""
    material = week_material(engine, workshop_id, days_at=filters.days)
    answers = material.answers
    concerned = concerned_spaces(answers, material.questions, material.points) if filters.spaces else None
    answers = cons.filter_answers(answers, filters, concerned) if not answers.empty else answers
    asked = material.questions
    if filters.days:  # the chosen days' questions only: the others' answers were not read, so not "missing"
        asked = asked[asked["day"].isin(filters.days)]
    matrix = cons.participation(answers, material.drafts, material.teams, asked)
    head = _head(material, answers)
    if filters.days:  # the whole week's count, as the other tabs show it
        with read(engine) as conn:
            total = conn.execute(select(func.count()).where(ANSWERS.of(workshop_id))).scalar_one()
        head = dataclasses.replace(head, total=int(total))
    return View(head, (matrix, cons.participation_summary(matrix)))


def key_terms(engine: Engine, workshop_id: int, filters: cons.Filters, langs: tuple[str, ...]) -> View[pd.DataFrame]:
    material, answers = _narrowed(engine, workshop_id, filters)
    # Names are read from every answer of the week, not only the filtered ones: more places to see them written.
    names = proper_names(material.answers["text"].fillna("")) if not material.answers.empty else frozenset()
    own = names.union(leave_out(engine, workshop_id))
    return View(
        _head(material, answers), key_terms_by_main_point(answers, material.points, reading(langs), leave_out=own)
    )


def against_the_gaps(engine: Engine, workshop_id: int, filters: cons.Filters) -> View[pd.DataFrame]:
    material, answers = _narrowed(engine, workshop_id, filters)
    concerned = concerned_spaces(answers, material.questions, material.points) if not answers.empty else pd.Series()
    frame = against_gaps(attention(answers, concerned), workshop_scores(engine, workshop_id).spaces)
    return View(_head(material, answers), frame)


def unthemed(engine: Engine, workshop_id: int, filters: cons.Filters, page: int = 0) -> View[Page]:
    material, answers = _narrowed(engine, workshop_id, filters)
    rest = cons.answers_table(cons.unthemed(answers, material.themed_ids))
    return View(_head(material, answers), page_of(rest, page))


def answer_labels(
    engine: Engine, workshop_id: int, question_id: int | None = None, ids: tuple[int, ...] = ()
) -> dict[int, str]:
    """Short labels (team: the start of the answer) for picking answers into themes: every
    answer, or (with question_id and/or ids) the answers to one question and those already picked."""
    if question_id is None and not ids:
        answers = week_material(engine, workshop_id).answers
    else:
        answers = consolidation_answers(engine, workshop_id, question_id, ids)
    labels = [
        f"{team}: {cons.short(cons.answer_text(r, c, text), ANSWER_LABEL_WIDTH)}"
        for team, r, c, text in zip(*(answers[k].tolist() for k in ("team", "rating", "choices", "text")), strict=True)
    ]
    return dict(zip(answers["id"].astype(int).tolist(), labels, strict=True))


def question_labels(engine: Engine, workshop_id: int) -> dict[int, str]:
    """Every question as D<day>.Q<position> · the start of its text, in the order of the week."""
    asked = questions_frame(engine, workshop_id)
    return {int(q.id): f"D{int(q.day)}.Q{int(q.position)} · {cons.short(str(q.text), 60)}" for q in asked.itertuples()}


def answers_of(engine: Engine, workshop_id: int, ids: tuple[int, ...]) -> pd.DataFrame:
    """The answers with these ids, as leadership reads them (consolidation.answers_table)."""
    answers = week_material(engine, workshop_id).answers
    return cons.answers_table(answers[answers["id"].isin(ids)])
