"""Actions: what leadership will do, from a theme or on their own, with owner, due date and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection, Engine

from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.history import Kind
from workshop.domain.loop import check_action_space
from workshop.domain.model import Action, ActionStatus
from workshop.domain.validation import validated
from workshop.services.history import record_saved
from workshop.services.rows import ACTIONS, MAIN_POINTS, THEMES
from workshop.store import read, write
from workshop.store.tables import actions

ACTION_COLUMNS = ["id", "theme_id", "title", "owner", "space", "main_point_id", "due", "status"]


def _valid(action: Action | Mapping[str, object]) -> Action:
    return validated(Action, action.model_dump() if isinstance(action, Action) else action)


def _check_links(conn: Connection, workshop_id: int, action: Action) -> None:
    check_action_space(action.space)
    for rows, value, name in ((THEMES, action.theme_id, "theme"), (MAIN_POINTS, action.main_point_id, "main_point")):
        if value is None:
            continue
        try:
            rows.check(conn, workshop_id, value)
        except NotFound:
            raise InvalidInput("error.missing.item", field=name, id=value) from None


def _values(action: Action) -> dict[str, object]:
    data = action.model_dump(exclude={"id", "workshop_id"})
    data["title"], data["owner"] = action.title.strip(), action.owner.strip()
    data["status"] = ActionStatus(action.status).value
    return data


def add_action(engine: Engine, workshop_id: int, action: Action | Mapping[str, object]) -> int:
    """Store a new action (a model, or its fields as a form gives them: InvalidInput names a bad one);
    returns its id."""
    action = _valid(action)
    with write(engine) as conn:
        _check_links(conn, workshop_id, action)
        values = _values(action)
        action_id = int(
            conn.execute(
                actions.insert().values(workshop_id=workshop_id, **values).returning(actions.c.id)
            ).scalar_one()
        )
        record_saved(conn, workshop_id, Kind.ACTION, action_id, None, values, action.title)
        return action_id


def set_action_status(engine: Engine, workshop_id: int, action_id: int, status: ActionStatus) -> None:
    with write(engine) as conn:
        before = ACTIONS.get(conn, workshop_id, action_id)
        ACTIONS.update(conn, workshop_id, action_id, status=ActionStatus(status).value)
        after = {"status": ActionStatus(status).value}
        record_saved(conn, workshop_id, Kind.ACTION, action_id, before, after, before.title)


def actions_frame(engine: Engine, workshop_id: int) -> pd.DataFrame:
    """The workshop's actions, by due date (undated last)."""
    cols = [actions.c[c] for c in ACTION_COLUMNS]
    with read(engine) as conn:
        rows = conn.execute(ACTIONS.select(workshop_id, *cols).order_by(actions.c.id))
        frame = pd.DataFrame(rows.fetchall(), columns=ACTION_COLUMNS)
    return frame


def with_overdue(frame: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """The actions with an `overdue` column (due before today and not done), sorted by due date."""
    marked = frame.copy()
    marked["overdue"] = [
        bool(due is not None and due == due and due < today and status != ActionStatus.DONE.value)
        for due, status in zip(marked["due"], marked["status"], strict=True)
    ]
    marked["_undated"] = marked["due"].isna()
    return marked.sort_values(["_undated", "due", "id"]).drop(columns="_undated").reset_index(drop=True)


def board(frame: pd.DataFrame, today: dt.date) -> dict[ActionStatus, pd.DataFrame]:
    """A simple board: the actions in a column per status (planned, in progress, done)."""
    marked = with_overdue(frame, today)
    return {status: marked[marked["status"] == status.value].reset_index(drop=True) for status in ActionStatus}


def list_actions(engine: Engine, workshop_id: int) -> list[Action]:
    """The workshop's actions as models, in the order they were added."""
    with read(engine) as conn:
        rows = conn.execute(ACTIONS.select(workshop_id).order_by(actions.c.id))
        return [Action.model_validate(dict(r._mapping)) for r in rows]
