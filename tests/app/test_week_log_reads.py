"""The week's log reads one cached read model (workshop.services.week.week_log): a run with nothing written
meanwhile asks once whether anything it shows changed, and reads none of the answers, comments, teams or the
week's plan again; a write to any table the model declares shows on the next run; picking another day or
question shows that one's answers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.app.test_morning_meeting import statements_of
from workshop.config.i18n import translate
from workshop.domain.model import Role
from workshop.services.week.comments import add_comment
from workshop.services.week.days import list_days, log_answers
from workshop.services.week.planning import save_day, save_main_point, set_publish_log_immediately
from workshop.services.week.teams import rename_team
from workshop.services.week.week_log import LOG_TABLES, WeekLog, log
from workshop.services.workshops.lifecycle import list_teams
from workshop.store import write
from workshop.store.tables import questions, responses

SHOWN_TABLES = ("responses", "comments", "teams", "days", "questions", "main_points", "workshops")


def log_page(role: Role) -> AppTest:
    at = sign_in(fresh_app(), role).switch_page("pages/week_log.py").run()
    assert errors_of(at) == []
    return at


def shown_text(at: AppTest) -> list[str]:
    """Every text, caption, header and Markdown line the page shows."""
    return [e.value for kind in ("text", "caption", "markdown", "header", "subheader") for e in at.get(kind)]


@pytest.mark.parametrize("role", [Role.TEAM, Role.LEADERSHIP])
def test_a_run_with_nothing_changed_asks_once_whether_the_log_changed(db: Engine, role: Role) -> None:
    at = log_page(role)
    again = statements_of(at.run)
    assert errors_of(at) == [] and "Day 2" in [h.value.split(" · ")[0] for h in at.header]  # drawn, from the cache
    assert len([s for s in again if "FROM data_versions" in s]) == 1  # one cached read, not five
    read_again = [s for s in again if any(f"FROM {table}" in s or f"JOIN {table}" in s for table in SHOWN_TABLES[:-1])]
    assert read_again == []


def _first_answer(shown: WeekLog) -> int:
    return shown.answers[0].response_id


def _rename_day(db: Engine, wid: int, shown: WeekLog) -> str:
    day = next(d for d in shown.days if d.id == shown.day_id)
    save_day(db, wid, "Day of the renamed title", day.date, int(day.id or 0))
    return "Day of the renamed title"


def _reword_question(db: Engine, wid: int, shown: WeekLog) -> str:
    with write(db) as conn:
        conn.execute(questions.update().where(questions.c.id == shown.question_id).values(text="Reworded question"))
    return "Reworded question"


def _rename_main_point(db: Engine, wid: int, shown: WeekLog) -> str:
    question = next(q for q in shown.questions if q.id == shown.question_id)
    point = shown.main_points[int(question.main_point_id or 0)]
    save_main_point(db, wid, "Renamed main point", point.description, point.spaces, int(point.id or 0))
    return "Renamed main point"


def _edit_answer(db: Engine, wid: int, shown: WeekLog) -> str:
    with write(db) as conn:
        conn.execute(responses.update().where(responses.c.id == _first_answer(shown)).values(text="An answer edited"))
    return "An answer edited"


def _rename_team(db: Engine, wid: int, shown: WeekLog) -> str:
    team = next(t for t in list_teams(db, wid) if t.name == shown.answers[0].team)
    rename_team(db, wid, int(team.id or 0), "Renamed team")
    return "Renamed team"


def _comment(db: Engine, wid: int, shown: WeekLog) -> str:
    other = next(t for t in list_teams(db, wid) if t.name != shown.answers[0].team)
    add_comment(db, other, _first_answer(shown), "A comment from the room")
    return f"{other.name}: A comment from the room"


def _publish_at_once(db: Engine, wid: int, shown: WeekLog) -> str:
    set_publish_log_immediately(db, wid, True)
    return translate("en", "log.rule_immediate")


# A change to each table the log declares, and what the page then shows (a newly declared table needs one).
CHANGES: dict[str, Callable[[Engine, int, WeekLog], str]] = {
    "workshops": _publish_at_once,
    "days": _rename_day,
    "questions": _reword_question,
    "main_points": _rename_main_point,
    "responses": _edit_answer,
    "teams": _rename_team,
    "comments": _comment,
}


def test_every_table_the_log_reads_has_a_change_here() -> None:
    assert sorted(CHANGES) == sorted(LOG_TABLES) == sorted(SHOWN_TABLES)


@pytest.mark.parametrize("table", sorted(CHANGES))  # not LOG_TABLES: a table left out of them is tested too
def test_a_write_to_each_table_the_log_reads_shows_on_the_next_run(db: Engine, wid: int, table: str) -> None:
    at = log_page(Role.LEADERSHIP)
    at.run()  # the log is cached now
    expected = CHANGES[table](db, wid, log(db, wid, with_hidden=True))
    assert expected not in shown_text(at)
    at.run()
    assert errors_of(at) == []
    assert expected in shown_text(at)


def test_picking_another_day_or_question_shows_its_answers(db: Engine, wid: int) -> None:
    at = log_page(Role.LEADERSHIP)
    day = next(d for d in list_days(db, wid) if d.position == 1)
    at.selectbox[0].set_value(day.id).run()
    assert errors_of(at) == [] and at.header[0].value.startswith("Day 1 · ")
    second = at.selectbox(key=f"log-question-{day.id}").options[1]
    question_id = next(q.id for q in log(db, wid, day.id).questions if q.position == 2)
    at.selectbox(key=f"log-question-{day.id}").set_value(question_id).run()
    assert errors_of(at) == [] and second.startswith("Question 2 · ")
    teams = [str(t) for t in log_answers(db, wid, (int(question_id or 0),))["team"]][:10]
    assert teams and [x for x in shown_text(at) if x in teams] == teams  # its answers' cards, by team, in order
