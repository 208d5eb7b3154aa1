"""Synthetic workshops for the benchmark: the demo (S), or a big workshop written with bulk Core inserts."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from workshop.domain.model import SPACE_KEYS, DayStatus, QuestionKind, Team
from workshop.services.access.codes import team_code_hash
from workshop.services.loop.publication import set_published
from workshop.services.loop.votes import open_vote
from workshop.services.partnership.proposals import save_proposal
from workshop.services.register.mapping import set_mapping_phase
from workshop.services.week.answers import Answer
from workshop.services.week.days import list_days, list_questions
from workshop.services.workshops.demo import create_demo, demo_codes_hint
from workshop.services.workshops.lifecycle import create_workshop, list_teams
from workshop.store import write
from workshop.store.tables import (
    days,
    main_points,
    offers,
    partner_stages,
    partners,
    questions,
    responses,
    teams,
    workshops,
)

VOCABULARY = (
    "library children reading families makerspace learning meeting citizens events debate quiet study "
    "volunteers partners school newcomers language cafe seniors digital help podcast exhibition stage "
    "author talk workshop community garden music games young people access opening hours staff space "
    "inspiration performative local history archive collection loan media literacy coding homework "
    "climate democracy neighbourhood outreach mobile library branch evening weekend welcome"
)
WORDS = VOCABULARY.split()
KINDS = (
    [QuestionKind.TEXT] * 5
    + [QuestionKind.RATING] * 2
    + [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SPACE_STRENGTH]
)
OPTIONS = ["Keep as it is", "Grow it", "Change it", "Stop it", "Ask the users first"]
TARGET_GROUPS = ["children", "young people", "adults", "seniors", "families", "newcomers", "businesses"]
FACILITATOR_CODE, LEADERSHIP_CODE, TEAM_CODE = "bench-facilitator", "bench-leadership", "BENCH1"


@dataclass(frozen=True)
class Size:
    """How big a synthetic workshop is."""

    name: str
    offers: int = 0
    teams: int = 0
    answers: int = 0
    closed_days: int = 3
    open_questions: int = 10  # on the one open day, half of the teams have answered them
    planned_questions: int = 10


SIZES: dict[str, Size] = {
    "S": Size("S"),  # the demo workshop
    "M": Size("M", offers=1_000, teams=50, answers=10_000),
    "L": Size("L", offers=5_000, teams=200, answers=100_000),
}


@dataclass
class OpenQuestion:
    id: int
    kind: QuestionKind
    options: list[str]


@dataclass
class Fixture:
    """A workshop built for the benchmark, and what the benchmark needs to sign in and write to it."""

    size: str
    workshop_id: int
    facilitator_code: str
    leadership_code: str
    team: Team
    team_code: str
    open_questions: list[OpenQuestion]
    last_day_id: int
    counts: dict[str, int] = field(default_factory=dict)


def _text(rng: random.Random, low: int, high: int) -> str:
    """Words up to a length drawn between low and high characters: text as people write it."""
    target, words = rng.randint(low, high), []
    length = 0
    while length < target:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def answer_for(question: OpenQuestion, rng: random.Random) -> Answer:
    """A valid answer to a question of any kind."""
    spaces = rng.sample(SPACE_KEYS, rng.randint(0, 2))
    if question.kind in (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH):
        return Answer(question.id, _text(rng, 0, 120), rng.randint(1, 5), [], spaces)
    if question.kind == QuestionKind.SINGLE:
        return Answer(question.id, "", None, [rng.choice(question.options)], spaces)
    if question.kind == QuestionKind.MULTIPLE:
        return Answer(question.id, "", None, rng.sample(question.options, rng.randint(1, 3)), spaces)
    return Answer(question.id, _text(rng, 40, 400), None, [], spaces)


def _open_questions(engine: Engine, workshop_id: int) -> tuple[list[OpenQuestion], int]:
    all_days = list_days(engine, workshop_id)
    found = [
        OpenQuestion(q.id, q.kind, list(q.options))
        for d in all_days
        if d.status == DayStatus.OPEN
        for q in list_questions(engine, workshop_id, d.id)
    ]
    return found, int(all_days[-1].id or 0)


def build(engine: Engine, size: Size, seed: int = 8) -> Fixture:
    """The workshop of this size in a migrated, empty database, with every phase of the week on."""
    fx = _build(engine, size, seed)
    every_phase_on(engine, fx.workshop_id)
    return fx


def every_phase_on(engine: Engine, workshop_id: int) -> None:
    """The mapping, a proposal and a vote open and the decisions published: a week in full swing, whose
    team menu holds every page a team can have (workshop.domain.phases), so every page is measured."""
    set_mapping_phase(engine, workshop_id, status=DayStatus.OPEN)
    save_proposal(engine, workshop_id, {"title": "Benchmark proposal", "proposer": "Benchmark"})
    open_vote(engine, workshop_id, "Benchmark vote", "themes", 3)
    set_published(engine, workshop_id, True)


def _build(engine: Engine, size: Size, seed: int) -> Fixture:
    if size.name == "S":
        workshop_id = create_demo(engine)
        codes = demo_codes_hint()
        team = list_teams(engine, workshop_id)[0]
        team_codes: dict[str, str] = codes["teams"]  # type: ignore[assignment]
        found, last_day = _open_questions(engine, workshop_id)
        return Fixture(
            "S",
            workshop_id,
            str(codes["facilitator"]),
            str(codes["leadership"]),
            team,
            team_codes[team.name],
            found,
            last_day,
        )
    return _build_large(engine, size, random.Random(seed))


def _build_large(engine: Engine, size: Size, rng: random.Random) -> Fixture:
    workshop_id = create_workshop(engine, f"Synthetic workshop {size.name}", FACILITATOR_CODE, LEADERSHIP_CODE)
    now = dt.datetime.now(dt.UTC)
    team_names = [f"Team {n:03d} {rng.choice(WORDS)}" for n in range(1, size.teams + 1)]
    partner_names = [f"Partner {n} {rng.choice(WORDS)}" for n in range(1, size.teams + 1)]
    open_answered = size.teams // 2 * size.open_questions
    per_closed_day = -(-(size.answers - open_answered) // (size.teams * size.closed_days))
    with write(engine) as conn:
        salt = conn.execute(select(workshops.c.team_code_salt).where(workshops.c.id == workshop_id)).scalar_one()
        # Only the first team gets a real code (one scrypt each is slow); the others cannot be joined.
        conn.execute(
            teams.insert(),
            [
                {
                    "workshop_id": workshop_id,
                    "name": name,
                    "code_hash": team_code_hash(TEAM_CODE, salt) if n == 0 else secrets.token_hex(32),
                }
                for n, name in enumerate(team_names)
            ],
        )
        partner_ids = conn.execute(
            partners.insert().returning(partners.c.id, sort_by_parameter_order=True),
            [{"workshop_id": workshop_id, "name": p, "description": _text(rng, 40, 200)} for p in partner_names],
        ).scalars()
        conn.execute(  # each partner's first move in the network circle, as the app records it
            partner_stages.insert(),
            [
                {"workshop_id": workshop_id, "partner_id": i, "stage": "network", "changed_on": dt.date(2024, 1, 1)}
                for i in partner_ids
            ],
        )
        conn.execute(
            offers.insert(), [_offer_row(rng, workshop_id, n, team_names, partner_names) for n in range(size.offers)]
        )
        conn.execute(
            main_points.insert(),
            [
                {
                    "workshop_id": workshop_id,
                    "position": n,
                    "title": _text(rng, 20, 60),
                    "description": _text(rng, 80, 300),
                    "spaces": rng.sample(SPACE_KEYS, 2),
                }
                for n in range(1, 7)
            ],
        )
        point_ids = list(
            conn.execute(select(main_points.c.id).where(main_points.c.workshop_id == workshop_id)).scalars()
        )
        plan = [(DayStatus.CLOSED, per_closed_day)] * size.closed_days
        plan += [(DayStatus.OPEN, size.open_questions), (DayStatus.PLANNED, size.planned_questions)]
        conn.execute(
            days.insert(),
            [
                {"workshop_id": workshop_id, "position": n, "title": _text(rng, 15, 40), "status": status.value}
                for n, (status, _) in enumerate(plan, start=1)
            ],
        )
        day_ids = list(
            conn.execute(select(days.c.id).where(days.c.workshop_id == workshop_id).order_by(days.c.position)).scalars()
        )
        conn.execute(
            questions.insert(),
            [
                _question_row(rng, workshop_id, day_id, position, point_ids)
                for day_id, (_, count) in zip(day_ids, plan, strict=True)
                for position in range(1, count + 1)
            ],
        )
        question_rows = conn.execute(
            select(questions.c.id, questions.c.kind, questions.c.options, questions.c.day_id)
            .where(questions.c.workshop_id == workshop_id)
            .order_by(questions.c.day_id, questions.c.position)
        ).fetchall()
        team_ids = list(
            conn.execute(select(teams.c.id).where(teams.c.workshop_id == workshop_id).order_by(teams.c.id)).scalars()
        )
        closed = [q for q in question_rows if q.day_id in day_ids[: size.closed_days]]
        opened = [q for q in question_rows if q.day_id == day_ids[size.closed_days]]
        # Closed days fully answered, then the open day by the second half of the teams: the benchmark's
        # team (the first) still has open questions to answer.
        pairs = [(q, t) for q in closed for t in team_ids] + [
            (q, t) for q in opened for t in team_ids[size.teams // 2 :]
        ]
        pairs = pairs[: size.answers]
        batch = 20_000
        for start in range(0, len(pairs), batch):
            conn.execute(
                responses.insert(),
                [_response_row(rng, workshop_id, q, t, now) for q, t in pairs[start : start + batch]],
            )
    found, last_day = _open_questions(engine, workshop_id)
    team = Team(id=team_ids[0], workshop_id=workshop_id, name=team_names[0])
    counts = {"offers": size.offers, "teams": size.teams, "questions": len(question_rows), "answers": len(pairs)}
    return Fixture(size.name, workshop_id, FACILITATOR_CODE, LEADERSHIP_CODE, team, TEAM_CODE, found, last_day, counts)


def _offer_row(rng: random.Random, workshop_id: int, n: int, team_names: list[str], partner_names: list[str]) -> dict:
    contributions = [rng.choice((0, 0, 1, 2, 3)) for _ in SPACE_KEYS]
    if not any(contributions):
        contributions[rng.randrange(len(SPACE_KEYS))] = rng.randint(1, 3)
    return {
        "workshop_id": workshop_id,
        "name": f"Offer {n + 1}: {_text(rng, 10, 50)}",
        "description": _text(rng, 100, 500),
        "owner_team": rng.choice(team_names),
        "target_groups": rng.sample(TARGET_GROUPS, rng.randint(1, 3)),
        "status": rng.choice(("active", "active", "active", "planned", "paused")),
        "reach": rng.randint(0, 50_000),
        "strength": rng.randint(1, 5),
        **dict(zip(SPACE_KEYS, contributions, strict=True)),
        "partners": rng.sample(partner_names, rng.randint(0, 2)),
        "tags": rng.sample(WORDS, rng.randint(0, 3)),
    }


def _question_row(rng: random.Random, workshop_id: int, day_id: int, position: int, point_ids: list[int]) -> dict:
    kind = rng.choice(KINDS)
    choice = kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
    return {
        "workshop_id": workshop_id,
        "day_id": day_id,
        "main_point_id": rng.choice([*point_ids, None]),
        "position": position,
        "kind": kind.value,
        "text": _text(rng, 60, 150).rstrip(".") + "?",
        "options": OPTIONS if choice else [],
        "space": rng.choice(SPACE_KEYS) if kind == QuestionKind.SPACE_STRENGTH else None,
    }


def _response_row(rng: random.Random, workshop_id: int, question: object, team_id: int, now: dt.datetime) -> dict:
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
