"""Every service write that names an item by its id says so when the item is not there (deleted in another
session meanwhile): NotFound, which the pages show through the one error edge — never a write that stores
nothing and returns as if it had (issue 24, item 7).

Two tests hold the class:
- every public service function that takes an item's id and writes is called with an id that no row has, on
  SQLite and PostgreSQL, and raises NotFound; the list is checked against the services by introspection, so
  a new such function cannot be left out;
- every UPDATE or DELETE of rows by their id in workshop/services checks what it changed (the `changed`
  helper, or its rowcount): a check before the write leaves a gap on PostgreSQL in which another session's
  delete makes the write match no row."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

import workshop.services as services
from tests.unit.week_fixture import Week, build_week
from workshop.domain.errors import NotFound
from workshop.domain.mapping import Contribution
from workshop.domain.model import ActionStatus, DayStatus, Offer, QuestionKind, Role, ThemeStatus
from workshop.domain.voices import device_person
from workshop.services.access import sign_in
from workshop.services.loop import actions, own_votes, reactions, themes, votes
from workshop.services.partnership import partner_proposals, partners, proposals, screening
from workshop.services.register import assets, mapping, mapping_review, offers, profile_ratings
from workshop.services.register import stages as partner_history
from workshop.services.week import answers, comments, morning, planning, teams, voices
from workshop.services.week import days as week
from workshop.services.whole import carry_over

GONE = 987_654  # an id no row has
ROOT = Path(__file__).resolve().parents[2]
SPACES = {"inspiration": 1, "learning": 2, "meeting": 0, "performative": 0}
CONTRIBUTION = Contribution(spaces=SPACES, strength=3)
FIELDS = {"name": "Nordby Chess", "sector": "civil_society", "stage": "cooperation"}
SCREENED = [{"question": 1, "answer": "yes", "note": ""}]
# Each write that names an item by id, called with GONE for that item (its workshop, team and other values
# real and valid, so nothing but the missing item can stop it).
Call = Callable[[Engine, Week], Any]


def _day(engine: Engine, week_: Week) -> int:
    return int(week.list_days(engine, week_.workshop_id)[0].id or 0)


WRITES: dict[str, Call] = {
    "actions.set_action_status": lambda e, w: actions.set_action_status(e, w.workshop_id, GONE, ActionStatus.DONE),
    "answers.save_draft": lambda e, w: answers.save_draft(e, w.teams["Alpha"], GONE, "half"),
    "answers.submit_answer": lambda e, w: answers.submit_answer(e, w.teams["Alpha"], answers.Answer(GONE, "x")),
    "assets.decide_asset_proposal": lambda e, w: assets.decide_asset_proposal(e, w.workshop_id, GONE, True),
    "assets.delete_asset": lambda e, w: assets.delete_asset(e, w.workshop_id, GONE),
    "assets.move_asset": lambda e, w: assets.move_asset(e, w.workshop_id, GONE, 1),
    "assets.update_asset": lambda e, w: assets.update_asset(e, w.workshop_id, GONE, "Makerspace", ""),
    "carry_over.new_from": lambda e, w: carry_over.new_from(e, GONE, "Next year", "facilitate-fx2", "lead-fixture2"),
    "comments.add_comment": lambda e, w: comments.add_comment(e, w.teams["Alpha"], GONE, "Agreed"),
    "comments.delete_comment": lambda e, w: comments.delete_comment(e, w.teams["Alpha"], GONE),
    "comments.edit_comment": lambda e, w: comments.edit_comment(e, w.teams["Alpha"], GONE, "Agreed"),
    "comments.set_hidden": lambda e, w: comments.set_hidden(e, w.workshop_id, GONE, True),
    "mapping.save_mapping": lambda e, w: (
        mapping.set_mapping_phase(e, w.workshop_id, DayStatus.OPEN),
        mapping.save_mapping(e, w.teams["Alpha"], GONE, CONTRIBUTION, False),
    ),
    "mapping_review.accept": lambda e, w: mapping_review.accept(e, w.workshop_id, GONE, CONTRIBUTION),
    "mapping_review.accept_proposal": lambda e, w: mapping_review.accept_proposal(e, w.workshop_id, GONE),
    "morning.set_quotes": lambda e, w: morning.set_quotes(e, w.workshop_id, GONE, []),
    "offers.save_register": lambda e, w: offers.save_register(
        e, w.workshop_id, {GONE: {"name": "Chess club", **SPACES}}, []
    ),
    "stages.add_stage_change": lambda e, w: partner_history.add_stage_change(
        e, w.workshop_id, GONE, "cooperation", dt.date(2026, 1, 5)
    ),
    "stages.delete_stage_change": lambda e, w: partner_history.delete_stage_change(e, w.workshop_id, GONE),
    "partner_proposals.decide_partner_proposal": lambda e, w: partner_proposals.decide_partner_proposal(
        e, w.workshop_id, GONE, True
    ),
    "partners.delete_partner": lambda e, w: partners.delete_partner(e, w.workshop_id, GONE),
    "partners.edit_partner": lambda e, w: partners.edit_partner(e, w.workshop_id, GONE, FIELDS),
    "planning.approve_main_point": lambda e, w: planning.approve_main_point(e, w.workshop_id, GONE, Role.LEADERSHIP),
    "planning.delete_day": lambda e, w: planning.delete_day(e, w.workshop_id, GONE),
    "planning.delete_main_point": lambda e, w: planning.delete_main_point(e, w.workshop_id, GONE),
    "planning.delete_question": lambda e, w: planning.delete_question(e, w.workshop_id, GONE),
    "planning.move_day": lambda e, w: planning.move_day(e, w.workshop_id, GONE, 1),
    "planning.move_main_point": lambda e, w: planning.move_main_point(e, w.workshop_id, GONE, 1),
    "planning.move_question": lambda e, w: planning.move_question(e, w.workshop_id, GONE, 1),
    "planning.save_day": lambda e, w: planning.save_day(e, w.workshop_id, "Friday", day_id=GONE),
    "planning.save_main_point": lambda e, w: planning.save_main_point(e, w.workshop_id, "Rooms", point_id=GONE),
    "planning.save_question": lambda e, w: planning.save_question(e, w.workshop_id, GONE, "Why?", QuestionKind.TEXT),
    "planning.save_question(question_id)": lambda e, w: planning.save_question(
        e, w.workshop_id, _day(e, w), "Why?", QuestionKind.TEXT, question_id=GONE
    ),
    "profile_ratings.rate_profile": lambda e, w: profile_ratings.rate_profile(e, w.workshop_id, {}, GONE),
    "proposals.delete_proposal": lambda e, w: proposals.delete_proposal(e, w.workshop_id, GONE),
    "proposals.record_verdict": lambda e, w: proposals.record_verdict(e, w.workshop_id, GONE, "yes", "Fits"),
    "proposals.save_proposal": lambda e, w: proposals.save_proposal(e, w.workshop_id, {"title": "Chess"}, GONE),
    "proposals.set_proposal_open": lambda e, w: proposals.set_proposal_open(e, w.workshop_id, GONE, False),
    "reactions.react": lambda e, w: reactions.react(e, w.teams["Alpha"], GONE, "agree"),
    "reactions.set_reactions_open": lambda e, w: reactions.set_reactions_open(e, w.workshop_id, GONE, False),
    "screening.screen_as_facilitator": lambda e, w: (  # the facilitator screens in a workshop without teams
        [teams.delete_team(e, w.workshop_id, int(t.id or 0)) for t in w.teams.values()],
        screening.screen_as_facilitator(e, w.workshop_id, GONE, SCREENED),
    ),
    "screening.screen_as_team": lambda e, w: screening.screen_as_team(e, w.teams["Alpha"], GONE, SCREENED),
    "teams.delete_team": lambda e, w: teams.delete_team(e, w.workshop_id, GONE),
    "teams.regenerate_code": lambda e, w: teams.regenerate_code(e, w.workshop_id, GONE),
    "sign_in.remember_team": lambda e, w: sign_in.remember_team(e, w.workshop_id, "ana@library.example", GONE),
    "teams.rename_team": lambda e, w: teams.rename_team(e, w.workshop_id, GONE, "Omega"),
    "themes.add_to_theme": lambda e, w: themes.add_to_theme(e, w.workshop_id, GONE, []),
    "themes.delete_theme": lambda e, w: themes.delete_theme(e, w.workshop_id, GONE),
    "themes.set_theme_answers": lambda e, w: themes.set_theme_answers(e, w.workshop_id, GONE, []),
    "themes.update_theme": lambda e, w: themes.update_theme(e, w.workshop_id, GONE, "Rooms", ThemeStatus.OPEN, ""),
    "votes.set_vote_open": lambda e, w: votes.set_vote_open(e, w.workshop_id, GONE, False),
    "votes.spend_dot": lambda e, w: votes.spend_dot(e, w.teams["Alpha"], GONE, GONE),
    "own_votes.spend_own_dot": lambda e, w: own_votes.spend_own_dot(e, w.teams["Alpha"], device_person(), GONE, GONE),
    "voices.submit_own_answer": lambda e, w: voices.submit_own_answer(
        e, w.teams["Alpha"], device_person(), answers.Answer(GONE, rating=3)
    ),
    "days.set_day_status": lambda e, w: week.set_day_status(e, w.workshop_id, GONE, DayStatus.OPEN),
}
# Writes that take an item's id without being asked to change that item: carry_over.new_from copies an
# earlier workshop (in WRITES all the same), and the workshop-wide writes below act on the workshop a session
# is signed in to, which the gate checks on every run (a deleted workshop ends its sessions with a message).
NOT_AN_ITEM = {"workshop_id"}
# The writes whose item's id comes inside their argument (Answer.question_id), which introspection cannot see.
ANSWER = {"answers.submit_answer", "voices.submit_own_answer"}


def _item_writes() -> set[str]:
    """Every public service function that takes an item's id (a parameter `<item>_id`, or the register's
    rows by offer id) and writes, found in the services' source: through write() or another such function."""
    found: dict[str, tuple[bool, set[str]]] = {}
    for info in pkgutil.walk_packages(services.__path__, f"{services.__name__}."):
        module = importlib.import_module(info.name)
        short_name = info.name.rsplit(".", 1)[1]
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(function).parameters)
            if params[:1] != ["engine"]:  # a step inside a caller's transaction (conn): tested through the caller
                continue
            takes_id = any(p.endswith("_id") and p not in NOT_AN_ITEM for p in params) or "updated" in params
            source = inspect.getsource(function)
            calls = {
                n.func.id
                for n in ast.walk(ast.parse(source.strip()))
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            }
            found[f"{short_name}.{name}"] = (takes_id and "write(" in source, calls | {name} if takes_id else set())
    direct = {name for name, (writes, _) in found.items() if writes}
    short = {name.split(".")[1] for name in direct}
    delegating = {name for name, (_, calls) in found.items() if calls - {name.split(".")[1]} & short}
    return direct | delegating


