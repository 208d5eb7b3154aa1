"""Domain errors: each names what went wrong in the user's terms; pages turn them into messages."""

from __future__ import annotations

from typing import ClassVar


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
        super().__init__(f"wait {wait_seconds} s", n=wait_seconds)
        self.wait_seconds = wait_seconds


class DayClosed(WorkshopError):
    key = "error.day_closed"


class MappingClosed(WorkshopError):
    """The mapping phase is not open: teams cannot change their mapping now."""

    key = "error.mapping_closed"


class InvalidInput(WorkshopError):
    """Bad user input; the message names the field (and row, where there is one)."""

    key = "error.invalid_input"


class DatabaseNotEmpty(WorkshopError):
    key = "error.database_not_empty"


class UnreadableFile(WorkshopError):
    """A file that is not a spreadsheet we can read (empty, binary, unknown format); names the file."""

    key = "error.unreadable_file"


class FileNotRead(UnreadableFile):
    """The spreadsheet reader's worker process did not come back with a table: it ran out of memory or
    time, it stopped, it gave back something else, or no worker was free. Nothing was read."""

    REASONS: ClassVar[dict[str, str]] = {
        "memory": "reading it needs more memory than the reader may take ({limit})",
        "time": "reading it took longer than {n} seconds",
        "stopped": "{detail}",
        "garbled": "the reader gave back no table",
        "busy": "the server is reading other files; try again in a minute",
    }

    def __init__(self, filename: str, reason: str, **params: object) -> None:
        super().__init__(f"{filename}: this file could not be read: {self.REASONS[reason].format(**params)}", **params)
        self.key, self.reason = f"error.not_read.{reason}", reason


class ImportRejected(WorkshopError):
    """A spreadsheet with bad rows: nothing was imported; `problems` lists every (row, column, problem)."""

    key = "error.import_rejected"

    def __init__(self, problems: list[tuple[int, str, str]], total: int | None = None) -> None:
        count = total if total is not None else len(problems)
        super().__init__(f"{count} problem(s); nothing was imported", n=count)
        self.problems, self.count = problems, count

    def report(self) -> str:
        """One line per problem, as the CLI prints it and a person reads it."""
        lines = [f"row {row}, {column}: {problem}" for row, column, problem in self.problems]
        if self.count > len(self.problems):
            lines.append(f"... and {self.count - len(self.problems)} more")
        return "\n".join(lines)


class ReactionsClosed(WorkshopError):
    """A team reacts to a theme that leadership has not published or no longer keeps open for reactions."""

    key = "error.reactions_closed"


class TooManyDots(WorkshopError):
    """A team tries to spend more dots than the vote gives it (a second tab or a retry included)."""

    key = "error.too_many_dots"


class CommentsClosed(WorkshopError):
    """A team comments on an answer the week's log does not show yet (its day is not closed)."""

    key = "error.comments_closed"


class ScreeningClosed(WorkshopError):
    """A team screens a proposal the facilitator has closed for screening."""

    key = "error.screening_closed"
