"""Issue 16 part 1: proposals screened with the 14 "How to Say No" questions — the spread and the
disagreement counted by hand, one source for the questions, each team alone with its own screening,
leadership's verdict, the JSON export and carrying proposals into a later workshop."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, func, select

from workshop.config.templates import screening_questions, template
from workshop.domain.errors import AccessDenied, InvalidInput, NotFound, ScreeningClosed
from workshop.domain.model import LANGUAGES, Partner, QuestionKind
from workshop.domain.screening import (
    FACILITATOR_RATER,
    ScreeningAnswer,
    contested_first,
    disagreements,
    spread,
    team_rater,
)
from workshop.services.partnership.proposals import list_proposals, record_verdict, save_proposal, set_proposal_open
from workshop.services.partnership.screening import (
    own_screening,
    screen_as_facilitator,
    screen_as_team,
    screening_cards,
)
from workshop.services.register.offers import insert_partners
from workshop.services.whole.carry_over import new_from
from workshop.services.whole.export import to_json
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import read, write
from workshop.store.migrations import SCHEMA_VERSION
from workshop.store.tables import partners, screenings

Y, N, U = ScreeningAnswer.YES, ScreeningAnswer.NO, ScreeningAnswer.UNSURE


def test_the_spread_and_the_disagreement_are_counted_per_question_by_hand() -> None:
    questions = ["Mission?", "Motivation?", "Finance?"]
    # Three teams: on question 1 all say yes; on 2 one yes, one no, one unsure; on 3 one no and two unsure.
    answers = [(1, Y), (1, Y), (1, Y), (2, Y), (2, N), (2, U), (3, N), (3, U), (3, "unsure")]
    found = spread(questions, answers)
    assert [(s.number, s.question, s.yes, s.no, s.unsure) for s in found] == [
        (1, "Mission?", 3, 0, 0),
        (2, "Motivation?", 1, 1, 1),
        (3, "Finance?", 0, 1, 2),
    ]
    assert [s.disagree for s in found] == [False, True, False]  # no against unsure is no disagreement
    assert disagreements(found) == [2]
    assert [s.answered for s in found] == [3, 3, 3]


def test_an_unanswered_question_has_an_empty_spread_and_no_disagreement() -> None:
    found = spread(["A?", "B?"], [(1, N)])
    assert (found[1].yes, found[1].no, found[1].unsure, found[1].disagree) == (0, 0, 0, False)


def test_the_fourteen_questions_come_from_the_partnership_template_without_their_lead_in() -> None:
    questions = screening_questions()
    assert len(questions) == 14
    assert questions[0] == "Does the project support the library's mission and vision?"
    assert questions[13] == "Is it possible to finance it?"
    texts = template("partnership_week").screening
    assert all(any(t.endswith(q) for t in texts) for q in questions)  # one source: the template's own words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partnership_weeks_days_rate_no_screening_question_apart_from_a_proposal(lang: str) -> None:
    """Issue 26.7: days 4-5 asked the 14 as 1-5 ratings of "the proposal presented this morning", answers
    no proposal held; the teams now screen a proposal on the screening page, and the days point them there."""
    week = template("partnership_week", lang)
    asked = [q for d in week.days for q in d.questions]
    fourteen = screening_questions(lang)
    assert not [q.text for q in asked if any(q.text.endswith(f) for f in fourteen)]
    assert not [q for q in asked if q.main_point == "saying_no" and q.kind == QuestionKind.RATING]
    assert [q.kind for q in week.days[3].questions] == [QuestionKind.TEXT]  # day 4 sends the teams to screen


def test_the_most_contested_questions_come_first_and_none_is_left_out() -> None:
    Y, N, U = ScreeningAnswer.YES, ScreeningAnswer.NO, ScreeningAnswer.UNSURE
    answers = [(2, Y), (2, N), (2, N), (2, N),  # 1 against 3: contested
               (5, Y), (5, Y), (5, N), (5, N),  # 2 against 2: the most contested
               (9, Y), (9, N), (9, U), (9, N),  # 1 against 2, one unsure: contested, after question 2
               (1, Y), (1, Y), (1, Y), (1, U)]  # fmt: skip
    ordered = contested_first(spread([f"Q{n}?" for n in range(1, 15)], answers))
    assert [s.number for s in ordered] == [5, 2, 9, 1, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14]


def _workshop(engine: Engine, name: str = "Partnerships 2026") -> tuple[int, dict[str, object]]:
    wid = create_workshop(engine, name, "facilitate-this-week", "lead-this-week-now")
    a, _ = add_team(engine, wid, "Children")
    b, _ = add_team(engine, wid, "Adults")
    with write(engine) as conn:
        insert_partners(conn, wid, [Partner(name="Nordby Makers")])
        maker = conn.execute(select(partners.c.id).where(partners.c.workshop_id == wid)).scalar_one()
    pid = save_proposal(
        engine,
        wid,
        {
            "title": "Maker camp",
            "proposer": "Nordby Makers",
            "description": "Two weeks in July",
            "spaces": ["learning"],
            "target_groups": ["children"],
            "partner_id": maker,
        },
    )
    return wid, {"a": a, "b": b, "pid": pid, "maker": maker}


def _given(*answers: tuple[int, str, str]) -> list[dict[str, object]]:
    return [{"question": q, "answer": a, "note": n} for q, a, n in answers]


def test_a_team_sees_and_changes_only_its_own_screening(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    a, b, pid = ids["a"], ids["b"], int(ids["pid"])  # type: ignore[call-overload]
    assert screen_as_team(engine, a, pid, _given((1, "yes", "Fits our plan"), (2, "no", ""))) == 2  # type: ignore[arg-type]
    screen_as_team(engine, b, pid, _given((1, "no", "Not our job")))  # type: ignore[arg-type]
    assert set(own_screening(engine, wid, pid, team_rater(a.id))) == {1, 2}  # type: ignore[attr-defined]
    theirs = own_screening(engine, wid, pid, team_rater(b.id))  # type: ignore[attr-defined]
    assert {q: (x.answer, x.note) for q, x in theirs.items()} == {1: (N, "Not our job")}
    # Team A edits: its question 2 is unanswered now, question 1 unsure; team B's answer is untouched.
    screen_as_team(engine, a, pid, _given((1, "unsure", ""), (2, None, "")))  # type: ignore[arg-type]
    mine = own_screening(engine, wid, pid, team_rater(a.id))  # type: ignore[attr-defined]
    assert {q: x.answer for q, x in mine.items()} == {1: U}
    assert own_screening(engine, wid, pid, team_rater(b.id)) == theirs  # type: ignore[attr-defined]
    card = screening_cards(engine, wid)[0]
    assert (card.raters, card.spread[0].yes, card.spread[0].no, card.spread[0].unsure) == (2, 0, 1, 1)


def test_a_team_cannot_screen_another_workshops_proposal_or_a_closed_one(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    other, other_ids = _workshop(engine, "Another library")
    with pytest.raises(NotFound):
        screen_as_team(engine, ids["a"], int(other_ids["pid"]), _given((1, "yes", "")))  # type: ignore[arg-type, call-overload]
    forged = ids["a"].model_copy(update={"workshop_id": other})  # type: ignore[attr-defined]
    with pytest.raises(AccessDenied):
        screen_as_team(engine, forged, int(other_ids["pid"]), _given((1, "yes", "")))  # type: ignore[call-overload]
    set_proposal_open(engine, wid, int(ids["pid"]), False)  # type: ignore[call-overload]
    with pytest.raises(ScreeningClosed):
        screen_as_team(engine, ids["a"], int(ids["pid"]), _given((1, "yes", "")))  # type: ignore[arg-type, call-overload]
    with read(engine) as conn:
        assert conn.execute(select(func.count()).select_from(screenings)).scalar() == 0


@pytest.mark.parametrize(
    ("answer", "note", "field"),
    [("maybe", "", "answer"), ("yes", "x" * 501, "note"), ("yes", "bell\x07", "note")],
)
def test_a_bad_answer_is_refused_naming_the_question_and_field(
    engine: Engine, answer: str, note: str, field: str
) -> None:
    _, ids = _workshop(engine)
    with pytest.raises(InvalidInput) as caught:
        screen_as_team(engine, ids["a"], int(ids["pid"]), _given((3, answer, note)))  # type: ignore[arg-type, call-overload]
    assert "Question 3" in str(caught.value) and caught.value.params["field"] == field


def test_the_facilitator_screens_alone_only_in_a_workshop_without_teams(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    with pytest.raises(InvalidInput):
        screen_as_facilitator(engine, wid, int(ids["pid"]), _given((1, "yes", "")))  # type: ignore[call-overload]
    alone = create_workshop(engine, "Small branch", "facilitate-the-branch", "lead-the-branch")
    pid = save_proposal(engine, alone, {"title": "Chess club"})
    assert screen_as_facilitator(engine, alone, pid, _given((1, "yes", ""), (14, "no", "No money"))) == 2
    assert set(own_screening(engine, alone, pid, FACILITATOR_RATER)) == {1, 14}
    card = screening_cards(engine, alone)[0]
    assert card.raters == 1 and [(n.rater, n.note) for n in card.notes] == [("", "No money")]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": " "}, "title"),
        ({"title": "X", "spaces": ["kitchen"]}, "spaces"),
        ({"title": "X", "proposer": "p" * 201}, "proposer"),
        ({"title": "X", "partner_id": 999}, "partner_id"),
    ],
)
def test_a_bad_proposal_is_refused_naming_the_field(engine: Engine, fields: dict[str, object], field: str) -> None:
    wid = create_workshop(engine, "Partnerships", "facilitate-this-week", "lead-this-week-now")
    with pytest.raises(InvalidInput) as caught:
        save_proposal(engine, wid, fields)
    assert caught.value.params["field"] == field
    assert list_proposals(engine, wid) == []


def test_leadership_records_a_verdict_only_with_a_reason(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    pid = int(ids["pid"])  # type: ignore[call-overload]
    with pytest.raises(InvalidInput):
        record_verdict(engine, wid, pid, "conditions", "  ")
    with pytest.raises(InvalidInput):
        record_verdict(engine, wid, pid, "perhaps", "Because")
    record_verdict(engine, wid, pid, "conditions", "Only if the makers bring the volunteers")
    found = list_proposals(engine, wid)[0]
    assert (found.verdict, found.verdict_reason) == ("conditions", "Only if the makers bring the volunteers")
    with pytest.raises(NotFound):
        record_verdict(engine, wid + 99, pid, "yes", "Another workshop's proposal")


def test_the_json_export_carries_each_proposal_with_its_screening_and_verdict(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    pid = int(ids["pid"])  # type: ignore[call-overload]
    screen_as_team(engine, ids["a"], pid, _given((1, "yes", "=SUM(A1) <b>raw</b>")))  # type: ignore[arg-type]
    record_verdict(engine, wid, pid, "no", "Not this year")
    doc = json.loads(to_json(engine, wid))
    [proposal] = doc["proposals"]
    assert (proposal["title"], proposal["spaces"], proposal["partner_id"]) == ("Maker camp", ["learning"], ids["maker"])
    assert proposal["verdict"] == {"verdict": "no", "reason": "Not this year"}
    assert [(s["rater"], s["question"], s["answer"], s["note"]) for s in proposal["screening"]] == [
        (team_rater(ids["a"].id), 1, "yes", "=SUM(A1) <b>raw</b>")  # type: ignore[attr-defined]
    ]


def test_a_later_workshop_carries_the_proposals_open_without_screening_or_verdict(engine: Engine) -> None:
    wid, ids = _workshop(engine)
    pid = int(ids["pid"])  # type: ignore[call-overload]
    screen_as_team(engine, ids["a"], pid, _given((1, "yes", "")))  # type: ignore[arg-type]
    set_proposal_open(engine, wid, pid, False)
    record_verdict(engine, wid, pid, "yes", "Go")
    new = new_from(engine, wid, "Partnerships 2027", "facilitate-27-week", "lead-27-week", ["partners", "proposals"])
    [carried] = list_proposals(engine, new)
    assert (carried.title, carried.proposer, carried.spaces, carried.target_groups) == (
        "Maker camp",
        "Nordby Makers",
        ["learning"],
        ["children"],
    )
    assert carried.is_open and carried.verdict is None and carried.verdict_reason == ""
    with read(engine) as conn:
        new_maker = conn.execute(select(partners.c.id).where(partners.c.workshop_id == new)).scalar_one()
    assert carried.partner_id == new_maker != ids["maker"]  # the new workshop's own partner of that name
    assert screening_cards(engine, new)[0].raters == 0
    alone = new_from(engine, wid, "Without partners", "facilitate-28-week", "lead-28-week", ["proposals"])
    assert list_proposals(engine, alone)[0].partner_id is None


def test_a_version_10_database_gets_the_proposal_tables_and_keeps_its_workshops(sqlite_engine: Engine) -> None:
    from sqlalchemy import inspect, text

    from workshop.store import migrate

    wid, ids = _workshop(sqlite_engine)
    with sqlite_engine.begin() as conn:
        conn.execute(text("DROP TABLE screenings"))
        conn.execute(text("DROP TABLE proposals"))
        conn.execute(text("UPDATE settings SET value = '10' WHERE key = 'schema_version'"))
    assert not {"proposals", "screenings"} & set(inspect(sqlite_engine).get_table_names())
    assert migrate(sqlite_engine) == SCHEMA_VERSION
    pid = save_proposal(sqlite_engine, wid, {"title": "After the upgrade"})
    assert screen_as_team(sqlite_engine, ids["a"], pid, _given((1, "yes", ""))) == 1  # type: ignore[arg-type]
