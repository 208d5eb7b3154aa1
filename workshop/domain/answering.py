"""What a team may answer, and when: pure rules of the week's answers (the services read and write them).

An answer is checked against its question's kind and options: a text answer needs text, a rating one a
rating 1-5, a choice one known options (one only for a single choice); spaces are the four spaces' keys.
A team answers, and keeps drafts, only while the question's day is open; teams read (and comment on) each
other's answers once the day is closed, or while it is open if the workshop publishes its log at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.domain.errors import CommentsClosed, DayClosed, InvalidInput
from workshop.domain.model import MAX_LONG_TEXT, SPACE_KEYS, Day, DayStatus, NewQuestion, QuestionKind, Workshop

MAX_TEXT = MAX_LONG_TEXT  # an answer's text, sent or a draft
RATED = (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
CHOSEN = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


@dataclass
class Answer:
    """What a team sends for one question."""

    question_id: int
    text: str = ""
    rating: int | None = None
    choices: list[str] = field(default_factory=list)
    spaces: list[str] = field(default_factory=list)


def check_text_length(text: str) -> str:
    """An answer's or a draft's text, refused when longer than MAX_TEXT."""
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", field="text", limit=MAX_TEXT)
    return text


def check_answer(kind: QuestionKind, options: list[str], answer: Answer) -> Answer:
    """The answer cleaned, or InvalidInput naming the field that is wrong."""
    text = check_text_length(answer.text).strip()
    spaces = list(dict.fromkeys(answer.spaces))
    if bad := [s for s in spaces if s not in SPACE_KEYS]:
        raise InvalidInput("error.unknown_space", field="spaces", space=bad[0])
    choices = list(dict.fromkeys(answer.choices))
    if kind == QuestionKind.TEXT and not text:
        raise InvalidInput("error.answer_empty", field="text")
    if kind in RATED and (answer.rating is None or not 1 <= answer.rating <= 5):
        raise InvalidInput("error.choose_rating", field="rating")
    if kind in CHOSEN:
        if not choices:
            raise InvalidInput("error.choose_an_option", field="choices")
        if bad := [c for c in choices if c not in options]:
            raise InvalidInput("error.not_an_option", field="choices", option=bad[0])
        if kind == QuestionKind.SINGLE and len(choices) != 1:
            raise InvalidInput("error.choose_one_option", field="choices")
    rating = answer.rating if kind in RATED else None
    keep = choices if kind in CHOSEN else []
    return Answer(answer.question_id, text, rating, keep, spaces)


def fitting_choices(question: NewQuestion, held: object) -> str | list[str] | None:
    """What of a saved pick still fits the question now (the facilitator may have changed its options or kind
    since): one option or None for a single choice, the options still offered otherwise."""
    if question.kind == QuestionKind.SINGLE:
        return held if isinstance(held, str) and held in question.options else None
    return [c for c in held if c in question.options] if isinstance(held, list) else []


def require_day_open(status: DayStatus | str) -> None:
    """A team answers, or keeps a draft, only while the day is open: DayClosed otherwise."""
    if DayStatus(status) != DayStatus.OPEN:
        raise DayClosed("error.day_closed")


def log_is_public(day: Day, workshop: Workshop) -> bool:
    """Teams read each other's answers to a day once it is closed, or at once if the workshop says so."""
    if day.status == DayStatus.CLOSED:
        return True
    return workshop.publish_log_immediately and day.status == DayStatus.OPEN


def require_log_public(day: Day, workshop: Workshop) -> None:
    """Teams comment only on answers the log shows them: CommentsClosed (naming the day) otherwise."""
    if not log_is_public(day, workshop):
        raise CommentsClosed("error.comments_closed", day=day.position)
