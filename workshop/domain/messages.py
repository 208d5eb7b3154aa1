"""A message a user may read, by its key in the locale files and the values that fill it: the domain says
what went wrong, the edge (a page, the command line) says it in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic_core import PydanticCustomError


@dataclass(frozen=True)
class Message:
    """A locale key and its parameters; a parameter may itself be a Message (a problem inside a sentence)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


def message(key: str, **params: object) -> Message:
    """Message(key, params) written as a call: message("problem.too_long", length=6000, limit=5000)."""
    return Message(key, params)


def invalid(key: str, **values: object) -> PydanticCustomError:
    """A model validator's error by its message key (its type), for validated() to turn into a Message."""
    return PydanticCustomError(key, key, values)
