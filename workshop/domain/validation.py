"""One way bad input becomes a domain error: a pydantic model built from fields, or InvalidInput naming them;
and the input rules that span fields or reach beyond one model (used by the services and by restore alike)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workshop.domain.errors import InvalidInput
from workshop.domain.messages import Message, message
from workshop.domain.model import LANGUAGES, QuestionKind
from workshop.domain.text_fields import MAX_NAME, MAX_SHORT_TEXT, MAX_TARGET_GROUP, check_text, text_problem

M = TypeVar("M", bound=BaseModel)


# pydantic's own error types a user can reach, as message keys; any other built-in type says the field
# is not accepted. A model's own validators raise errors whose type is a key already (messages.invalid).
BUILT_IN: dict[str, str] = {
    "string_too_long": "problem.field_too_long",
    "too_long": "problem.field_too_many",
    "string_too_short": "problem.field_empty",
    "too_short": "problem.field_empty",
    "missing": "problem.field_missing",
    "int_parsing": "problem.field_not_number",
    "int_type": "problem.field_not_number",
    "int_from_float": "problem.field_not_whole",
    "float_parsing": "problem.field_not_number",
    "float_type": "problem.field_not_number",
    "greater_than_equal": "problem.field_at_least",
    "greater_than": "problem.field_at_least",
    "less_than_equal": "problem.field_at_most",
    "less_than": "problem.field_at_most",
    "enum": "problem.field_choose",
    "literal_error": "problem.field_choose",
    "date_parsing": "problem.field_not_date",
    "date_from_datetime_parsing": "problem.field_not_date",
    "date_type": "problem.field_not_date",
}
OWN_KEYS = ("problem.", "error.")


def field_of(error: ErrorDetails, model: type[BaseModel]) -> str:
    """The field an error names: the first part of its place (a list item or a dict entry is its field)."""
    parts = [p for p in error["loc"] if isinstance(p, str) and not p.startswith("function-")]
    return parts[0] if parts else model.__name__.lower()


def problem_of(error: ErrorDetails, field: str) -> Message:
    """A pydantic error as a Message: its own key, or the key of a built-in type, or the general one."""
    if error["type"].startswith(OWN_KEYS):
        return message("problem.in_field", field=field, problem=Message(error["type"], dict(error.get("ctx") or {})))
    ctx = error.get("ctx") or {}
    limit = next((ctx[k] for k in ("max_length", "min_length", "ge", "le", "gt", "lt") if k in ctx), "")
    return message(BUILT_IN.get(error["type"], "problem.field_invalid"), field=field, limit=limit)


def validated(model: type[M], data: Mapping[str, Any], what: Message | None = None, **params: object) -> M:
    """`model` built from `data`, or InvalidInput naming every bad field (the first one in `params["field"]`);
    `what` (e.g. the offer 'Film club') starts the message, `params` go with the error."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        fields = [field_of(e, model) for e in errors]
        problems = [problem_of(e, f) for e, f in zip(errors, fields, strict=True)]
        raise InvalidInput(
            "error.about" if what else "error.problems",
            **{"field": fields[0], "subject": what or "", "problems": problems, **params},
        ) from None


def check_language(language: str) -> str:
    """The content language, or InvalidInput when it is not one the app speaks."""
    if language not in LANGUAGES:
        raise InvalidInput("error.unknown_language", field="language", language=language, known=list(LANGUAGES))
    return language


def check_name(value: str, of: Literal["team", "workshop"]) -> str:
    """A team's or a workshop's name stripped, or InvalidInput: blank, too long, a control character."""
    name = value.strip()
    if not name:
        raise InvalidInput("error.team_name" if of == "team" else "error.workshop_name", field="name")
    return check_text(name, "name", MAX_NAME)


def check_dates(start: dt.date | None, end: dt.date | None) -> None:
    """A workshop's week does not end before it starts."""
    if start and end and end < start:
        raise InvalidInput("error.end_before_start", field="end_date", start=start.isoformat(), end=end.isoformat())


def clean_target_groups(names: Iterable[str]) -> list[str]:
    """A workshop's own target groups: blank lines and repeats (any case) dropped; at least one, each at
    most MAX_TARGET_GROUP characters without control characters (InvalidInput otherwise)."""
    clean = list({n.strip().casefold(): n.strip() for n in names if n.strip()}.values())
    if not clean:
        raise InvalidInput("error.no_target_groups", field="target_groups")
    for name in clean:
        if problem := text_problem(name, MAX_TARGET_GROUP):
            raise InvalidInput("error.target_group_problem", field="target_groups", name=name[:40], problem=problem)
    return clean


def clean_options(kind: QuestionKind, options: Iterable[str]) -> list[str]:
    """A question's options as stored: none unless it is a choice question, which needs at least two
    different ones (blank ones and repeats dropped), each a Label."""
    if kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return []
    cleaned = list(dict.fromkeys(o.strip() for o in options if o.strip()))
    if len(cleaned) < 2:
        raise InvalidInput("error.two_options", field="options")
    if too_long := [o for o in cleaned if len(o) > MAX_SHORT_TEXT]:
        raise InvalidInput("error.option_too_long", field="options", option=too_long[0][:40], limit=MAX_SHORT_TEXT)
    return cleaned


def check_question_space(kind: QuestionKind, space: str | None) -> None:
    """A 'how strong are we' question names the space it asks about."""
    if kind == QuestionKind.SPACE_STRENGTH and not space:
        raise InvalidInput("error.strength_question_space", field="space")


def first_duplicate(names: Iterable[str]) -> str:
    """The first name that repeats an earlier one, case ignored ("" when none does): a workshop's offers,
    and its partners, each have names of their own."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            return name
        seen.add(name.casefold())
    return ""


def check_offer_names(names: Iterable[str]) -> None:
    """A workshop's offers each have a name of their own, case ignored: InvalidInput naming the first name that
    repeats an earlier one."""
    dup = first_duplicate(names)
    if dup:
        raise InvalidInput("error.offer_name_taken", field="name", offer=dup)
