"""The per-page table of the benchmark, kept in one place: for each page file, its floor (the bare
service reads and pandas work the page needs, without Streamlit) and the write that should invalidate
what the page shows. Update an entry when a page changes what it reads; a page without an entry shows
"—" as its floor and is measured after the default write (an answer submitted)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from workshop.bench.synthetic import Fixture, answer_for
from workshop.model import SPACE_KEYS, DayStatus, Offer
from workshop.services.answers import submit_answer, team_answers
from workshop.services.offers import add_offers, offers_frame
from workshop.services.week import answers_frame, list_days, list_main_points, list_questions, set_day_status
from workshop.services.workshops import (
    add_team,
    current_workshop_id,
    get_workshop,
    list_teams,
    list_workshops,
    set_current_workshop,
)

Step = Callable[[Engine, Fixture], object]


@dataclass(frozen=True)
class PageCost:
    floor: Step
    write: Step
    write_name: str


_rng = random.Random(88)


def submit_one_answer(engine: Engine, fx: Fixture) -> object:
    """The team answers (or edits its answer to) one of the open day's questions, as the answer page does."""
    question = _rng.choice(fx.open_questions)
    return submit_answer(engine, fx.team, answer_for(question, _rng), idempotency_key=str(uuid.uuid4()))


def add_one_offer(engine: Engine, fx: Fixture) -> object:
    offer = Offer(
        name=f"Bench offer {uuid.uuid4().hex[:8]}", description="Added by the benchmark.", spaces={"learning": 2}
    )
    return add_offers(engine, fx.workshop_id, [offer])


def add_one_team(engine: Engine, fx: Fixture) -> object:
    return add_team(engine, fx.workshop_id, f"Bench team {uuid.uuid4().hex[:8]}")


def resave_last_day(engine: Engine, fx: Fixture) -> object:
    """A write to the days table that leaves the week as it was."""
    day = next(d for d in list_days(engine, fx.workshop_id) if d.id == fx.last_day_id)
    return set_day_status(engine, fx.workshop_id, fx.last_day_id, day.status)


def make_current(engine: Engine, fx: Fixture) -> object:
    return set_current_workshop(engine, fx.workshop_id)


def _app(engine: Engine, fx: Fixture) -> None:
    """What app.py reads on every page: the current workshop."""
    get_workshop(engine, fx.workshop_id)


def _home(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_workshops(engine), get_workshop(engine, fx.workshop_id)


def _workshops(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_workshops(engine), current_workshop_id(engine)


def _week_setup(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return (
        list_main_points(engine, fx.workshop_id),
        list_days(engine, fx.workshop_id),
        list_questions(engine, fx.workshop_id),
    )


def _teams(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_teams(engine, fx.workshop_id)


def _offers(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return offers_frame(engine, fx.workshop_id).drop(columns=["id"])


def _strengths(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    frame = offers_frame(engine, fx.workshop_id)
    active = frame[frame["status"] == "active"]
    return {k: float((active[k] * active["strength"]).sum()) for k in SPACE_KEYS}


def _open_days(engine: Engine, fx: Fixture) -> list:
    return [d for d in list_days(engine, fx.workshop_id) if d.status == DayStatus.OPEN]


def _morning(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    open_days = _open_days(engine, fx)
    teams = len(list_teams(engine, fx.workshop_id))
    answers = answers_frame(engine, fx.workshop_id)
    counts = answers.groupby("question_id")["team"].nunique()
    return teams, [counts.get(q.id, 0) for d in open_days for q in list_questions(engine, fx.workshop_id, d.id)]


def _answer(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    open_days = _open_days(engine, fx)
    return team_answers(engine, fx.team), [list_questions(engine, fx.workshop_id, d.id) for d in open_days]


def _overview(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    answers = answers_frame(engine, fx.workshop_id)
    points = list_main_points(engine, fx.workshop_id)
    return [answers[answers["main_point_id"] == p.id] for p in points]


def _week_log(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    answers = answers_frame(engine, fx.workshop_id)
    closed = [d.position for d in list_days(engine, fx.workshop_id) if d.status == DayStatus.CLOSED]
    return [list(answers[answers["day"] == day].groupby("question_position")) for day in closed]


# Keyed by the page's file in pages/.
PAGES: dict[str, PageCost] = {
    "home.py": PageCost(_home, make_current, "current workshop set"),
    "workshops.py": PageCost(_workshops, make_current, "current workshop set"),
    "week_setup.py": PageCost(_week_setup, resave_last_day, "day saved"),
    "teams.py": PageCost(_teams, add_one_team, "team added"),
    "offers.py": PageCost(_offers, add_one_offer, "offer added"),
    "strengths.py": PageCost(_strengths, add_one_offer, "offer added"),
    "morning.py": PageCost(_morning, submit_one_answer, "answer saved"),
    "answer.py": PageCost(_answer, submit_one_answer, "answer saved"),
    "overview.py": PageCost(_overview, submit_one_answer, "answer saved"),
    "week_log.py": PageCost(_week_log, submit_one_answer, "answer saved"),
}
DEFAULT_WRITE = (submit_one_answer, "answer saved")


def all_pages() -> dict[str, PageCost]:
    """This table, with the entries each area keeps in its own module (floors_week, floors_offers,
    floors_leadership) on top."""
    from workshop.bench import floors_leadership, floors_offers, floors_week

    return PAGES | floors_week.PAGES | floors_offers.PAGES | floors_leadership.PAGES


def cost_of(page_file: str) -> PageCost | None:
    return all_pages().get(page_file)


def write_for(page_file: str) -> tuple[Step, str]:
    entry = all_pages().get(page_file)
    return (entry.write, entry.write_name) if entry else DEFAULT_WRITE
