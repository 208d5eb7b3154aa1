"""The morning meeting: the read-only projector link, the teams that have not answered, a closed day's
recap and the answers the facilitator quotes in it."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import segno
from sqlalchemy import Engine, select

from workshop.config.stopwords import reading
from workshop.domain.consolidation import short
from workshop.domain.errors import NotFound
from workshop.domain.keyterms import term_languages
from workshop.domain.live import LiveAnswer, LiveResult
from workshop.domain.live import live_results as _live_results
from workshop.domain.model import LANGUAGES, Day, DayStatus
from workshop.domain.plain_text import neutral
from workshop.domain.recap import AnswerRow, DayRecap, check_quotes, day_recap
from workshop.services.rows import ANSWERS, DAYS, PROJECTOR_LINKS, QUOTES, TEAMS
from workshop.services.week.days import answered_by_teams, list_days, list_questions
from workshop.services.workshops.leave_out import stored_words
from workshop.services.workshops.lifecycle import get_workshop
from workshop.store import read, write
from workshop.store.tables import projector_links, questions, recap_quotes, responses, teams


def _token_hash(token: str) -> str:
    """A long random token needs no slow hash: sha256 of it cannot be turned back or guessed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_projector_link(engine: Engine, workshop_id: int) -> str:
    """A fresh projector token for the workshop (the one before stops working); only its hash is kept."""
    token = secrets.token_urlsafe(32)
    with write(engine) as conn:
        conn.execute(projector_links.delete().where(PROJECTOR_LINKS.of(workshop_id)))
        conn.execute(
            projector_links.insert().values(
                workshop_id=workshop_id, token_hash=_token_hash(token), created_at=dt.datetime.now(dt.UTC)
            )
        )
    return token


def revoke_projector_link(engine: Engine, workshop_id: int) -> None:
    with write(engine) as conn:
        conn.execute(projector_links.delete().where(PROJECTOR_LINKS.of(workshop_id)))


def projector_link_made(engine: Engine, workshop_id: int) -> dt.datetime | None:
    """When the workshop's projector link was made, or None when it has none."""
    with read(engine) as conn:
        return conn.execute(select(projector_links.c.created_at).where(PROJECTOR_LINKS.of(workshop_id))).scalar()


def projector_workshop(engine: Engine, token: str) -> int | None:
    """The workshop a projector token opens, or None for a wrong or revoked one."""
    if not token or len(token) > 200:
        return None
    with read(engine) as conn:
        found = conn.execute(
            select(projector_links.c.workshop_id).where(projector_links.c.token_hash == _token_hash(token))
        ).scalar()
    return int(found) if found is not None else None


def app_link(app_url: str, query: dict[str, object]) -> str:
    """The app's address with a query (?projector=... or ?w=...)."""
    parts = urlsplit(app_url.strip() or "http://localhost:8501")
    base = f"{parts.scheme or 'http'}://{parts.netloc}{parts.path.rstrip('/')}" if parts.netloc else app_url
    return f"{base}/?{urlencode(query)}"


@functools.lru_cache(maxsize=16)
def qr_png(link: str) -> bytes:
    """A PNG QR code of a link, made offline; large enough to scan from the back of the room. Kept per link:
    the morning view redraws it every few seconds, and making it costs more than the rest of the board."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def missing_teams(engine: Engine, workshop_id: int, day_id: int) -> list[str]:
    """The teams that have not answered any of the day's questions yet (nor any of their people), by name."""
    given = answered_by_teams(workshop_id)
    answered = (
        select(given.c.team_id)
        .join(questions, questions.c.id == given.c.question_id)
        .where(questions.c.day_id == day_id)
    )
    with read(engine) as conn:
        rows = conn.execute(
            select(teams.c.name).where(TEAMS.of(workshop_id), teams.c.id.not_in(answered)).order_by(teams.c.name)
        )
        return [str(name) for (name,) in rows]


def recap_day(engine: Engine, workshop_id: int) -> Day | None:
    """The day the morning recaps: the latest closed day (by position), if any."""
    closed = [d for d in list_days(engine, workshop_id) if d.status == DayStatus.CLOSED]
    return closed[-1] if closed else None


def day_answers(engine: Engine, workshop_id: int, day_id: int) -> list[AnswerRow]:
    query = (
        select(
            responses.c.id,
            responses.c.question_id,
            teams.c.name,
            responses.c.text,
            responses.c.rating,
            responses.c.choices,
        )
        .join(teams, teams.c.id == responses.c.team_id)
        .join(questions, questions.c.id == responses.c.question_id)
        .where(ANSWERS.of(workshop_id), questions.c.day_id == day_id)
        .order_by(questions.c.position, teams.c.name)
    )
    with read(engine) as conn:
        return [
            AnswerRow(int(i), int(q), str(team), str(text or ""), rating, tuple(choices or ()))
            for i, q, team, text, rating, choices in conn.execute(query)
        ]


