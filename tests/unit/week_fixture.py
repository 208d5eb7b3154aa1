"""A small strategy week built through the real services: 3 teams, 2 main points, 2 days, 4 questions,
8 answers (two of them formula-like and HTML-like), 1 draft, and 3 missing answers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from workshop.domain.model import Team
from workshop.services.week.answers import Answer, save_draft, submit_answer
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import write
from workshop.store.tables import days, main_points, questions

FORMULA_TEXT = "=SUM(A1) more sofas <b>now</b>"
SCRIPT_TEXT = "-- nothing <script>alert(1)</script>"
CAFE_TEXT = "More debates & cafés"


@dataclass
class Week:
    workshop_id: int
    teams: dict[str, Team]
    points: dict[str, int]
    questions: dict[str, int]
    answers: dict[tuple[str, str], int]


def build_week(engine: Engine, name: str = "Fixture week") -> Week:
    wid = create_workshop(engine, name, "facilitate-fx", "lead-fixture")
    teams = {n: add_team(engine, wid, n)[0] for n in ("Alpha", "Beta", "Gamma")}
    with write(engine) as conn:

        def insert(table, **values):  # type: ignore[no-untyped-def]
            return int(conn.execute(table.insert().values(workshop_id=wid, **values)).inserted_primary_key[0])

        mp1 = insert(main_points, position=1, title="Meeting place", description="", spaces=["meeting"])
        mp2 = insert(main_points, position=2, title="Digital", description="", spaces=["learning"])
        d1 = insert(days, position=1, title="Monday", status="open")
        d2 = insert(days, position=2, title="Tuesday", status="open")
        q = {
            "q1": insert(
                questions,
                day_id=d1,
                main_point_id=mp1,
                position=1,
                kind="space_strength",
                text="How strong is the meeting space?",
                options=[],
                space="meeting",
            ),
            "q2": insert(
                questions,
                day_id=d1,
                main_point_id=mp1,
                position=2,
                kind="text",
                text="What should change?",
                options=[],
                space=None,
            ),
            "q3": insert(
                questions,
                day_id=d2,
                main_point_id=mp2,
                position=1,
                kind="multiple",
                text="What holds us back?",
                options=["time", "money", "skills"],
                space=None,
            ),
            "q4": insert(
                questions,
                day_id=d2,
                main_point_id=None,
                position=2,
                kind="text",
                text="Anything else?",
                options=[],
                space=None,
            ),
        }
    given = [
        ("Alpha", "q1", Answer(q["q1"], rating=4)),
        ("Beta", "q1", Answer(q["q1"], rating=2)),
        ("Gamma", "q1", Answer(q["q1"], rating=4)),
        ("Alpha", "q2", Answer(q["q2"], text=FORMULA_TEXT, spaces=["meeting"])),
        ("Beta", "q2", Answer(q["q2"], text=CAFE_TEXT, spaces=["meeting", "inspiration"])),
        ("Alpha", "q3", Answer(q["q3"], choices=["money", "time"])),
        ("Beta", "q3", Answer(q["q3"], choices=["money"])),
        ("Gamma", "q4", Answer(q["q4"], text=SCRIPT_TEXT)),
    ]
    answers = {(team, key): submit_answer(engine, teams[team], a).id for team, key, a in given}
    save_draft(engine, teams["Gamma"], q["q2"], "half typed")
    return Week(wid, teams, {"mp1": mp1, "mp2": mp2}, q, {k: int(v) for k, v in answers.items() if v})
