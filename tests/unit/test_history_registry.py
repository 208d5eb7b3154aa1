"""The record of who changed what (issue 29.3), tested as a class: every service function that changes a main
point, a day, a question, a theme or its decision, an action, a verdict, a mapping decision or a role is in
one registry (CHANGES), and each, called as a person would, leaves its record with its author. The scan of
workshop/services finds every function that writes one of those tables: one missing from the registry (and
from the few changes the record leaves out on purpose, NOT_RECORDED) fails here."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.sql.dml import UpdateBase

from workshop.domain import identity
from workshop.domain.history import DEMO, Actor, ByRole, Kind
from workshop.domain.mapping import Contribution, MappingScope
from workshop.domain.model import ActionStatus, DayStatus, Offer, QuestionKind, Role, ThemeStatus
from workshop.files.spreadsheet import SourceTable
from workshop.services import history
from workshop.services.access import owner, sign_in
from workshop.services.history import acting
from workshop.services.loop import actions, reactions, themes
from workshop.services.partnership import proposals
from workshop.services.register import mapping, mapping_review, offers
from workshop.services.week import answers, planning, teams
from workshop.services.week import days as week
from workshop.services.whole import carry_over, demo, demo_language
from workshop.services.workshops import lifecycle as workshops
from workshop.store import read
from workshop.store.tables import history as history_table

SERVICES = Path(__file__).resolve().parents[2] / "workshop" / "services"
# The tables whose every change the record keeps. Proposals, workshops and settings hold more than that
# (a proposal's text, a workshop's name, the current workshop): their writes count where the function
# also names the verdict, a passcode's hash or the owner's passcode.
RECORDED_TABLES = {"main_points", "days", "questions", "themes", "theme_responses", "actions", "mapping_decisions"}
RECORDED_TABLES |= {"teams"}  # a team is a role: its code lets people in
RECORDED_TABLES |= {"sign_in_rules", "team_members"}  # with single sign-on: who is what, who is in which team
RECORDED_WHEN = {"proposals": "verdict", "workshops": "code_hash", "settings": "OWNER_KEY"}
# Writes the record leaves out on purpose, with the reason.
NOT_RECORDED = {
    "lifecycle._apply_template": "a new workshop's template content: recorded as the workshop's creation",
    "lifecycle.insert_workshop": "the workshop row inside create_workshop's or new_from's recorded change",
    "demo._create_demo": "the demo's made-up week (its passcodes and teams are recorded, by the demo)",
    "demo._add_decisions": "the demo's made-up themes and actions",
    "demo_partnership.add_proposals": "the demo's made-up proposals and verdicts",
    "sign_in.remember_team": "a signed-in person placed in the team whose code they typed: no one's grant",
}
# Not found by the scan, and not recorded either: a restore (the record comes back from the backup itself),
# a workshop's deletion (its record goes with it), what a new workshop carries from an earlier one (recorded
# as the new workshop's creation, carry_over.new_from).

AUTHOR = Actor(ByRole.FACILITATOR, "Ada Lovelace", "ada@library.example")


# --- the scan ---------------------------------------------------------------------------------------------


def _writes(function: ast.FunctionDef, generic: set[str]) -> bool:
    """Whether the function writes a recorded table: TABLE.insert/update/delete(), upsert(conn, TABLE), or a
    recorded table handed to a function of its module that writes whatever table it is given."""
    body = function.body[1:] if ast.get_docstring(function) is not None else function.body
    source = "\n".join(ast.unparse(statement) for statement in body)  # a docstring's words change nothing
    named: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        target, args = node.func, [a.id for a in node.args if isinstance(a, ast.Name)]
        writes = isinstance(target, ast.Attribute) and target.attr in ("insert", "update", "delete")
        if writes and isinstance(target.value, ast.Name):  # type: ignore[attr-defined]
            name = target.value.id  # type: ignore[attr-defined]
            named.add(SCOPED.get(name, name))  # TABLE.update(...), or a workshop's Rows: ACTIONS.update(conn, ...)
        if isinstance(target, ast.Name) and target.id in ("change_workshop_row", "delete_workshop_row"):
            named.add("workshops")
        if isinstance(target, ast.Name) and (target.id in generic or target.id == "upsert"):
            named |= set(args)
    recorded = named & RECORDED_TABLES
    recorded |= {t for t, word in RECORDED_WHEN.items() if t in named and word in source}
    return bool(recorded)


def _scoped_rows() -> dict[str, str]:
    """The workshop-scoped row helpers of services/rows.py (`ACTIONS = Rows("...", actions)`), by name: their
    update and delete write that table."""
    tree = ast.parse((SERVICES / "rows.py").read_text(encoding="utf-8"))
    return {
        node.targets[0].id: node.value.args[1].id  # type: ignore[attr-defined]
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", "") == "Rows"
    }


SCOPED = _scoped_rows()


def _generic_writers(functions: list[ast.FunctionDef]) -> set[str]:
    """Functions that write to a table they are given (a parameter), e.g. planning._renumber, or hand it on to
    one that does (planning._move)."""
    found: set[str] = set()
    while True:
        more = set()
        for function in functions:
            params = {a.arg for a in function.args.args}
            for node in ast.walk(function):
                on_param = isinstance(node, ast.Attribute) and node.attr in ("insert", "update", "delete")
                if on_param and isinstance(node.value, ast.Name) and node.value.id in params:  # type: ignore[attr-defined]
                    more.add(function.name)
                hands_on = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in found
                if hands_on and any(isinstance(a, ast.Name) and a.id in params for a in node.args):  # type: ignore[attr-defined]
                    more.add(function.name)
        if more <= found:
            return found
        found |= more


def _imported(tree: ast.Module) -> dict[str, str]:
    """The names a module imports from another service module, as module.function."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workshop.services."):
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module.rsplit('.', 1)[1]}.{alias.name}"  # type: ignore[union-attr]
    return found


