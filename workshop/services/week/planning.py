"""Setting up the week: main points, days and their questions — add, edit, reorder, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select

from workshop.domain.errors import NotFound
from workshop.domain.history import Change, Kind
from workshop.domain.main_points import approve, new_status, require_approved
from workshop.domain.model import Day, MainPoint, NewDay, NewMainPoint, NewQuestion, Question, QuestionKind, Role
from workshop.domain.validation import check_question_space, clean_options, validated
from workshop.domain.voices import check_each_person
from workshop.services.history import record, record_saved
from workshop.services.rows import ANSWERS, DAYS, MAIN_POINTS, change_workshop_row, changed
from workshop.services.week.voices import own_answer_count
from workshop.store import read, write
from workshop.store.tables import days, main_points, person_answers, questions, responses

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def _owned(conn: Connection, table: Table, workshop_id: int, item_id: int) -> Any:
    row = conn.execute(select(table).where(table.c.id == item_id, table.c.workshop_id == workshop_id)).first()
    if row is None:
        raise NotFound("error.missing.item", id=item_id)
    return row


def _insert(conn: Connection, statement: Any) -> int:
    """Run an insert; the new row's id."""
    key = conn.execute(statement).inserted_primary_key
    assert key is not None
    return int(key[0])


def _next_position(conn: Connection, table: Table, *where: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.position), 0)).where(*where)).scalar() or 0) + 1


def _renumber(conn: Connection, table: Table, ordered_ids: Sequence[int]) -> None:
    for position, item_id in enumerate(ordered_ids, start=1):
        changed(conn, table.update().where(table.c.id == item_id).values(position=position))


def _move(conn: Connection, table: Table, kind: Kind, item_id: int, step: int, *scope: Any) -> None:
    """Move an item `step` places up (negative) or down (positive) within its scope; ends stay put. Kept in
    the record with its place before and after."""
    ids = [r.id for r in conn.execute(select(table.c.id).where(*scope).order_by(table.c.position, table.c.id))]
    at = ids.index(item_id)
    to = max(0, min(len(ids) - 1, at + step))
    ids.insert(to, ids.pop(at))
    _renumber(conn, table, ids)
    row = conn.execute(select(table).where(table.c.id == item_id)).one()
    subject = row.text if table is questions else row.title
    record(conn, row.workshop_id, kind, item_id, Change.MOVED, subject, [["position", str(at + 1), str(to + 1)]])


def _clean_spaces(spaces: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(spaces))


def save_main_point(
    engine: Engine,
    workshop_id: int,
    title: str,
    description: str = "",
    spaces: Iterable[str] = (),
    point_id: int | None = None,
    role: Role = Role.FACILITATOR,
) -> MainPoint:
    """Add a main point (at the end), or change one. Leadership's new point is proposed, the facilitator's
    approved (workshop.domain.main_points); an edit keeps the status."""
    point = validated(
        NewMainPoint, {"title": title, "description": description.strip(), "spaces": _clean_spaces(spaces)}
    )
    values = {"title": point.title, "description": point.description, "spaces": point.spaces}
    with write(engine) as conn:
        if point_id is None:
            position = _next_position(conn, main_points, MAIN_POINTS.of(workshop_id))
            status = new_status(role).value
            point_id = _insert(
                conn,
                main_points.insert().values(workshop_id=workshop_id, position=position, status=status, **values),
            )
            before = None
        else:
            before = _owned(conn, main_points, workshop_id, point_id)
            changed(
                conn,
                main_points.update().where(main_points.c.id == point_id).values(**values),
            )
        row = _owned(conn, main_points, workshop_id, int(point_id))
        kept = values | ({} if before else {"status": row.status})
        record_saved(conn, workshop_id, Kind.MAIN_POINT, row.id, before, kept, point.title)
    return MainPoint.model_validate(dict(row._mapping))


