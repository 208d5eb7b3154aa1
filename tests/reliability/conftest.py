"""Reliability fixtures: a workshop with every day open and many teams, built through the services,
and figures (latencies) printed at the end of the run whatever pytest's capture mode (tests/conftest.py)."""

from __future__ import annotations

import contextvars
import statistics
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from tests.conftest import print_at_the_end
from workshop.domain.model import DayStatus, Question, QuestionKind, Team
from workshop.services.week.answers import Answer
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.workshops.lifecycle import add_team, create_workshop

FIGURES: list[str] = []


@dataclass
class OpenWeek:
    workshop_id: int
    teams: list[Team]
    questions: list[Question]


def open_week(engine: Engine, teams: int, template_key: str = "partnership_week") -> OpenWeek:
    """A workshop from a template with every day open and `teams` teams, made as a facilitator would."""
    workshop_id = create_workshop(engine, "Reliability week", "facilitate-me", "lead-me-now", template_key)
    for day in list_days(engine, workshop_id):
        set_day_status(engine, workshop_id, int(day.id or 0), DayStatus.OPEN)
    made = [add_team(engine, workshop_id, f"Team {n:02d}", code=f"CODE{n:02d}")[0] for n in range(teams)]
    return OpenWeek(workshop_id, made, list_questions(engine, workshop_id))


def answer_for(question: Question, text: str) -> Answer:
    """A valid answer to any kind of question, carrying `text` where the kind allows it."""
    qid = int(question.id or 0)
    if question.kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH):
        return Answer(qid, text=text, rating=1 + len(text) % 5)
    if question.kind == QuestionKind.SINGLE:
        return Answer(qid, text=text, choices=[question.options[0]])
    if question.kind == QuestionKind.MULTIPLE:
        return Answer(qid, text=text, choices=question.options[:2])
    return Answer(qid, text=text)


def at_once(count: int, work: Callable[[int], object], timeout: float = 120) -> list[BaseException]:
    """Run work(0..count-1) in threads released at the same moment (tabs, teams, retries racing); every
    exception comes back, so that a lock error or a deadlock fails the test instead of vanishing in a thread."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(n: int) -> None:
        start.wait()
        try:
            work(n)
        except BaseException as exc:
            errors.append(exc)

    # Each thread acts as the test does (the author the record names: tests/conftest.py); a new thread starts
    # with no context of its own.
    threads = [threading.Thread(target=contextvars.copy_context().run, args=(run, n)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


print_at_the_end("reliability figures", FIGURES)  # by tests/conftest.py, from every worker