def live_results(engine: Engine, workshop_id: int, day_id: int) -> list[LiveResult]:
    """The wall's read model of an open day: per question, the teams' choices and ratings counted, or the key
    terms of their written answers, in the workshop's language. Counts only: no team's name is read."""
    query = (
        select(responses.c.question_id, responses.c.text, responses.c.rating, responses.c.choices)
        .join(questions, questions.c.id == responses.c.question_id)
        .where(ANSWERS.of(workshop_id), questions.c.day_id == day_id)
    )
    with read(engine) as conn:
        answers = [
            LiveAnswer(int(q), str(text or ""), rating, tuple(choices or ()))
            for q, text, rating, choices in conn.execute(query)
        ]
    current = get_workshop(engine, workshop_id)
    words = stored_words(current.leave_out)  # the facilitator's own words to leave out
    terms_read = reading([lang for lang in term_languages(current.language) if lang in LANGUAGES])
    return _live_results(list_questions(engine, workshop_id, day_id), answers, terms_read, words)


def recap(engine: Engine, workshop_id: int, day_id: int) -> DayRecap:
    return day_recap(list_questions(engine, workshop_id, day_id), day_answers(engine, workshop_id, day_id))


@dataclass(frozen=True)
class Quote:
    response_id: int
    team: str
    question: str
    text: str


def quotable(engine: Engine, workshop_id: int, day_id: int) -> list[Quote]:
    """The day's answers with words in them, which the facilitator may quote."""
    texts = {q.id: q.text for q in list_questions(engine, workshop_id, day_id)}
    query = (  # the answers with text only, and no ratings or choices to decode (L: 33,000 answers a day)
        select(responses.c.id, responses.c.question_id, teams.c.name, responses.c.text)
        .join(teams, teams.c.id == responses.c.team_id)
        .join(questions, questions.c.id == responses.c.question_id)
        .where(ANSWERS.of(workshop_id), questions.c.day_id == day_id, responses.c.text != "")
        .order_by(questions.c.position, teams.c.name)
    )
    with read(engine) as conn:
        rows = conn.execute(query).all()
    return [
        Quote(int(i), str(team), texts.get(int(q), ""), str(text))
        for i, q, team, text in rows
        if text is not None and str(text).strip()
    ]


def quoted_ids(engine: Engine, workshop_id: int, day_id: int) -> list[int]:
    with read(engine) as conn:
        rows = conn.execute(
            select(recap_quotes.c.response_id)
            .where(QUOTES.of(workshop_id), recap_quotes.c.day_id == day_id)
            .order_by(recap_quotes.c.response_id)
        )
        return [int(r) for (r,) in rows]


def quotes(engine: Engine, workshop_id: int, day_id: int) -> list[Quote]:
    """The answers the facilitator picked to quote in the day's recap, in the day's order. Only the picked
    answers are read (at most three), not the whole day: the morning view asks on every refresh."""
    query = (
        select(responses.c.id, teams.c.name, questions.c.text, responses.c.text)
        .select_from(recap_quotes)
        .join(responses, responses.c.id == recap_quotes.c.response_id)
        .join(teams, teams.c.id == responses.c.team_id)
        .join(questions, questions.c.id == responses.c.question_id)
        .where(QUOTES.of(workshop_id), recap_quotes.c.day_id == day_id)
        .where(ANSWERS.of(workshop_id), questions.c.day_id == day_id)
        .order_by(questions.c.position, teams.c.name)
    )
    with read(engine) as conn:
        rows = conn.execute(query).all()
    return [
        Quote(int(i), str(team), str(asked or ""), str(text or ""))
        for i, team, asked, text in rows
        if (text or "").strip()
    ]


def quote_choices(engine: Engine, workshop_id: int, day_id: int) -> dict[int, str]:
    """The quotable answers as the facilitator picks among them: response id -> "team: the answer's start"
    (plain text), made once per data version rather than per option on every run."""
    return {q.response_id: neutral(f"{q.team}: {short(q.text)}") for q in quotable(engine, workshop_id, day_id)}


def set_quotes(engine: Engine, workshop_id: int, day_id: int, response_ids: list[int]) -> None:
    """Pick (at most three of) the day's answers to quote; replaces the earlier pick."""
    chosen = check_quotes(response_ids)
    with write(engine) as conn:
        DAYS.check(conn, workshop_id, day_id)
        if chosen:
            of_day = conn.execute(
                select(responses.c.id)
                .join(questions, questions.c.id == responses.c.question_id)
                .where(responses.c.id.in_(chosen), questions.c.day_id == day_id)
            )
            stray = set(chosen) - {int(r) for (r,) in of_day}
            if stray:
                raise NotFound("error.not_of_this_day", id=min(stray))
        conn.execute(recap_quotes.delete().where(recap_quotes.c.day_id == day_id))
        for rid in chosen:
            conn.execute(recap_quotes.insert().values(workshop_id=workshop_id, day_id=day_id, response_id=rid))
