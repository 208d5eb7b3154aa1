"""Domain errors: each names what went wrong by a message key and its values, never by an English sentence;
the one error edge of the interface (ui/widgets.py) and the command line say it in their reader's language
(workshop/config/messages.py)."""

from __future__ import annotations

from typing import ClassVar

from workshop.domain.messages import Message


class WorkshopError(Exception):
    """Base of every error a user may see. `key` is the class's general message; `message` the locale key
    of what exactly went wrong (the general one when not given), `params` fill it (a value may be a Message).
    str() of an error is its English text: for logs, the command line and tests."""

    key = "error.generic"

    def __init__(self, message: str = "", /, **params: object) -> None:
        super().__init__(message or self.key)
        self.message = message or self.key
        self.params = params

    @property
    def text(self) -> Message:
        """What went wrong, as a Message to translate."""
        return Message(self.message, self.params)

    def __str__(self) -> str:
        from workshop.config.messages import english  # the locale files are config; imported when read

        return english(self)


class ConfigError(WorkshopError):
    """A data file (spaces, template, locale) is broken: names the file, the key and the line."""

    key = "error.config"

    def __init__(self, file: str, key: str, line: int | None, problem: str) -> None:
        where = f"line {line}" if line else "unknown line"
        super().__init__()
        self.file, self.field, self.line, self.problem = file, key, line, problem
        self.detail = f"{file}: {key or '(top level)'} ({where}): {problem}"

    def __str__(self) -> str:
        # Not translated: a broken data file may be a locale file; it is read by whoever runs the server.
        return self.detail


class NotFound(WorkshopError):
    key = "error.not_found"


class AccessDenied(WorkshopError):
    key = "error.access_denied"


class TooManyAttempts(WorkshopError):
    key = "error.too_many_attempts"

    def __init__(self, wait_seconds: int) -> None:
        super().__init__("error.too_many_attempts", n=wait_seconds)
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
        "stopped": "the reader stopped ({how})",
        "garbled": "the reader gave back no table",
        "busy": "the server is reading other files; try again in a minute",
    }

    def __init__(self, message: str, /, *, file: str, **params: object) -> None:
        """`message` is one of the `error.not_read.<reason>` keys (a reason of REASONS)."""
        super().__init__(message, file=file, **params)
        self.key = message  # the reason's own message, not only "unreadable"
        self.reason = message.rsplit(".", 1)[-1]


class ImportRejected(WorkshopError):
    """A spreadsheet with bad rows: nothing was imported; `problems` lists every (row, column, problem)."""

    key = "error.import_rejected"

    def __init__(self, problems: list[tuple[int, str, Message]], total: int | None = None) -> None:
        count = total if total is not None else len(problems)
        super().__init__("error.import_rejected", n=count)
        self.problems, self.count = problems, count

    def lines(self) -> list[Message]:
        """One message per problem (row, column, what is wrong), and how many more when the list is cut."""
        found = [Message("import.problem_line", {"row": r, "column": c, "problem": p}) for r, c, p in self.problems]
        if self.count > len(self.problems):
            found.append(Message("import.more_problems", {"n": self.count - len(self.problems)}))
        return found


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