def writers() -> set[str]:
    """module.function for every function in workshop/services that changes what the record keeps: directly,
    or by calling such a function (of its own module, or one it imports)."""
    paths = [p for p in sorted(SERVICES.rglob("*.py")) if p.stem != "__init__"]
    assert len({p.stem for p in paths}) == len(paths), "two service modules of one name: the registry names modules"
    modules = {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    defs = {m: [n for n in tree.body if isinstance(n, ast.FunctionDef)] for m, tree in modules.items()}
    found = set()
    for module, functions in defs.items():
        generic = _generic_writers(functions)
        found |= {f"{module}.{f.name}" for f in functions if _writes(f, generic)}
    while True:  # callers of writers are writers, to a fixed point
        more = set()
        for module, functions in defs.items():
            names = _imported(modules[module]) | {f.name: f"{module}.{f.name}" for f in functions}
            for function in functions:
                for node in ast.walk(function):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Name)
                        and names.get(node.func.id) in found
                    ):
                        more.add(f"{module}.{function.name}")
        if more <= found:
            return found
        found |= more


# --- the workshop each change is made in -----------------------------------------------------------------


@dataclass
class Week:
    engine: Engine
    wid: int
    team_id: int
    point_id: int
    day_id: int
    question_id: int
    answer_id: int
    theme_id: int
    action_id: int
    proposal_id: int
    offer_id: int
    agreed_offer_id: int
    proposed_id: int


def _week(engine: Engine) -> Week:
    with acting(Actor(ByRole.COMMAND_LINE)):
        wid = workshops.create_workshop(engine, "Record week", "fac-pass", "lead-pass")
        team, _ = workshops.add_team(engine, wid, "Blue")
        other, _ = workshops.add_team(engine, wid, "Green")
        point = planning.save_main_point(engine, wid, "Reach new readers")
        day = planning.save_day(engine, wid, "Monday")
        planning.save_day(engine, wid, "Tuesday")
        question = planning.save_question(engine, wid, day.id or 0, "What works?", QuestionKind.TEXT)
        planning.save_question(engine, wid, day.id or 0, "And what not?", QuestionKind.TEXT)
        week.set_day_status(engine, wid, day.id or 0, DayStatus.OPEN)
        answer_id = answers.submit_answer(engine, team, answers.Answer(question.id or 0, "Storytime works")).id or 0
        theme_id = themes.create_theme(engine, wid, "Children first", [answer_id])
        action_id = actions.add_action(engine, wid, {"title": "Ask the schools"})
        proposal_id = proposals.save_proposal(engine, wid, {"title": "Chess club"})
        offers.add_offers(
            engine, wid, [Offer(name="Storytime", spaces={"learning": 2}), Offer(name="Makers", spaces={"meeting": 1})]
        )
        frame = offers.offers_frame(engine, wid)
        ids = dict(zip(frame["name"], map(int, frame["id"]), strict=True))
        mapping.set_mapping_phase(engine, wid, DayStatus.OPEN, MappingScope.ALL)
        entry = Contribution({"inspiration": 1, "learning": 2, "meeting": 0, "performative": 0}, 3)
        for someone in (team, other):
            mapping.save_mapping(engine, someone, ids["Makers"], entry, done=True)
        mapping.save_mapping(engine, team, ids["Storytime"], entry, done=True)
        proposed_id = mapping.propose_offer(engine, team, "Seed library", "Swap seeds", entry)
    return Week(
        engine,
        wid,
        team.id,
        point.id or 0,
        day.id or 0,
        question.id or 0,
        answer_id,
        theme_id,
        action_id,
        proposal_id,
        ids["Storytime"],
        ids["Makers"],
        proposed_id,
    )


