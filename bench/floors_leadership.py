"""Floors and writes for the leadership pages; entries here override bench.floors.PAGES.

Each floor is what the page reads through workshop/ on a run where its caches are stale: the overview
reads its filter options and the open tab (by main point, first pages, with the figures); themes reads
the answer labels and the themes; main points reads the workshop's main points; the others their small
tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine

from bench.floor_writes import PageCost, _app, make_current, submit_one_answer
from bench.synthetic import Fixture
from workshop.domain import consolidation as cons
from workshop.domain.main_points import approved, proposed
from workshop.domain.model import Action, Role
from workshop.services import history
from workshop.services.loop.actions import actions_frame, add_action, board, with_overdue
from workshop.services.loop.publication import team_outcomes
from workshop.services.loop.themes import list_themes
from workshop.services.week.days import list_main_points
from workshop.services.week.planning import save_main_point
from workshop.services.week.voices import workshop_voices
from workshop.services.whole import overview
from workshop.services.workshops.lifecycle import get_workshop, list_workshops


def add_one_action(engine: Engine, fx: Fixture) -> object:
    title = f"Bench action {uuid.uuid4().hex[:8]}"
    return add_action(engine, fx.workshop_id, Action(title=title, owner="Bench", due=dt.date.today()))


def _overview(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return overview.options(engine, fx.workshop_id), overview.by_main_point(engine, fx.workshop_id, cons.Filters())


def _themes(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    wid = fx.workshop_id
    asked = overview.question_labels(engine, wid)
    total = overview.options(engine, wid).total
    first = None if total <= overview.PICK_ALL_LIMIT else next(iter(asked))
    labels = overview.answer_labels(engine, wid, first) if first is not None else overview.answer_labels(engine, wid)
    return asked, labels, list_themes(engine, wid)


def _actions(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    frame = actions_frame(engine, fx.workshop_id)
    today = dt.date.today()
    themes = list_themes(engine, fx.workshop_id)
    return themes, list_main_points(engine, fx.workshop_id), with_overdue(frame, today), board(frame, today)


def resave_first_point(engine: Engine, fx: Fixture) -> object:
    """Leadership saves a main point unchanged: a write to the main points table that leaves them as they were."""
    point = list_main_points(engine, fx.workshop_id)[0]
    return save_main_point(
        engine, fx.workshop_id, point.title, point.description, point.spaces, point_id=point.id, role=Role.LEADERSHIP
    )


def _main_points(engine: Engine, fx: Fixture) -> object:
    """The proposed and the approved main points, split in the domain."""
    _app(engine, fx)
    points = list_main_points(engine, fx.workshop_id)
    return proposed(points), approved(points)


def _decisions(engine: Engine, fx: Fixture) -> object:
    # The teams' view of leadership's outputs: themes, their answers, actions and the team's reactions.
    _app(engine, fx)
    return team_outcomes(engine, fx.workshop_id, fx.team.id)


def _reports(engine: Engine, fx: Fixture) -> object:
    # The page builds a file only when asked (the report and the workbook are timed on their own).
    return get_workshop(engine, fx.workshop_id)


def _voices(engine: Engine, fx: Fixture) -> object:
    """Each person's own answers as distributions under the small-group rule."""
    _app(engine, fx)
    return workshop_voices(engine, fx.workshop_id)


def _history(engine: Engine, fx: Fixture) -> object:
    """The record's first page of changes, their count, and every change for the two exports."""
    _app(engine, fx)
    wid = fx.workshop_id
    return history.count(engine, wid), history.entries(engine, wid, limit=25), history.entries(engine, wid)


def _compare(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_workshops(engine)


PAGES: dict[str, PageCost] = {
    "overview.py": PageCost(_overview, submit_one_answer, "answer saved"),
    "themes.py": PageCost(_themes, submit_one_answer, "answer saved"),
    "actions.py": PageCost(_actions, add_one_action, "action added"),
    "decisions.py": PageCost(_decisions, submit_one_answer, "answer saved"),
    "reports.py": PageCost(_reports, submit_one_answer, "answer saved"),
    "compare.py": PageCost(_compare, make_current, "current workshop set"),
    "main_points.py": PageCost(_main_points, resave_first_point, "main point saved"),
    "voices.py": PageCost(_voices, submit_one_answer, "answer saved"),
    "history.py": PageCost(_history, add_one_action, "action added"),
}