def approve_main_point(engine: Engine, workshop_id: int, point_id: int, role: Role) -> MainPoint:
    """Approve a proposed main point: from now on the facilitator builds days on it."""
    with write(engine) as conn:
        row = _owned(conn, main_points, workshop_id, point_id)
        done = approve(MainPoint.model_validate(dict(row._mapping)), role)
        changed(conn, main_points.update().where(main_points.c.id == point_id).values(status=done.status.value))
        record_saved(conn, workshop_id, Kind.MAIN_POINT, point_id, row, {"status": done.status.value}, row.title)
    return done


def delete_main_point(engine: Engine, workshop_id: int, point_id: int) -> None:
    """Delete a main point; its questions stay, no longer tied to a main point."""
    with write(engine) as conn:
        gone = _owned(conn, main_points, workshop_id, point_id)
        record(conn, workshop_id, Kind.MAIN_POINT, point_id, Change.DELETED, gone.title)
        conn.execute(questions.update().where(questions.c.main_point_id == point_id).values(main_point_id=None))
        changed(conn, main_points.delete().where(main_points.c.id == point_id))
        rest = conn.execute(
            select(main_points.c.id).where(MAIN_POINTS.of(workshop_id)).order_by(main_points.c.position)
        )
        _renumber(conn, main_points, [r.id for r in rest])


def move_main_point(engine: Engine, workshop_id: int, point_id: int, step: int) -> None:
    with write(engine) as conn:
        _owned(conn, main_points, workshop_id, point_id)
        _move(conn, main_points, Kind.MAIN_POINT, point_id, step, MAIN_POINTS.of(workshop_id))


def save_day(
    engine: Engine, workshop_id: int, title: str, date: dt.date | None = None, day_id: int | None = None
) -> Day:
    """Add a day (at the end, planned), or change its date and title."""
    day = validated(NewDay, {"title": title, "date": date})
    with write(engine) as conn:
        if day_id is None:
            position = _next_position(conn, days, DAYS.of(workshop_id))
            day_id = _insert(
                conn,
                days.insert().values(
                    workshop_id=workshop_id, position=position, title=day.title, date=day.date, status="planned"
                ),
            )
            before = None
        else:
            before = _owned(conn, days, workshop_id, day_id)
            changed(
                conn,
                days.update().where(days.c.id == day_id).values(title=day.title, date=day.date),
            )
        row = _owned(conn, days, workshop_id, int(day_id))
        record_saved(conn, workshop_id, Kind.DAY, row.id, before, {"title": day.title, "date": day.date}, day.title)
    return Day.model_validate(dict(row._mapping))


def delete_day(engine: Engine, workshop_id: int, day_id: int) -> None:
    """Delete a day with its questions and their answers."""
    with write(engine) as conn:
        gone = _owned(conn, days, workshop_id, day_id)
        record(conn, workshop_id, Kind.DAY, day_id, Change.DELETED, gone.title)
        # Deleted explicitly, not only by the foreign keys' cascade: the data versions (ui/cache.py) then
        # know that questions and answers changed too.
        of_day = select(questions.c.id).where(questions.c.day_id == day_id).scalar_subquery()
        conn.execute(responses.delete().where(responses.c.question_id.in_(of_day)))
        conn.execute(person_answers.delete().where(person_answers.c.question_id.in_(of_day)))
        conn.execute(questions.delete().where(questions.c.day_id == day_id))
        changed(conn, days.delete().where(days.c.id == day_id))
        rest = conn.execute(select(days.c.id).where(DAYS.of(workshop_id)).order_by(days.c.position))
        _renumber(conn, days, [r.id for r in rest])


def move_day(engine: Engine, workshop_id: int, day_id: int, step: int) -> None:
    with write(engine) as conn:
        _owned(conn, days, workshop_id, day_id)
        _move(conn, days, Kind.DAY, day_id, step, DAYS.of(workshop_id))