@dataclass(frozen=True)
class Expected:
    """What a change leaves in the record: how many entries, of which kind, in the workshop (None: outside
    any workshop) or in a new one (`new_workshop`), and by whom (None: the test's author)."""

    kind: Kind
    entries: int = 1
    outside: bool = False
    new_workshop: bool = False
    by: Actor | None = None


Call = Callable[[Week], object]
E = Engine
# The registry: every service function that changes what the record keeps, how a person calls it, and what
# it leaves in the record.
CHANGES: dict[str, tuple[Call, Expected]] = {
    "planning.save_main_point": (
        lambda w: planning.save_main_point(w.engine, w.wid, "Be seen", point_id=None),
        Expected(Kind.MAIN_POINT),
    ),
    "planning.approve_main_point": (
        lambda w: planning.approve_main_point(
            w.engine,
            w.wid,
            planning.save_main_point(w.engine, w.wid, "Idea", role=Role.LEADERSHIP).id or 0,
            Role.FACILITATOR,
        ),
        Expected(Kind.MAIN_POINT, entries=2),
    ),
    "planning.delete_main_point": (
        lambda w: planning.delete_main_point(w.engine, w.wid, w.point_id),
        Expected(Kind.MAIN_POINT),
    ),
    "planning.move_main_point": (
        lambda w: planning.move_main_point(w.engine, w.wid, w.point_id, 1),
        Expected(Kind.MAIN_POINT),
    ),
    "planning.save_day": (
        lambda w: planning.save_day(w.engine, w.wid, "Monday morning", day_id=w.day_id),
        Expected(Kind.DAY),
    ),
    "planning.delete_day": (lambda w: planning.delete_day(w.engine, w.wid, w.day_id), Expected(Kind.DAY)),
    "planning.move_day": (lambda w: planning.move_day(w.engine, w.wid, w.day_id, 1), Expected(Kind.DAY)),
    "days.set_day_status": (
        lambda w: week.set_day_status(w.engine, w.wid, w.day_id, DayStatus.CLOSED),
        Expected(Kind.DAY),
    ),
    "planning.save_question": (
        lambda w: planning.save_question(w.engine, w.wid, w.day_id, "What works best?", question_id=w.question_id),
        Expected(Kind.QUESTION),
    ),
    "planning.delete_question": (
        lambda w: planning.delete_question(w.engine, w.wid, w.question_id),
        Expected(Kind.QUESTION),
    ),
    "planning.move_question": (
        lambda w: planning.move_question(w.engine, w.wid, w.question_id, 1),
        Expected(Kind.QUESTION),
    ),
    "themes.create_theme": (
        lambda w: themes.create_theme(w.engine, w.wid, "Makers", [w.answer_id]),
        Expected(Kind.THEME),
    ),
    "themes.update_theme": (
        lambda w: themes.update_theme(w.engine, w.wid, w.theme_id, "Children first", ThemeStatus.ADOPT, "We do it"),
        Expected(Kind.DECISION),
    ),
    "themes.set_theme_answers": (
        lambda w: themes.set_theme_answers(w.engine, w.wid, w.theme_id, []),
        Expected(Kind.THEME),
    ),
    "themes.add_to_theme": (
        lambda w: themes.add_to_theme(w.engine, w.wid, w.theme_id, [w.answer_id]),
        Expected(Kind.THEME),
    ),
    "reactions.set_reactions_open": (
        lambda w: reactions.set_reactions_open(w.engine, w.wid, w.theme_id, True),
        Expected(Kind.THEME),
    ),
    "themes.delete_theme": (lambda w: themes.delete_theme(w.engine, w.wid, w.theme_id), Expected(Kind.THEME)),
    "actions.add_action": (
        lambda w: actions.add_action(w.engine, w.wid, {"title": "Call the school"}),
        Expected(Kind.ACTION),
    ),
    "actions.set_action_status": (
        lambda w: actions.set_action_status(w.engine, w.wid, w.action_id, ActionStatus.DONE),
        Expected(Kind.ACTION),
    ),
    "proposals.record_verdict": (
        lambda w: proposals.record_verdict(w.engine, w.wid, w.proposal_id, "no", "Not our aim"),
        Expected(Kind.VERDICT),
    ),
    "mapping_review.accept": (
        lambda w: mapping_review.accept(
            w.engine,
            w.wid,
            w.offer_id,
            Contribution({"inspiration": 0, "learning": 3, "meeting": 0, "performative": 0}, 4),
        ),
        Expected(Kind.MAPPING_DECISION),
    ),
    "mapping_review.accept_agreed": (
        lambda w: mapping_review.accept_agreed(w.engine, w.wid),
        Expected(Kind.MAPPING_DECISION, 2),
    ),
    "mapping_review.accept_proposal": (
        lambda w: mapping_review.accept_proposal(w.engine, w.wid, w.proposed_id),
        Expected(Kind.MAPPING_DECISION),
    ),
    "lifecycle.add_team": (lambda w: workshops.add_team(w.engine, w.wid, "Red"), Expected(Kind.ROLE)),
    "teams.rename_team": (lambda w: teams.rename_team(w.engine, w.wid, w.team_id, "Navy"), Expected(Kind.ROLE)),
    "teams.delete_team": (lambda w: teams.delete_team(w.engine, w.wid, w.team_id), Expected(Kind.ROLE)),
    "teams.regenerate_code": (lambda w: teams.regenerate_code(w.engine, w.wid, w.team_id), Expected(Kind.ROLE)),
    "teams.regenerate_all_codes": (
        lambda w: teams.regenerate_all_codes(w.engine, w.wid),
        Expected(Kind.ROLE, entries=2),
    ),
    "lifecycle.create_workshop": (
        lambda w: workshops.create_workshop(w.engine, "Next week", "fac-pass-2", "lead-pass-2", "four_spaces_week"),
        Expected(Kind.ROLE, new_workshop=True),
    ),
    "carry_over.new_from": (
        lambda w: carry_over.new_from(w.engine, w.wid, "Next year", "fac-pass-3", "lead-pass-3"),
        Expected(Kind.ROLE, new_workshop=True),
    ),
    "owner.set_owner_code": (
        lambda w: owner.set_owner_code(w.engine, "long enough owner passcode"),
        Expected(Kind.ROLE, outside=True),
    ),
    "owner.claim_owner": (
        lambda w: owner.claim_owner(
            w.engine,
            owner.issue_setup_code(w.engine)[0],
            "long enough owner passcode",
            session="s",
            sleep=lambda _: None,
        ),
        Expected(Kind.ROLE, outside=True),
    ),
    "demo.create_demo": (
        lambda w: demo.create_demo(w.engine, replace=False),
        Expected(Kind.ROLE, 7, new_workshop=True, by=DEMO),
    ),
    "demo_language.demo_in": (
        lambda w: demo_language.demo_in(w.engine, "nb"),
        Expected(Kind.ROLE, 7, new_workshop=True, by=DEMO),
    ),
    "demo_language.for_visitor": (
        lambda w: demo_language.for_visitor(
            w.engine, workshops.get_workshop(w.engine, demo.create_demo(w.engine)), "da"
        ),
        Expected(Kind.ROLE, 14, new_workshop=True, by=DEMO),
    ),
    "sign_in.save_rules": (
        lambda w: sign_in.save_rules(
            w.engine, w.wid, identity.rules_from_text("ada@library.example", "", "", "library-leaders", "code")
        ),
        Expected(Kind.ROLE),
    ),
    "sign_in.import_roster": (
        lambda w: sign_in.import_roster(
            w.engine, w.wid, SourceTable(["E-mail", "Team"], [["ole@library.example", "Blue"]], [2])
        ),
        Expected(Kind.ROLE),
    ),
}


