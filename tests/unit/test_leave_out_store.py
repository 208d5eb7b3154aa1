"""A workshop's words left out of key terms: stored, read back, held to their limits, carried by an upgrade
and by the report (issue 26.5), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, inspect

from tests.unit.week_fixture import build_week
from workshop.domain.errors import InvalidInput, NotFound
from workshop.files.report.summary import said_summary
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.whole.reports import report_language, report_week, report_words
from workshop.services.workshops.leave_out import leave_out, set_leave_out
from workshop.services.workshops.lifecycle import create_workshop
from workshop.store import migrate, write
from workshop.store.migrations import SCHEMA_VERSION, VERSION_KEY
from workshop.store.tables import settings


def _workshop(engine: Engine) -> int:
    return create_workshop(engine, "Uge", "facilitate-me", "lead-me-now", "four_spaces_week", language="da")


def test_the_words_are_stored_as_typed_once_and_a_bad_list_changes_nothing(engine: Engine) -> None:
    wid = _workshop(engine)
    assert leave_out(engine, wid) == ()
    assert set_leave_out(engine, wid, "Anne; JONAS\nanne, Godset") == ("anne", "jonas", "godset")
    assert leave_out(engine, wid) == ("anne", "jonas", "godset")
    with pytest.raises(InvalidInput):
        set_leave_out(engine, wid, "ord\x07")
    assert leave_out(engine, wid) == ("anne", "jonas", "godset")
    with pytest.raises(NotFound):
        set_leave_out(engine, wid + 1, "anne")


def test_a_schema_15_database_gets_the_column_empty(engine: Engine) -> None:
    wid = _workshop(engine)
    with write(engine) as conn:
        conn.exec_driver_sql("ALTER TABLE workshops DROP COLUMN leave_out")
        conn.execute(settings.update().where(settings.c.key == VERSION_KEY).values(value="15"))
    assert migrate(engine) == SCHEMA_VERSION
    with engine.connect() as conn:
        assert "leave_out" in {c["name"] for c in inspect(conn).get_columns("workshops")}
    assert leave_out(engine, wid) == ()


def test_the_reports_key_terms_leave_out_names_and_the_workshops_words(engine: Engine) -> None:
    week = build_week(engine)
    gamma = week.teams["Gamma"]
    submit_answer(engine, gamma, Answer(week.questions["q2"], text="Ask Anne: Anne knows the sofas and Jonas too"))
    submit_answer(engine, gamma, Answer(week.questions["q4"], text="Jonas and Anne said more debates"))
    lang = report_language("en", "en")

    def said() -> str:
        line = said_summary(report_week(engine, week.workshop_id, dt.date(2026, 12, 6)), lang, report_words(lang))
        return line.split("Meeting place")[1].split("</li>")[0]

    assert "sofas" in said() and "anne" not in said() and "jonas" not in said()
    set_leave_out(engine, week.workshop_id, "Sofas")
    assert "sofas" not in said() and "debates" in said()
