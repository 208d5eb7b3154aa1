"""One way bad input becomes a domain error: a pydantic model built from fields, or InvalidInput naming them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from workshop.domain.errors import InvalidInput

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
