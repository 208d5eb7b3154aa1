"""A writer for the crash test: saves answers through the service, one after another, and prints
`saved <response id> <team id> <question id> <text>` after each commit. Killed from outside partway.

Usage: python -m tests.reliability.crash_writer DATABASE_URL WORKSHOP_ID"""

from __future__ import annotations

import sys
import uuid

from tests.reliability.conftest import answer_for
from workshop.services.week.answers import submit_answer
from workshop.services.week.days import list_questions
from workshop.services.workshops.lifecycle import list_teams
from workshop.store import make_engine


def main(url: str, workshop_id: int) -> None:
    engine = make_engine(url)
    questions = list_questions(engine, workshop_id)
    for team in list_teams(engine, workshop_id):
        for question in questions:
            text = f"{team.name} answers {question.id} ({uuid.uuid4().hex[:8]})"
            saved = submit_answer(engine, team, answer_for(question, text), idempotency_key=str(uuid.uuid4()))
            print(f"saved {saved.id} {team.id} {question.id} {text}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