def test_every_service_that_changes_what_the_record_keeps_is_in_the_registry() -> None:
    found = writers()
    assert "planning.save_main_point" in found and "mapping_review._accept" in found  # the scan sees them
    missing = sorted(found - set(CHANGES) - set(NOT_RECORDED) - {w for w in found if w.split(".")[1].startswith("_")})
    assert missing == [], f"add these to CHANGES (and make them record who changed what): {missing}"
    private = sorted(w for w in found if w.split(".")[1].startswith("_") and w not in NOT_RECORDED)
    callers_known = all(any(c.startswith(p.split(".")[0] + ".") for c in CHANGES) for p in private)
    assert callers_known, private
    assert sorted(set(CHANGES) - found) == [], "the registry names a function the scan does not find"
    assert sorted(set(NOT_RECORDED) - found) == [], "an exemption for a function that no longer writes"


@contextmanager
def _transactions_without_a_record(engine: Engine) -> Iterator[list[set[str]]]:
    """The tables each committed transaction changed of those the record keeps, for every transaction that
    recorded nothing: a change in one transaction and its record in another would not be all or nothing."""
    found: list[set[str]] = []

    def seen(conn: Connection, clause: object, *_: object) -> None:
        if isinstance(clause, UpdateBase):
            conn.info.setdefault(SEEN, set()).add(clause.table.name)  # type: ignore[union-attr]

    def committed(conn: Connection) -> None:
        changed = conn.info.pop(SEEN, set())
        if changed & RECORDED_TABLES and history_table.name not in changed:
            found.append(changed & RECORDED_TABLES)

    def begun(conn: Connection) -> None:  # a pooled connection's info outlives its earlier transactions
        conn.info.pop(SEEN, None)

    listeners = [("begin", begun), ("after_execute", seen), ("commit", committed)]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield found
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


