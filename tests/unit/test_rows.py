"""A workshop's rows through workshop.services.rows.Rows: every statement it makes carries the workshop filter,
and a row of another workshop is as unknown as a row that does not exist, for reads and writes alike."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from tests.unit.week_fixture import build_week
from workshop.domain.errors import NotFound
from workshop.services.rows import DAYS, TEAMS
from workshop.store import read, write
from workshop.store.tables import days, teams


def test_a_workshops_rows_are_read_and_written_only_through_its_own_id(engine: Engine) -> None:
    ours, theirs = build_week(engine, "Ours"), build_week(engine, "Theirs")
    alpha, their_alpha = ours.teams["Alpha"], theirs.teams["Alpha"]
    with read(engine) as conn:
        assert sorted(conn.execute(TEAMS.select(ours.workshop_id, teams.c.name)).scalars()) == [
            "Alpha",
            "Beta",
            "Gamma",
        ]
        assert TEAMS.get(conn, ours.workshop_id, alpha.id).name == "Alpha"
        for asked in (
            lambda: TEAMS.get(conn, ours.workshop_id, their_alpha.id),
            lambda: TEAMS.check(conn, 0, alpha.id),
        ):
            with pytest.raises(NotFound) as missing:
                asked()
            assert missing.value.message == "error.missing.team"
    with write(engine) as conn:
        with pytest.raises(NotFound) as missing:
            TEAMS.update(conn, ours.workshop_id, their_alpha.id, name="Taken over")
        assert missing.value.params == {"id": their_alpha.id}
        with pytest.raises(NotFound):
            TEAMS.delete(conn, ours.workshop_id, their_alpha.id)
    with read(engine) as conn:  # nothing of theirs changed
        assert conn.execute(select(teams.c.name).where(teams.c.id == their_alpha.id)).scalar() == "Alpha"


def test_a_write_that_finds_its_row_changes_that_row_only(engine: Engine) -> None:
    ours, theirs = build_week(engine, "Ours"), build_week(engine, "Theirs")
    with write(engine) as conn:
        day = conn.execute(DAYS.select(ours.workshop_id, days.c.id).order_by(days.c.position)).scalars().first()
        assert day is not None
        DAYS.update(conn, ours.workshop_id, day, title="Opening day")
    with read(engine) as conn:
        titles = dict(conn.execute(select(days.c.workshop_id, days.c.title).where(days.c.position == 1)).all())
    assert titles == {ours.workshop_id: "Opening day", theirs.workshop_id: "Monday"}
