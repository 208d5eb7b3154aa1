"""The morning view and the wall, each read whole: `board` is everything the wall shows and the morning view
redraws every few seconds (the open days live, and the closed day's recap); `desk` what the facilitator's
controls below it show. Each declares the tables it reads (BOARD_TABLES, DESK_TABLES), so the interface
caches it once, until a write changes one of them, instead of asking a dozen reads on every refresh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from workshop.domain.live import LiveResult
from workshop.domain.model import Day, DayStatus, MainPoint, Question
from workshop.domain.recap import DayRecap
from workshop.services.week import morning
from workshop.services.week.days import Participation, day_participation, list_days, list_main_points, list_questions
from workshop.services.workshops.lifecycle import get_workshop

BOARD_TABLES = ("workshops", "days", "questions", "main_points", "responses", "person_answers", "teams", "recap_quotes")
DESK_TABLES = ("days", "questions", "responses", "person_answers", "teams", "recap_quotes", "projector_links")


@dataclass(frozen=True)
class DayBoard:
    """One open day: who has answered, who not yet, its questions, and the room's answers to each so far."""

    day: Day
    seen: Participation
    missing: tuple[str, ...]  # the teams that have answered none of the day's questions, by name
    questions: tuple[Question, ...]  # in order
    results: dict[int, LiveResult]  # by question id (counts only, never a team's name)


@dataclass(frozen=True)
class Recap:
    """The latest closed day: its summary and the answers the facilitator quotes."""

    day: Day
    summary: DayRecap
    quotes: tuple[morning.Quote, ...]


@dataclass(frozen=True)
class Board:
    """What the wall shows, and the morning view above the facilitator's controls."""

    language: str  # the workshop's: the join link (and its QR code) opens the app in it
    days: tuple[DayBoard, ...]  # the open days, in order
    main_points: dict[int, MainPoint]  # by id: what the questions are asked about
    recap: Recap | None  # None until a day is closed


@dataclass(frozen=True)
class Desk:
    """The facilitator's controls: the days (for participation), the projector link, the quotes to pick."""

    days: tuple[Day, ...]
    projector_made: dt.datetime | None  # when the projector link was made; None without one
    quoted: tuple[int, ...]  # the answers quoted in the recap, by id
    quote_choices: dict[int, str]  # the recapped day's answers with words: response id -> what the option says


def _day_board(engine: Engine, workshop_id: int, day: Day, questions: list[Question]) -> DayBoard:
    return DayBoard(
        day,
        day_participation(engine, workshop_id, day.id),
        tuple(morning.missing_teams(engine, workshop_id, day.id)),
        tuple(q for q in questions if q.day_id == day.id),
        {r.question.id: r for r in morning.live_results(engine, workshop_id, day.id)},
    )


def _latest_closed(days: list[Day]) -> Day | None:
    closed = [d for d in days if d.status == DayStatus.CLOSED]
    return closed[-1] if closed else None


def board(engine: Engine, workshop_id: int) -> Board:
    """Everything the wall and the morning view's live part show: the open days, the main points, the recap."""
    days = list_days(engine, workshop_id)
    questions = list_questions(engine, workshop_id)
    recapped = _latest_closed(days)
    recap = None
    if recapped is not None:
        summary = morning.recap(engine, workshop_id, recapped.id)
        recap = Recap(recapped, summary, tuple(morning.quotes(engine, workshop_id, recapped.id)))
    return Board(
        get_workshop(engine, workshop_id).language,
        tuple(_day_board(engine, workshop_id, d, questions) for d in days if d.status == DayStatus.OPEN),
        {p.id: p for p in list_main_points(engine, workshop_id)},
        recap,
    )


def desk(engine: Engine, workshop_id: int) -> Desk:
    """What the facilitator's controls below the board show."""
    days = list_days(engine, workshop_id)
    recapped = _latest_closed(days)
    quoted: tuple[int, ...] = ()
    choices: dict[int, str] = {}
    if recapped is not None:
        quoted = tuple(morning.quoted_ids(engine, workshop_id, recapped.id))
        choices = morning.quote_choices(engine, workshop_id, recapped.id)
    return Desk(tuple(days), morning.projector_link_made(engine, workshop_id), quoted, choices)
