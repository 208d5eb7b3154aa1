"""Themes: leadership groups answers (an answer may sit in several), decides, and keeps the link back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, func, select

from workshop.domain.history import Change, Kind, differences
from workshop.domain.loop import check_answers_known, check_theme_title
from workshop.domain.model import MAX_LONG_TEXT, Theme, ThemeStatus
from workshop.domain.text_fields import check_text
from workshop.services.history import record
from workshop.services.rows import ANSWERS, THEMES
from workshop.store import read, write
from workshop.store.tables import responses, theme_responses, themes


def _own_theme(conn: Connection, workshop_id: int, theme_id: int) -> dict[str, object]:
    """The theme as stored, with how many answers it holds (NotFound if the workshop has no such theme)."""
    found = THEMES.get(conn, workshop_id, theme_id)
    held = conn.execute(select(func.count()).where(theme_responses.c.theme_id == theme_id)).scalar()
    return dict(found._mapping) | {"answers": int(held or 0)}


def _own_answers(conn: Connection, workshop_id: int, response_ids: Iterable[int]) -> list[int]:
    wanted = sorted({int(r) for r in response_ids})
    if not wanted:
        return []
    found = conn.execute(select(responses.c.id).where(responses.c.id.in_(wanted), ANSWERS.of(workshop_id)))
    check_answers_known(wanted, (r.id for r in found))
    return wanted


def create_theme(
    engine: Engine, workshop_id: int, title: str, response_ids: Iterable[int] = (), decision: str = ""
) -> int:
    """A new open theme holding the given answers; returns its id."""
    clean = check_theme_title(title)
    check_text(decision, "decision", MAX_LONG_TEXT)
    with write(engine) as conn:
        ids = _own_answers(conn, workshop_id, response_ids)
        theme_id = conn.execute(
            themes.insert()
            .values(workshop_id=workshop_id, title=clean, status="open", decision=decision)
            .returning(themes.c.id)
        ).scalar_one()
        if ids:
            conn.execute(theme_responses.insert(), [{"theme_id": theme_id, "response_id": r} for r in ids])
        after = {"title": clean, "decision": decision, "answers": len(ids)}
        record(conn, workshop_id, Kind.THEME, theme_id, Change.ADDED, clean, differences(None, after, after))
    return int(theme_id)


def update_theme(
    engine: Engine,
    workshop_id: int,
    theme_id: int,
    title: str,
    status: ThemeStatus,
    decision: str,
    response_ids: Iterable[int] | None = None,
) -> None:
    """Change a theme's title, status (open, adopt, adapt, park) and decision note, and, when given,
    make exactly `response_ids` its answers."""
    clean = check_theme_title(title)
    check_text(decision, "decision", MAX_LONG_TEXT)
    with write(engine) as conn:
        before = _own_theme(conn, workshop_id, theme_id)
        after: dict[str, object] = {"title": clean, "status": ThemeStatus(status).value, "decision": decision}
        THEMES.update(conn, workshop_id, theme_id, **after)
        if response_ids is not None:
            after["answers"] = _replace_answers(conn, workshop_id, theme_id, response_ids)
        details = differences(before, after, after)
        # A new status (adopt, adapt, park) or decision note is leadership's decision on the theme.
        decided = any(field in ("status", "decision") for field, _, _ in details)
        record(conn, workshop_id, Kind.DECISION if decided else Kind.THEME, theme_id, Change.CHANGED, clean, details)


def _replace_answers(conn: Connection, workshop_id: int, theme_id: int, response_ids: Iterable[int]) -> int:
    ids = _own_answers(conn, workshop_id, response_ids)
    conn.execute(theme_responses.delete().where(theme_responses.c.theme_id == theme_id))
    if ids:
        conn.execute(theme_responses.insert(), [{"theme_id": theme_id, "response_id": r} for r in ids])
    return len(ids)


def set_theme_answers(engine: Engine, workshop_id: int, theme_id: int, response_ids: Iterable[int]) -> None:
    """Make exactly these answers the theme's answers."""
    with write(engine) as conn:
        before = _own_theme(conn, workshop_id, theme_id)
        held = _replace_answers(conn, workshop_id, theme_id, response_ids)
        details = differences(before, {"answers": held}, ["answers"])
        record(conn, workshop_id, Kind.THEME, theme_id, Change.CHANGED, str(before["title"]), details)


def add_to_theme(engine: Engine, workshop_id: int, theme_id: int, response_ids: Iterable[int]) -> None:
    """Put more answers into a theme (answers already in it stay once)."""
    current = {r for t in list_themes(engine, workshop_id) if t.id == theme_id for r in t.response_ids}
    set_theme_answers(engine, workshop_id, theme_id, current | set(response_ids))


def delete_theme(engine: Engine, workshop_id: int, theme_id: int) -> None:
    """Remove a theme; its answers stay, and its actions stay without a theme."""
    with write(engine) as conn:
        gone = _own_theme(conn, workshop_id, theme_id)
        record(conn, workshop_id, Kind.THEME, theme_id, Change.DELETED, str(gone["title"]))
        conn.execute(theme_responses.delete().where(theme_responses.c.theme_id == theme_id))
        THEMES.delete(conn, workshop_id, theme_id)


def list_themes(engine: Engine, workshop_id: int) -> list[Theme]:
    """The workshop's themes, oldest first, each with the ids of its answers."""
    with read(engine) as conn:
        rows = conn.execute(THEMES.select(workshop_id).order_by(themes.c.id)).fetchall()
        links = conn.execute(select(theme_responses).join(themes).where(THEMES.of(workshop_id))).fetchall()
    by_theme: dict[int, list[int]] = {}
    for link in links:
        by_theme.setdefault(link.theme_id, []).append(link.response_id)
    return [Theme.model_validate({**dict(r._mapping), "response_ids": sorted(by_theme.get(r.id, []))}) for r in rows]
