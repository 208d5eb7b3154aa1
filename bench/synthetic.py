"""Synthetic workshops for the benchmark: the demo (S), or a big workshop written with bulk Core inserts."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from bench.synthetic_rows import (
    WORDS,
    OpenQuestion,
    offer_row,
    question_row,
    response_row,
    words_text,
)
from workshop.domain.model import SPACE_KEYS, DayStatus, Team
from workshop.services.access.codes import team_code_hash
from workshop.services.loop.publication import set_published
from workshop.services.loop.votes import open_vote
from workshop.services.partnership.proposals import save_proposal
from workshop.services.register.mapping import set_mapping_phase
from workshop.services.week.days import list_days, list_questions
from workshop.services.whole.demo import create_demo, demo_codes_hint
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
            [{"workshop_id": workshop_id, "name": p, "description": words_text(rng, 40, 200)} for p in partner_names],
        ).scalars()
        conn.execute(  # each partner's first move in the network circle, as the app records it
            partner_stages.insert(),
            [
                {"workshop_id": workshop_id, "partner_id": i, "stage": "network", "changed_on": dt.date(2024, 1, 1)}
                for i in partner_ids
            ],
        )
        conn.execute(
            offers.insert(), [offer_row(rng, workshop_id, n, team_names, partner_names) for n in range(size.offers)]
        )
        conn.execute(
            main_points.insert(),
            [
                {
                    "workshop_id": workshop_id,
                    "position": n,
                    "title": words_text(rng, 20, 60),
                    "description": words_text(rng, 80, 300),
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
                {"workshop_id": workshop_id, "position": n, "title": words_text(rng, 15, 40), "status": status.value}
                for n, (status, _) in enumerate(plan, start=1)
            ],
        )
        day_ids = list(
            conn.execute(select(days.c.id).where(days.c.workshop_id == workshop_id).order_by(days.c.position)).scalars()
        )
        conn.execute(
            questions.insert(),
            [
                question_row(rng, workshop_id, day_id, position, point_ids)
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
                [response_row(rng, workshop_id, q, t, now) for q, t in pairs[start : start + batch]],
            )
    found, last_day = _open_questions(engine, workshop_id)
    team = Team(id=team_ids[0], workshop_id=workshop_id, name=team_names[0])
    counts = {"offers": size.offers, "teams": size.teams, "questions": len(question_rows), "answers": len(pairs)}
    return Fixture(size.name, workshop_id, FACILITATOR_CODE, LEADERSHIP_CODE, team, TEAM_CODE, found, last_day, counts)
