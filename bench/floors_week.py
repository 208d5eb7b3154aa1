"""Floors and writes for the week pages; entries here override bench.floors.PAGES. Each floor
makes the service reads (uncached, as after a write) and the pandas work its page does now."""

from __future__ import annotations

from sqlalchemy import Engine

from bench.floors import PageCost, _app, add_one_team, resave_last_day, submit_one_answer
from bench.synthetic import Fixture
from workshop.services.week.answers import team_answers, team_drafts
from workshop.services.week.days import (
    list_days,
    list_main_points,
    list_questions,
    log_answers,
    log_days,
)
from workshop.services.week.morning_view import board, desk
from workshop.services.workshops.lifecycle import get_workshop, list_teams

LOG_ANSWERS_PER_PAGE = 10  # pages/week_log.py's PAGE_SIZE


def _week_setup(engine: Engine, fx: Fixture) -> object:
    """Main points, days and questions (the days tab shows a page of questions per day)."""
    _app(engine, fx)
    return (
        list_main_points(engine, fx.workshop_id),
        list_days(engine, fx.workshop_id),
        list_questions(engine, fx.workshop_id),
    )


def _teams(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_teams(engine, fx.workshop_id)


def _answer(engine: Engine, fx: Fixture) -> object:
    """The team's open days with their questions, its answers and drafts."""
    _app(engine, fx)
    return (
        list_days(engine, fx.workshop_id),
        list_main_points(engine, fx.workshop_id),
        list_questions(engine, fx.workshop_id),
        team_answers(engine, fx.team),
        team_drafts(engine, fx.team),
    )


def _morning(engine: Engine, fx: Fixture) -> object:
    """The morning view read whole (workshop.services.week.morning_view): per open day who has answered each
    question (counted in SQL), the questions and main points, the room's live results (choices and ratings
    counted, key terms of the written answers), the closed day's recap and quotes; and the facilitator's desk."""
    _app(engine, fx)
    return board(engine, fx.workshop_id), desk(engine, fx.workshop_id)


def _week_log(engine: Engine, fx: Fixture) -> object:
    """The newest readable day's first question, its answers (a page of them becomes cards), main points."""
    current = get_workshop(engine, fx.workshop_id)
    visible = log_days(engine, current)
    if not visible:
        return None
    questions = [q for q in list_questions(engine, fx.workshop_id) if q.day_id == visible[-1].id]
    answers = log_answers(engine, fx.workshop_id, (int(questions[0].id or 0),))
    list_main_points(engine, fx.workshop_id)
    return [
        (row.team, row.text, " · ".join(row.choices), ", ".join(row.spaces))
        for row in answers.iloc[:LOG_ANSWERS_PER_PAGE].itertuples()
    ]


PAGES: dict[str, PageCost] = {
    "week_setup.py": PageCost(_week_setup, resave_last_day, "day saved"),
    "teams.py": PageCost(_teams, add_one_team, "team added"),
    "answer.py": PageCost(_answer, submit_one_answer, "answer saved"),
    "morning.py": PageCost(_morning, submit_one_answer, "answer saved"),
    "week_log.py": PageCost(_week_log, submit_one_answer, "answer saved"),
}
