"""The benchmark's page table's parts (bench/floors.py and the floors_* modules it gathers): the record of
a page's cost, the writes that invalidate what a page shows, and what app.py itself reads on every page."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from bench.synthetic import Fixture
from bench.synthetic_rows import answer_for
from workshop.domain.model import Offer
from workshop.services.register.offers import add_offers
from workshop.services.week.answers import submit_answer
from workshop.services.week.days import list_days, set_day_status
from workshop.services.workshops.lifecycle import add_team, get_workshop, set_current_workshop

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
    set_day_status(engine, fx.workshop_id, fx.last_day_id, day.status)
    return None


def make_current(engine: Engine, fx: Fixture) -> object:
    set_current_workshop(engine, fx.workshop_id)
    return None


def _app(engine: Engine, fx: Fixture) -> None:
    """What app.py reads on every page: the current workshop."""
    get_workshop(engine, fx.workshop_id)
