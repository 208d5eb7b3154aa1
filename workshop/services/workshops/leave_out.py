"""A workshop's own words that key terms and theme suggestions leave out (names the capital-letter rule
misses: a name written in lower case, a name at a sentence's start only, a word the room finds empty)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from workshop.domain.errors import NotFound
from workshop.domain.keyterms import leave_out_words
from workshop.services.rows import changed
from workshop.store import read, write
from workshop.store.tables import workshops


def leave_out(engine: Engine, workshop_id: int) -> tuple[str, ...]:
    """The workshop's words to leave out, lower-cased, in the order they were written."""
    with read(engine) as conn:
        stored = conn.execute(select(workshops.c.leave_out).where(workshops.c.id == workshop_id)).scalar()
    if stored is None:
        raise NotFound("error.missing.workshop", id=workshop_id)
    return stored_words(stored)


def stored_words(stored: str) -> tuple[str, ...]:
    """The words to leave out as a workshop's row keeps them (one a line)."""
    return tuple(w for w in stored.split("\n") if w)


def set_leave_out(engine: Engine, workshop_id: int, text: str) -> tuple[str, ...]:
    """Store the words typed (one a line, or separated by `,` or `;`); returns them as stored. Raises
    InvalidInput past the limits (keyterms.leave_out_words), changing nothing."""
    words = leave_out_words(text)
    with write(engine) as conn:
        update = workshops.update().where(workshops.c.id == workshop_id).values(leave_out="\n".join(words))
        changed(conn, update)
    return words