SEEN = "changed_what_the_record_keeps"


def _entries(engine: Engine) -> list[dict[str, object]]:
    with read(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(select(history_table).order_by(history_table.c.id))]


@pytest.mark.oidc
@pytest.mark.parametrize("name", sorted(CHANGES))
def test_each_change_leaves_its_record_with_its_author(engine: Engine, name: str) -> None:
    call, expected = CHANGES[name]
    made = _week(engine)
    before = len(_entries(engine))
    with acting(AUTHOR), _transactions_without_a_record(engine) as unrecorded:
        call(made)
    if expected.by is None:  # the demo makes its made-up week without recording it (NOT_RECORDED)
        assert unrecorded == [], "a transaction changed what the record keeps and recorded nothing"
    new = _entries(engine)[before:]
    mine = [e for e in new if e["kind"] == expected.kind.value]
    assert len(mine) == expected.entries, new
    by = expected.by or AUTHOR
    assert {(e["by_role"], e["by_name"], e["by_email"]) for e in new} == {(by.role.value, by.name, by.email)}
    if expected.outside:
        assert {e["workshop_id"] for e in new} == {None}
    elif expected.new_workshop:
        assert made.wid not in {e["workshop_id"] for e in new} and None not in {e["workshop_id"] for e in new}
    else:
        assert {e["workshop_id"] for e in new} == {made.wid}


def test_a_change_that_fails_leaves_no_record_and_one_without_an_author_is_refused(engine: Engine) -> None:
    made = _week(engine)
    before = _entries(engine)
    with acting(AUTHOR), pytest.raises(Exception):  # noqa: B017 - any refusal: the point is what is left
        planning.save_question(made.engine, made.wid, made.day_id, "x" * 100_000, question_id=made.question_id)
    token = history._ACTING.set(None)
    try:
        with pytest.raises(history.NoOneActing):
            planning.save_day(made.engine, made.wid, "Nobody's day")
    finally:
        history._ACTING.reset(token)
    assert _entries(engine) == before
    assert [d.title for d in week.list_days(engine, made.wid)] == ["Monday", "Tuesday"]
