"""The rows of a synthetic workshop, drawn from a seeded random: text as people write it, offers, questions
and valid answers to questions of every kind."""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from workshop.domain.model import SPACE_KEYS, QuestionKind
from workshop.services.week.answers import Answer

VOCABULARY = (
    "library children reading families makerspace learning meeting citizens events debate quiet study "
    "volunteers partners school newcomers language cafe seniors digital help podcast exhibition stage "
    "author talk workshop community garden music games young people access opening hours staff space "
    "inspiration performative local history archive collection loan media literacy coding homework "
    "climate democracy neighbourhood outreach mobile library branch evening weekend welcome"
)
WORDS = VOCABULARY.split()
SHORTEST = min(len(word) + 1 for word in WORDS)  # a word and its space
KINDS = (
    [QuestionKind.TEXT] * 5
    + [QuestionKind.RATING] * 2
    + [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SPACE_STRENGTH]
)
OPTIONS = ["Keep as it is", "Grow it", "Change it", "Stop it", "Ask the users first"]
TARGET_GROUPS = ["children", "young people", "adults", "seniors", "families", "newcomers", "businesses"]


@dataclass
class OpenQuestion:
    id: int
    kind: QuestionKind
    options: list[str]


def words_text(rng: random.Random, low: int, high: int) -> str:
    """Words up to a length drawn between low and high characters: text as people write it. The words are
    drawn in one call and cut where the length is reached (a word at a time was most of building L)."""
    target = rng.randint(low, high)
    if target <= 0:
        return "."
    words = rng.choices(WORDS, k=target // SHORTEST + 1)  # enough words even if each is the shortest
    ends = list(accumulate(len(word) + 1 for word in words))
    return " ".join(words[: bisect_left(ends, target) + 1]).capitalize() + "."


def answer_for(question: OpenQuestion, rng: random.Random) -> Answer:
    """A valid answer to a question of any kind."""
    spaces = rng.sample(SPACE_KEYS, rng.randint(0, 2))
    if question.kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH):
        return Answer(question.id, words_text(rng, 0, 120), rng.randint(1, 5), [], spaces)
    if question.kind == QuestionKind.SINGLE:
        return Answer(question.id, "", None, [rng.choice(question.options)], spaces)
    if question.kind == QuestionKind.MULTIPLE:
        return Answer(question.id, "", None, rng.sample(question.options, rng.randint(1, 3)), spaces)
    return Answer(question.id, words_text(rng, 40, 400), None, [], spaces)


def offer_row(rng: random.Random, workshop_id: int, n: int, team_names: list[str], partner_names: list[str]) -> dict:
    contributions = [rng.choice((0, 0, 1, 2, 3)) for _ in SPACE_KEYS]
    if not any(contributions):
        contributions[rng.randrange(len(SPACE_KEYS))] = rng.randint(1, 3)
    return {
        "workshop_id": workshop_id,
        "name": f"Offer {n + 1}: {words_text(rng, 10, 50)}",
        "description": words_text(rng, 100, 500),
        "owner_team": rng.choice(team_names),
        "target_groups": rng.sample(TARGET_GROUPS, rng.randint(1, 3)),
        "status": rng.choice(("active", "active", "active", "planned", "paused")),
        "reach": rng.randint(0, 50_000),
        "strength": rng.randint(1, 5),
        **dict(zip(SPACE_KEYS, contributions, strict=True)),
        "partners": rng.sample(partner_names, rng.randint(0, 2)),
        "tags": rng.sample(WORDS, rng.randint(0, 3)),
    }


def question_row(rng: random.Random, workshop_id: int, day_id: int, position: int, point_ids: list[int]) -> dict:
    kind = rng.choice(KINDS)
    choice = kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
    return {
        "workshop_id": workshop_id,
        "day_id": day_id,
        "main_point_id": rng.choice([*point_ids, None]),
        "position": position,
        "kind": kind.value,
        "text": words_text(rng, 60, 150).rstrip(".") + "?",
        "options": OPTIONS if choice else [],
        "space": rng.choice(SPACE_KEYS) if kind == QuestionKind.SPACE_STRENGTH else None,
    }


def response_row(rng: random.Random, workshop_id: int, question: object, team_id: int, now: dt.datetime) -> dict:
    q = question
    answer = answer_for(OpenQuestion(q.id, QuestionKind(q.kind), list(q.options)), rng)  # type: ignore[attr-defined]
    return {
        "workshop_id": workshop_id,
        "question_id": answer.question_id,
        "team_id": team_id,
        "text": answer.text,
        "rating": answer.rating,
        "choices": answer.choices,
        "spaces": answer.spaces,
        "created_at": now,
        "updated_at": now,
    }
