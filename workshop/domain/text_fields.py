"""The rules every text field follows: its length limit, no characters no one types (they break XML files such
as the Excel export), and the annotated types the models use for names, short and long texts."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from workshop.domain.errors import InvalidInput
from workshop.domain.messages import Message, invalid, message

MAX_NAME, MAX_SHORT_TEXT, MAX_LONG_TEXT = 200, 200, 5000
MAX_TARGET_GROUP = 100  # one name in a workshop's own list of target groups
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(value: str, limit: int) -> Message | None:
    """What is wrong with a text field, or None: too long, or characters no one types (they break XML files
    such as the Excel export)."""
    if len(value) > limit:
        return message("problem.too_long", length=len(value), limit=limit)
    if _CONTROL.search(value):
        return message("problem.control_character")
    return None


def check_text(value: str, field: str, limit: int) -> str:
    """The text, or InvalidInput naming the field when it is too long or holds a control character."""
    problem = text_problem(value, limit)
    if problem:
        raise InvalidInput("error.field_problem", field=field, problem=problem)
    return value


def no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise invalid("problem.control_character")
    return value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME), AfterValidator(no_control)
]
LongText = Annotated[str, StringConstraints(max_length=MAX_LONG_TEXT), AfterValidator(no_control)]
ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT_TEXT), AfterValidator(no_control)]
Label = ShortText  # one item of a list: a tag, a partner, a target group, an option