def test_the_list_of_writes_by_id_is_every_such_service_function() -> None:
    listed = {name.split("(")[0] for name in WRITES}
    assert _item_writes() - listed == set(), "a write by id the test does not call with a missing id"
    assert listed - _item_writes() == ANSWER, "listed, but no longer a write by id: update the list"


@pytest.mark.parametrize("name", list(WRITES))
def test_every_write_by_id_says_not_found_for_an_item_that_is_not_there(engine: Engine, name: str) -> None:
    week_ = build_week(engine)
    with pytest.raises(NotFound):
        WRITES[name](engine, week_)


def _vanishing(engine: Engine, table: str, row_id: int) -> Callable[..., None]:
    """A listener that deletes the row just before the first UPDATE of its table reaches the database, in the
    same transaction: what another session's delete does on PostgreSQL between a write's check and its UPDATE."""
    mark = "?" if engine.dialect.name == "sqlite" else "%s"

    def vanish(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(f"UPDATE {table.upper()} ") and not fired:
            fired.append(statement)
            cursor.connection.cursor().execute(f"DELETE FROM {table} WHERE id = {mark}", (row_id,))

    fired: list[str] = []
    vanish.fired = fired  # type: ignore[attr-defined]
    return vanish


def _offer(engine: Engine, wid: int) -> int:
    offers.add_offers(engine, wid, [Offer(name="Chess club", spaces={"learning": 2})])
    return int(offers.offers_frame(engine, wid)["id"].iloc[0])


# A table, how to make a row of it, and a write that checks the row first and then updates it.
RACES: dict[str, tuple[Callable[[Engine, int], int], Callable[[Engine, int, int], object]]] = {
    "themes": (
        lambda e, w: themes.create_theme(e, w, "Rooms"),
        lambda e, w, i: themes.update_theme(e, w, i, "Rooms", ThemeStatus.ADOPT, ""),
    ),
    "proposals": (
        lambda e, w: proposals.save_proposal(e, w, {"title": "Chess"}),
        lambda e, w, i: proposals.save_proposal(e, w, {"title": "Chess club"}, i),
    ),
    "offers": (_offer, lambda e, w, i: offers.save_register(e, w, {i: {"name": "Chess", **SPACES}}, [])),
}


@pytest.mark.parametrize("table", list(RACES))
def test_a_row_deleted_between_the_check_and_the_write_is_not_found(engine: Engine, table: str) -> None:
    wid = build_week(engine).workshop_id
    make, write_it = RACES[table]
    row_id = make(engine, wid)
    vanish = _vanishing(engine, table, row_id)
    event.listen(engine, "before_cursor_execute", vanish)
    try:
        with pytest.raises(NotFound):
            write_it(engine, wid, row_id)
    finally:
        event.remove(engine, "before_cursor_execute", vanish)
    assert vanish.fired  # type: ignore[attr-defined]


def _checked_writes(tree: ast.AST) -> list[tuple[int, str]]:
    """The UPDATEs and DELETEs of rows by their id (`.where(<table>.c.id == ...)`) run by `conn.execute(...)`
    whose result is not looked at: (line, source) of each."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "execute"):
            continue
        inner = [n for arg in node.args[:1] for n in ast.walk(arg)]
        writes = any(isinstance(n, ast.Attribute) and n.attr in ("update", "delete") for n in inner)
        by_id = any(
            isinstance(n, ast.Compare)
            and isinstance(n.left, ast.Attribute)
            and n.left.attr == "id"
            and isinstance(n.left.value, ast.Attribute)
            and n.left.value.attr == "c"
            for n in inner
        )
        parent = parents.get(node)
        looked_at = isinstance(parent, ast.Attribute) and parent.attr == "rowcount"
        if isinstance(parent, ast.Assign | ast.NamedExpr):  # `done = conn.execute(...)`, then done.rowcount
            looked_at = True
        if writes and by_id and not looked_at:
            found.append((node.lineno, ast.unparse(node)[:100]))
    return found


def test_every_update_or_delete_by_id_in_the_services_checks_what_it_changed() -> None:
    unchecked = {
        f"{path.name}:{line}": code
        for path in sorted((ROOT / "workshop" / "services").rglob("*.py"))
        for line, code in _checked_writes(ast.parse(path.read_text()))
    }
    assert unchecked == {}, "use workshop.services.rows.changed: it raises NotFound when no row was changed"
