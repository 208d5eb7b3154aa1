"""Domain errors: each names what went wrong in the user's terms; pages turn them into messages."""

from __future__ import annotations


class WorkshopError(Exception):
    """Base of every error a user may see; `key` picks the translated message, `params` fill it."""

    key = "error.generic"

    def __init__(self, message: str = "", **params: object) -> None:
        super().__init__(message or self.key)
        self.params = params


class ConfigError(WorkshopError):
    """A data file (spaces, template, locale) is broken: names the file, the key and the line."""

    key = "error.config"

    def __init__(self, file: str, key: str, line: int | None, problem: str) -> None:
        where = f"line {line}" if line else "unknown line"
        super().__init__(f"{file}: {key or '(top level)'} ({where}): {problem}")
        self.file, self.field, self.line, self.problem = file, key, line, problem


class NotFound(WorkshopError):
    key = "error.not_found"


class AccessDenied(WorkshopError):
    key = "error.access_denied"


class TooManyAttempts(WorkshopError):
    key = "error.too_many_attempts"

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(f"wait {wait_seconds} s", seconds=wait_seconds)
        self.wait_seconds = wait_seconds


class DayClosed(WorkshopError):
    key = "error.day_closed"


class InvalidInput(WorkshopError):
    """Bad user input; the message names the field (and row, where there is one)."""

    key = "error.invalid_input"


class DatabaseNotEmpty(WorkshopError):
    key = "error.database_not_empty"
