"""The command line's one error edge: whatever goes wrong ends as one line on stderr, never a traceback.

Bad input (a domain error, an argument argparse refuses, a file that cannot be read or written, a database
URL that does not open) exits 2; a fault of our own exits 1 with its one line (WORKSHOP_DEBUG=1 shows the
traceback too). The checks that matter come before anything is written, so a refused command changes
nothing."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from workshop.domain.errors import InvalidInput, WorkshopError
from workshop.store.engine import URL_VARIABLE, default_url

# SQLite's and PostgreSQL's integer keys are 64-bit: a larger id can name no row, and the drivers refuse it
# with an OverflowError deep in a query. Every whole-number argument of the command line is such an id.
MAX_ID = 2**63 - 1
BAD_INPUT, FAULT = 2, 1


class Parser(argparse.ArgumentParser):
    """argparse, but a refused argument is one line (not the usage block) and every whole number an id."""

    def error(self, message: str) -> NoReturn:
        self.exit(BAD_INPUT, f"error: {self.prog}: {message} (see --help)\n")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:  # argparse's own arguments
        if kwargs.get("type") is int:
            kwargs["type"] = record_id
        return super().add_argument(*args, **kwargs)


def record_id(text: str) -> int:
    """A workshop's (or another row's) id: a whole number from 1 to 2**63 - 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not an id (a whole number from 1 to {MAX_ID})")
    return value


def one_line(exc: BaseException) -> tuple[str, int]:
    """The line to print for an error and the exit code."""
    if isinstance(exc, WorkshopError):
        return f"error: {exc}", BAD_INPUT
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"error: {exc.filename}: {exc.strerror or exc}", BAD_INPUT
    if isinstance(exc, SQLAlchemyError):
        return f"error: the database {_where()} cannot be used: {_reason(exc)}", BAD_INPUT
    if os.environ.get("WORKSHOP_DEBUG") == "1":
        traceback.print_exception(exc, file=sys.stderr)
    return f"error: unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", FAULT


def store_error(exc: Exception) -> InvalidInput:
    """A database URL that names no database we can open (WORKSHOP_DATABASE_URL), as bad input."""
    if isinstance(exc, ArgumentError):
        problem = f"{URL_VARIABLE} is not a database URL (e.g. postgresql://user:password@host/name or sqlite:///path)"
    elif isinstance(exc, (NoSuchModuleError, ImportError)):
        problem = f"{URL_VARIABLE} names a kind of database this app has no driver for ({_where()})"
    else:
        problem = f"the database {_where()} cannot be used: {_reason(exc)}"
    return InvalidInput(problem, field=URL_VARIABLE)


def _where() -> str:
    try:
        url = make_url(os.environ.get(URL_VARIABLE, "").strip() or default_url())
    except (ArgumentError, ValueError, OSError):
        return f"in {URL_VARIABLE}"
    return url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    text = next((line.strip() for line in str(cause).splitlines() if line.strip()), type(cause).__name__)
    if "unable to open database file" in text:
        database = make_url(_where()).database if _where().startswith("sqlite") else None
        if database and not Path(database).parent.is_dir():
            return f"the folder {Path(database).parent} does not exist"
    return text
