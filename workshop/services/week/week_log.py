"""The week's log read whole: `log` is everything the log page shows (the days the log shows now, one day's
questions, the main points, one question's answers and their comments), read in one transaction. It declares
the tables it reads (LOG_TABLES), so the interface caches it once, until a write changes one of them, instead
of asking five cached reads (five data-version queries) on every run of every team's log.

Reactions and each person's own answers (person_answers) are not on the log: it shows the teams' answers, from
`responses`, so a write to them leaves the log cached."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from workshop.domain.answering import log_is_public
from workshop.domain.model import Day, MainPoint, Question, Workshop
from workshop.services.rows import ANSWERS, COMMENTS, DAYS, MAIN_POINTS, QUESTIONS
from workshop.store import read
from workshop.store.tables import comments, days, main_points, questions, responses, teams, workshops

# The workshop (its publish rule decides which days the log shows), the week's plan, the answers, the teams
# (their names on answers and comments) and the comments.
LOG_TABLES = ("workshops", "days", "questions", "main_points", "responses", "teams", "comments")


@dataclass(frozen=True)
class LogAnswer:
    """One team's answer as its card shows it."""

    response_id: int
    team: str
    rating: int | None
    choices: tuple[str, ...]
    text: str
    spaces: tuple[str, ...]  # the space keys it names


@dataclass(frozen=True)
class LogComment:
    """One comment under an answer: its team and text; `hidden` only ever True in a moderator's log."""

    id: int
    response_id: int
    team_id: int
    team: str
    text: str
    hidden: bool


@dataclass(frozen=True)
class WeekLog:
    """What the week's log shows: the readable days, one day's questions, and of one question its answers and
    their comments. The day and question are the ones asked for when the log shows them, else the ones it
    opens on: the newest readable day, and its first question."""

    publish_immediately: bool  # the workshop's rule: answers readable at once, or once their day is closed
    days: tuple[Day, ...]  # the days the log shows now, in order
    day_id: int | None  # the day whose questions follow (None when the log shows no day)
    questions: tuple[Question, ...]  # that day's, in order
    main_points: dict[int, MainPoint]  # by id: what the questions are asked about
    question_id: int | None  # the question whose answers follow (None when the day has none)
    answers: tuple[LogAnswer, ...]  # by team name
    comments: dict[int, tuple[LogComment, ...]]  # by answer id, oldest first; hidden ones only with_hidden


def _workshop(conn: Connection, workshop_id: int) -> Workshop | None:
    row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
    if row is None:
        return None
    return Workshop.model_validate({k: row._mapping[k] for k in Workshop.model_fields if k in row._mapping})


def _chosen(asked: int | None, ids: list[int | None], default: int | None) -> int | None:
    """The id asked for if the log shows it (never another workshop's, nor an unreadable day's), else `default`."""
    return asked if asked is not None and asked in ids else default


def _answers(conn: Connection, workshop_id: int, question_id: int) -> tuple[LogAnswer, ...]:
    rows = conn.execute(
        select(
            responses.c.id,
            teams.c.name,
            responses.c.rating,
            responses.c.choices,
            responses.c.text,
            responses.c.spaces,
        )
        .join(teams, teams.c.id == responses.c.team_id)
        .where(ANSWERS.of(workshop_id), responses.c.question_id == question_id)
        .order_by(teams.c.name)
    )
    return tuple(
        LogAnswer(int(r.id), str(r.name), r.rating, tuple(r.choices or ()), r.text or "", tuple(r.spaces or ()))
        for r in rows
    )


def _comments(
    conn: Connection, workshop_id: int, question_id: int, with_hidden: bool
) -> dict[int, tuple[LogComment, ...]]:
    query = (
        select(
            comments.c.id,
            comments.c.response_id,
            comments.c.team_id,
            teams.c.name,
            comments.c.text,
            comments.c.hidden,
        )
        .join(teams, teams.c.id == comments.c.team_id)
        .join(responses, responses.c.id == comments.c.response_id)
        .where(COMMENTS.of(workshop_id), responses.c.question_id == question_id)
        .order_by(comments.c.response_id, comments.c.created_at, comments.c.id)
    )
    if not with_hidden:  # a team's session never receives a hidden comment's text
        query = query.where(comments.c.hidden.is_(False))
    found: dict[int, list[LogComment]] = {}
    for r in conn.execute(query):
        comment = LogComment(int(r.id), int(r.response_id), int(r.team_id), str(r.name), r.text, bool(r.hidden))
        found.setdefault(comment.response_id, []).append(comment)
    return {answer: tuple(these) for answer, these in found.items()}


def log(
    engine: Engine,
    workshop_id: int,
    day_id: int | None = None,
    question_id: int | None = None,
    with_hidden: bool = False,
) -> WeekLog:
    """Everything the week's log shows, for the day and question asked for (see WeekLog); one day's
    questions and one question's answers, not the week's: at L a day has ~165 questions of 200 answers each.
    Hidden comments only `with_hidden` (the moderators)."""
    with read(engine) as conn:
        workshop = _workshop(conn, workshop_id)
        every_day = [
            Day.model_validate(dict(r._mapping))
            for r in conn.execute(DAYS.select(workshop_id).order_by(days.c.position))
        ]
        visible = [d for d in every_day if workshop is not None and log_is_public(d, workshop)]
        shown_day = _chosen(day_id, [d.id for d in visible], visible[-1].id if visible else None)
        asked = [
            Question.model_validate(dict(r._mapping))
            for r in conn.execute(
                QUESTIONS.select(workshop_id).where(questions.c.day_id == shown_day).order_by(questions.c.position)
            )
        ]
        shown = _chosen(question_id, [q.id for q in asked], asked[0].id if asked else None)
        points = [
            MainPoint.model_validate(dict(r._mapping))
            for r in conn.execute(MAIN_POINTS.select(workshop_id).order_by(main_points.c.position))
        ]
        answers = _answers(conn, workshop_id, shown) if shown is not None else ()
        remarks = _comments(conn, workshop_id, shown, with_hidden) if answers and shown is not None else {}
    return WeekLog(
        workshop is not None and workshop.publish_log_immediately,
        tuple(visible),
        shown_day,
        tuple(asked),
        {p.id: p for p in points if p.id is not None},
        shown,
        answers,
        remarks,
    )
