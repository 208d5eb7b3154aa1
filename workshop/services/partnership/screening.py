"""Screening proposals with the "How to Say No" questions: each team (or, in a workshop without teams, the
facilitator) answers yes / no / unsure with a note and may change its answers while the proposal is open;
a team reads and writes only its own screening. Leadership reads the cards: the spread per question."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from workshop.config.templates import screening_questions
from workshop.domain.errors import AccessDenied
from workshop.domain.messages import message
from workshop.domain.model import LANGUAGES, Team
from workshop.domain.screening import (
    FACILITATOR_RATER,
    Answered,
    Proposal,
    QuestionSpread,
    check_facilitator_screens,
    spread,
    team_rater,
)
from workshop.domain.validation import validated
from workshop.files.backup import json_value
from workshop.services.partnership.proposals import get_proposal, list_proposals
from workshop.services.rows import PARTNERS, PROPOSALS, SCREENINGS, TEAMS
from workshop.services.workshops.lifecycle import now
from workshop.store import read, write
from workshop.store.tables import partners, proposals, screenings, teams, workshops

CARD_TABLES = ("proposals", "screenings", "teams", "partners")


@dataclass(frozen=True)
class Note:
    """A rater's note beside one answer, as leadership reads it."""

    question: int
    rater: str  # a team's name, or "" for the facilitator
    answer: str
    note: str


@dataclass(frozen=True)
class Card:
    """One proposal as leadership reads it: the spread per question, who screened, their notes."""

    proposal: Proposal
    partner: str
    raters: int
    spread: tuple[QuestionSpread, ...]
    notes: tuple[Note, ...]


def checked_answers(given: Iterable[Mapping[str, Any]]) -> list[Answered]:
    """The answers cleaned (unanswered questions left out), or InvalidInput naming the question and field."""
    found = []
    for item in given:
        if not item.get("answer"):
            continue
        found.append(validated(Answered, item, message("subject.screening_question", n=str(item.get("question")))))
    return found


def _save(conn: Connection, proposal: Proposal, rater: str, team_id: int | None, answers: list[Answered]) -> None:
    proposal.require_open()
    mine = (screenings.c.proposal_id == proposal.id) & (screenings.c.rater == rater)
    conn.execute(screenings.delete().where(mine))  # the rater's screening replaced whole, in one transaction
    stamp = now()
    rows = [
        {
            "workshop_id": proposal.workshop_id,
            "proposal_id": proposal.id,
            "rater": rater,
            "team_id": team_id,
            "question": a.question,
            "answer": a.answer.value,
            "note": a.note,
            "updated_at": stamp,
        }
        for a in answers
    ]
    if rows:
        conn.execute(screenings.insert(), rows)


def screen_as_team(engine: Engine, team: Team, proposal_id: int, given: Iterable[Mapping[str, Any]]) -> int:
    """Store the team's screening of a proposal (its earlier one replaced); returns how many it answered.
    ScreeningClosed when the facilitator has closed the proposal."""
    answers = checked_answers(given)
    with write(engine) as conn:
        member = conn.execute(select(teams.c.id).where(teams.c.id == team.id, TEAMS.of(team.workshop_id)))
        if member.first() is None:
            raise AccessDenied("error.not_a_team_of_this_workshop")
        # Locked: two tabs of one team saving at once queue, and a close cannot slip between check and write.
        proposal = get_proposal(conn, team.workshop_id, proposal_id, lock=True)
        _save(conn, proposal, team_rater(team.id), team.id, answers)
    return len(answers)


def screen_as_facilitator(
    engine: Engine, workshop_id: int, proposal_id: int, given: Iterable[Mapping[str, Any]]
) -> int:
    """The facilitator's screening, for a workshop without teams (with teams, the teams screen)."""
    answers = checked_answers(given)
    with write(engine) as conn:
        check_facilitator_screens(int(conn.execute(select(func.count()).where(TEAMS.of(workshop_id))).scalar_one()))
        proposal = get_proposal(conn, workshop_id, proposal_id, lock=True)
        _save(conn, proposal, FACILITATOR_RATER, None, answers)
    return len(answers)


def own_screening(engine: Engine, workshop_id: int, proposal_id: int, rater: str) -> dict[int, Answered]:
    """One rater's answers to one proposal, by question number (a team asks only for its own rater)."""
    with read(engine) as conn:
        rows = conn.execute(
            select(screenings.c.question, screenings.c.answer, screenings.c.note).where(
                SCREENINGS.of(workshop_id),
                screenings.c.proposal_id == proposal_id,
                screenings.c.rater == rater,
            )
        )
        return {r.question: Answered.model_validate(dict(r._mapping)) for r in rows}


def screening_cards(engine: Engine, workshop_id: int) -> list[Card]:
    """Every proposal with its spread per question, the number of raters and their notes."""
    found = list_proposals(engine, workshop_id)
    with read(engine) as conn:
        rows = conn.execute(
            select(
                screenings.c.proposal_id,
                screenings.c.rater,
                screenings.c.question,
                screenings.c.answer,
                screenings.c.note,
                teams.c.name.label("team"),
            )
            .outerjoin(teams, teams.c.id == screenings.c.team_id)
            .where(SCREENINGS.of(workshop_id))
            .order_by(screenings.c.question, teams.c.name)
        ).fetchall()
        names = dict(conn.execute(select(partners.c.id, partners.c.name).where(PARTNERS.of(workshop_id))).all())
        language = conn.execute(select(workshops.c.language).where(workshops.c.id == workshop_id)).scalar()
    questions = screening_questions(language if language in LANGUAGES else "en")  # in the workshop's language
    cards = []
    for proposal in found:
        own = [r for r in rows if r.proposal_id == proposal.id]
        notes = tuple(Note(r.question, r.team or "", r.answer, r.note) for r in own if r.note)
        cards.append(
            Card(
                proposal=proposal,
                partner=str(names.get(proposal.partner_id, "")),
                raters=len({r.rater for r in own}),
                spread=tuple(spread(questions, ((r.question, r.answer) for r in own))),
                notes=notes,
            )
        )
    return cards


def export_proposals(conn: Connection, workshop_id: int) -> list[dict[str, Any]]:
    """The export's `proposals`: each with its `screening` answers and leadership's `verdict` (or null)."""
    rows = conn.execute(select(proposals).where(PROPOSALS.of(workshop_id)).order_by(proposals.c.id))
    answers = conn.execute(
        select(
            screenings.c.proposal_id,
            screenings.c.rater,
            screenings.c.team_id,
            screenings.c.question,
            screenings.c.answer,
            screenings.c.note,
            screenings.c.updated_at,
        )
        .where(SCREENINGS.of(workshop_id))
        .order_by(screenings.c.proposal_id, screenings.c.rater, screenings.c.question)
    ).fetchall()
    found = []
    for r in rows:
        item = {
            k: r._mapping[k]
            for k in ("id", "title", "proposer", "description", "spaces", "target_groups", "partner_id", "is_open")
        }
        item["verdict"] = {"verdict": r.verdict, "reason": r.verdict_reason} if r.verdict else None
        item["screening"] = [
            {
                "rater": a.rater,
                "team_id": a.team_id,
                "question": a.question,
                "answer": a.answer,
                "note": a.note,
                "updated_at": json_value(a.updated_at),
            }
            for a in answers
            if a.proposal_id == r.id
        ]
        found.append(item)
    return found
