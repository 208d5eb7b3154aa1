"""One way bad input becomes a domain error: a pydantic model built from fields, or InvalidInput naming them;
and the input rules that span fields or reach beyond one model (used by the services and by restore alike)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from workshop.domain.errors import InvalidInput
from workshop.domain.model import LANGUAGES, MAX_SHORT_TEXT, MAX_TARGET_GROUP, QuestionKind, text_problem

M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Mapping[str, Any], what: str = "", **params: object) -> M:
    """`model` built from `data`, or InvalidInput naming every bad field (the first one in `params["field"]`);
    `what` (e.g. "offer 'Film club'") starts the message, `params` go with the error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [(".".join(map(str, e["loc"])) or model.__name__.lower(), e["msg"]) for e in exc.errors()]
        text = "; ".join(f"{field}: {message}" for field, message in problems)
        raise InvalidInput(f"{what} — {text}" if what else text, **{"field": problems[0][0], **params}) from None


def check_language(language: str) -> str:
    """The content language, or InvalidInput when it is not one the app speaks."""
    if language not in LANGUAGES:
        raise InvalidInput(f"the language must be one of {', '.join(LANGUAGES)}, not {language!r}", field="language")
    return language


def check_dates(start: dt.date | None, end: dt.date | None) -> None:
    """A workshop's week does not end before it starts."""
    if start and end and end < start:
        raise InvalidInput(
            f"the end date {end.isoformat()} is before the start date {start.isoformat()}", field="end_date"
        )


def clean_target_groups(names: Iterable[str]) -> list[str]:
    """A workshop's own target groups: blank lines and repeats (any case) dropped; at least one, each at
    most MAX_TARGET_GROUP characters without control characters (InvalidInput otherwise)."""
    clean = list({n.strip().casefold(): n.strip() for n in names if n.strip()}.values())
    if not clean:
        raise InvalidInput("the list of target groups is empty", field="target_groups")
    for name in clean:
        if problem := text_problem(name, MAX_TARGET_GROUP):
            raise InvalidInput(f"target group {name[:40]!r}… {problem}", field="target_groups")
    return clean


def clean_options(kind: QuestionKind, options: Iterable[str]) -> list[str]:
    """A question's options as stored: none unless it is a choice question, which needs at least two
    different ones (blank ones and repeats dropped), each a Label."""
    if kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return []
    cleaned = list(dict.fromkeys(o.strip() for o in options if o.strip()))
    if len(cleaned) < 2:
        raise InvalidInput("a choice question needs at least two different options", field="options")
    if too_long := [o for o in cleaned if len(o) > MAX_SHORT_TEXT]:
        raise InvalidInput(
            f"the option {too_long[0][:40]!r}… is longer than {MAX_SHORT_TEXT} characters", field="options"
        )
    return cleaned


def check_question_space(kind: QuestionKind, space: str | None) -> None:
    """A 'how strong are we' question names the space it asks about."""
    if kind == QuestionKind.SPACE_STRENGTH and not space:
        raise InvalidInput("a 'how strong are we' question needs its space", field="space")


def first_duplicate(names: Iterable[str]) -> str:
    """The first name that repeats an earlier one, case ignored ("" when none does): a workshop's offers,
    and its partners, each have names of their own."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            return name
        seen.add(name.casefold())
    return ""