def save_question(
    engine: Engine,
    workshop_id: int,
    day_id: int,
    text: str,
    kind: QuestionKind = QuestionKind.TEXT,
    options: Iterable[str] = (),
    space: str | None = None,
    main_point_id: int | None = None,
    question_id: int | None = None,
    each_person: bool = False,
) -> Question:
    """Add a question to a day (at the end), or change one; it may move to another day. `each_person`: each
    person answers it for themselves, anonymous to leadership (a rating or a choice only)."""
    kind = QuestionKind(kind)
    options_kept = clean_options(kind, options)
    check_question_space(kind, space)
    check_each_person(kind, each_person)
    question = validated(
        NewQuestion,
        {
            "text": text,
            "kind": kind,
            "options": options_kept,
            "space": space if kind == QuestionKind.SPACE_STRENGTH else None,
            "main_point_id": main_point_id,
            "each_person": each_person,
        },
    )
    values = {
        "text": question.text,
        "kind": kind.value,
        "options": question.options,
        "space": question.space,
        "main_point_id": main_point_id,
        "each_person": question.each_person,
    }
    with write(engine) as conn:
        _owned(conn, days, workshop_id, day_id)
        if main_point_id is not None:
            point = _owned(conn, main_points, workshop_id, main_point_id)
            require_approved(point.status, point.title)
        if question_id is None:
            position = _next_position(conn, questions, questions.c.day_id == day_id)
            question_id = _insert(
                conn, questions.insert().values(workshop_id=workshop_id, day_id=day_id, position=position, **values)
            )
            before = None
        else:
            before = _owned(conn, questions, workshop_id, question_id)
            if before.day_id != day_id:
                values["position"] = _next_position(conn, questions, questions.c.day_id == day_id)
            changed(
                conn,
                questions.update().where(questions.c.id == question_id).values(day_id=day_id, **values),
            )
        row = _owned(conn, questions, workshop_id, int(question_id))
        kept = {k: values[k] for k in ("text", "kind", "options", "space", "main_point_id")} | {"day_id": day_id}
        record_saved(conn, workshop_id, Kind.QUESTION, row.id, before, kept, question.text)
    return Question.model_validate(dict(row._mapping))


def delete_question(engine: Engine, workshop_id: int, question_id: int) -> None:
    """Delete a question and its answers."""
    with write(engine) as conn:
        row = _owned(conn, questions, workshop_id, question_id)
        record(conn, workshop_id, Kind.QUESTION, question_id, Change.DELETED, row.text)
        conn.execute(responses.delete().where(responses.c.question_id == question_id))  # versions see it
        conn.execute(person_answers.delete().where(person_answers.c.question_id == question_id))
        changed(conn, questions.delete().where(questions.c.id == question_id))
        rest = conn.execute(
            select(questions.c.id).where(questions.c.day_id == row.day_id).order_by(questions.c.position)
        )
        _renumber(conn, questions, [r.id for r in rest])


def move_question(engine: Engine, workshop_id: int, question_id: int, step: int) -> None:
    """Move a question up or down within its day."""
    with write(engine) as conn:
        row = _owned(conn, questions, workshop_id, question_id)
        _move(conn, questions, Kind.QUESTION, question_id, step, questions.c.day_id == row.day_id)


def answer_count(engine: Engine, workshop_id: int, day_id: int | None = None, question_id: int | None = None) -> int:
    """How many answers a deletion would take with it: of one question, one day, or the workshop."""
    query = select(func.count()).select_from(responses.join(questions, questions.c.id == responses.c.question_id))
    query = query.where(ANSWERS.of(workshop_id))
    if day_id is not None:
        query = query.where(questions.c.day_id == day_id)
    if question_id is not None:
        query = query.where(questions.c.id == question_id)
    with read(engine) as conn:
        return int(conn.execute(query).scalar() or 0) + own_answer_count(conn, workshop_id, day_id, question_id)


def set_publish_log_immediately(engine: Engine, workshop_id: int, publish: bool) -> None:
    """Whether teams read each other's answers at once, or only when a day closes."""
    with write(engine) as conn:
        change_workshop_row(conn, workshop_id, publish_log_immediately=publish)
