"""Floors and writes for the week pages; entries here override bench.floors.PAGES. Each floor
makes the service reads (uncached, as after a write) and the pandas work its page does now."""

from __future__ import annotations

from sqlalchemy import Engine

from bench.floor_writes import PageCost, _app, add_one_team, resave_last_day, submit_one_answer
from bench.synthetic import Fixture
from workshop.services.week.answers import team_answers, team_drafts
from workshop.services.week.days import list_days, list_main_points, list_questions
from workshop.services.week.morning_view import board, desk
from workshop.services.week.week_log import log
from workshop.services.workshops.lifecycle import list_teams

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
    """The log read whole (workshop.services.week.week_log): the readable days, the newest one's questions,
    its first question's answers with their comments, main points; a page of the answers becomes cards."""
    shown = log(engine, fx.workshop_id)
    return [
        (a.team, a.text, " · ".join(a.choices), ", ".join(a.spaces), shown.comments.get(a.response_id, ()))
        for a in shown.answers[:LOG_ANSWERS_PER_PAGE]
    ]


PAGES: dict[str, PageCost] = {
    "week_setup.py": PageCost(_week_setup, resave_last_day, "day saved"),
    "teams.py": PageCost(_teams, add_one_team, "team added"),
    "answer.py": PageCost(_answer, submit_one_answer, "answer saved"),
    "morning.py": PageCost(_morning, submit_one_answer, "answer saved"),
    "week_log.py": PageCost(_week_log, submit_one_answer, "answer saved"),
}
