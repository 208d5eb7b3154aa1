"""Deletes reach cached reads: a delete in a table also changes, through ON DELETE CASCADE / SET NULL,
tables the statement does not name, and every cached read (ui/data.py) must see that at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit as st
from pydantic import BaseModel
from sqlalchemy import Engine, select

from tests.conftest import database_url, demo_copy
from ui.cache import forget_all
from workshop.domain import consolidation as cons
from workshop.domain.model import Action, Offer
from workshop.domain.profile import PAIRS
from workshop.domain.screening import team_rater
from workshop.services.loop.actions import add_action
from workshop.services.loop.themes import create_theme
from workshop.services.loop.votes import open_vote
from workshop.services.partnership.proposals import list_proposals
from workshop.services.register.offers import add_offers, set_target_groups
from workshop.services.register.profile_ratings import rate_profile
from workshop.services.register.strengths import save_weights
from workshop.services.week.answers import save_draft
from workshop.services.week.comments import add_comment
from workshop.services.week.morning import set_quotes
from workshop.services.workshops.lifecycle import add_team, create_workshop, delete_workshop, list_teams
from workshop.store import make_engine, migrate, write
from workshop.store.tables import days, metadata, questions, responses
from workshop.store.versions import delete_reaches

ALL = cons.Filters()
# How each cached read of ui/data.py is called for the workshop `w` (ids: the fixture's rows). A new cached
# read needs one line here (test_every_cached_read_is_checked fails until it has one).
READ_ARGS: dict[str, Callable[[int, dict[str, Any]], tuple[Any, ...]]] = {
    "answer_labels": lambda w, ids: (w,),
    "answers_frame": lambda w, ids: (w,),
    "answers_of": lambda w, ids: (w, ids["responses"]),
    "list_days": lambda w, ids: (w,),
    "list_main_points": lambda w, ids: (w,),
    "list_questions": lambda w, ids: (w,),
    "week_plan": lambda w, ids: (w,),
    "list_target_groups": lambda w, ids: (w,),
    "list_teams": lambda w, ids: (w,),
    "get_workshop": lambda w, ids: (w,),
    "team_sheet": lambda w, ids: (w, ids["team"]),
    "load_weights": lambda w, ids: (w,),
    "week_log": lambda w, ids: (w, ids["closed_day"], ids["commented_question"], True),
    "offer_details": lambda w, ids: (w,),
    "offers_frame": lambda w, ids: (w,),
    "overview_against_the_gaps": lambda w, ids: (w, ALL),
    "overview_by_main_point": lambda w, ids: (w, ALL),
    "overview_choices": lambda w, ids: (w, ALL),
    "overview_key_terms": lambda w, ids: (w, ALL, ("en", "da")),
    "overview_options": lambda w, ids: (w,),
    "overview_participation": lambda w, ids: (w, ALL),
    "overview_ratings": lambda w, ids: (w, ALL),
    "overview_side_by_side": lambda w, ids: (w, ALL),
    "overview_unthemed": lambda w, ids: (w, ALL),
    "partner_register": lambda w, ids: (w,),
    "partners_by_space": lambda w, ids: (w,),
    "partners_frame": lambda w, ids: (w,),
    "partners_by_target_group": lambda w, ids: (w,),
    "stage_history": lambda w, ids: (w,),
    "profile_frame": lambda w, ids: (w,),
    "question_labels": lambda w, ids: (w,),
    "register_frame": lambda w, ids: (w,),
    "staff_ratings": lambda w, ids: (w,),
    "workshop_scores": lambda w, ids: (w,),
    "team_outcomes": lambda w, ids: (w, ids["team"]),
    "reactions_frame": lambda w, ids: (w,),
    "mapping_phase": lambda w, ids: (w,),
    "morning_board": lambda w, ids: (w,),
    "morning_desk": lambda w, ids: (w,),
    "mapping_review": lambda w, ids: (w,),
    "mapping_proposals": lambda w, ids: (w,),
    "list_proposals": lambda w, ids: (w,),
    "screening_cards": lambda w, ids: (w,),
    "own_screening": lambda w, ids: (w, ids["proposal"], ids["rater"]),
    "team_phases": lambda w, ids: (w,),
    "staff_beside_register": lambda w, ids: (
        w,
        dict.fromkeys(("inspiration", "learning", "meeting", "performative"), 3),
    ),
}


# The tables whose deletes reach further than themselves, from the foreign keys, and that some cached read
# depends on (a table no cached read names, like the dot votes read afresh on each run, cannot go stale).
def _cached_tables() -> set[str]:
    from ui import data

    return {name for f in vars(data).values() for name in getattr(f, "tables", ())}


PARENTS = sorted(t for t in metadata.tables if delete_reaches(t) != {t} and delete_reaches(t) & _cached_tables())


def outcome(read: Callable[..., Any], *args: Any) -> Any:
    """What a read shows, or the error it raises (a read of a deleted workshop may refuse)."""
    try:
        return plain(read(*args))
    except Exception as error:  # compared with the fresh read, not hidden
        return ("raised", type(error).__name__)


def cached_reads() -> dict[str, Any]:
    from ui import data

    return {name: f for name, f in vars(data).items() if hasattr(f, "tables")}


def plain(value: Any) -> Any:
    """A value as nested lists, dicts and scalars, so that two reads compare by content."""
    if isinstance(value, pd.DataFrame):
        return [list(map(str, value.columns)), list(map(str, value.index)), value.astype(str).values.tolist()]
    if isinstance(value, pd.Series):
        return [list(map(str, value.index)), value.astype(str).tolist()]
    if isinstance(value, BaseModel):
        return plain(value.model_dump())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return value


@pytest.fixture(params=["sqlite", "postgresql"])
def app_engine(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = database_url(request.param, tmp_path, migrated=True)
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", url)
    st.cache_data.clear()  # the PostgreSQL URL is the same in every test: start from an empty cache
    forget_all()
    engine = make_engine(url)
    migrate(engine)
    yield engine
    st.cache_data.clear()
    forget_all()
    engine.dispose()


def full_workshop(engine: Engine) -> tuple[int, dict[str, Any]]:
    """The demo week plus a row in every table a delete can reach: drafts, themes, actions, ratings..."""
    wid = demo_copy(engine)
    team = list_teams(engine, wid)[0]
    with engine.connect() as conn:
        question_ids = tuple(conn.execute(select(questions.c.id).where(questions.c.workshop_id == wid)).scalars())
        answer_ids = tuple(conn.execute(select(responses.c.id).where(responses.c.workshop_id == wid)).scalars())
        open_question = conn.execute(
            select(questions.c.id).join(days, days.c.id == questions.c.day_id).where(days.c.status == "open")
        ).scalar()
        point_id = conn.execute(select(questions.c.main_point_id).where(questions.c.main_point_id.isnot(None))).scalar()
        closed_answer, closed_day, closed_question = conn.execute(
            select(responses.c.id, days.c.id, questions.c.id)
            .join(questions, questions.c.id == responses.c.question_id)
            .join(days, days.c.id == questions.c.day_id)
            .where(days.c.status == "closed", responses.c.workshop_id == wid)
        ).first() or (None, None, None)
    save_draft(engine, team, int(open_question or 0), "half a thought")
    add_comment(engine, team, int(closed_answer or 0), "A comment on the log")
    set_quotes(engine, wid, int(closed_day or 0), [int(closed_answer or 0)])  # the morning recap quotes it
    theme = create_theme(engine, wid, "More room to meet", answer_ids[:3], decision="Adopt")
    add_action(
        engine,
        wid,
        Action(title="Buy sofas", owner="Ana", theme_id=theme, main_point_id=point_id, due=dt.date(2026, 3, 1)),
    )
    rate_profile(engine, wid, dict.fromkeys(PAIRS, 1), team_id=team.id)
    rate_profile(engine, wid, dict.fromkeys(PAIRS, -1))
    set_target_groups(engine, wid, ["Children", "Seniors"])
    save_weights(engine, wid, {"learning": 2, "inspiration": 3, "meeting": 4, "performative": 5})
    open_vote(engine, wid, "Which theme first?", "themes", 3)  # a team's menu shows the vote (team_phases)
    proposal = list_proposals(engine, wid)[0]
    ids = {
        "questions": question_ids,
        "responses": answer_ids,
        "team": team.id,
        "proposal": proposal.id,
        "rater": team_rater(int(team.id or 0)),
        "closed_day": closed_day,
        "commented_question": closed_question,  # the log shows its answers and the comment on one of them
    }
    return wid, ids


def test_every_cached_read_is_checked() -> None:
    assert sorted(cached_reads()) == sorted(READ_ARGS)


def test_the_foreign_keys_say_which_tables_a_delete_reaches() -> None:
    assert delete_reaches("workshops") == set(metadata.tables) - {"settings", "sign_in_attempts", "data_versions"}
    assert delete_reaches("teams") == {
        "teams",
        "responses",
        "drafts",
        "profile_ratings",
        "theme_responses",
        "reactions",
        "vote_dots",
        "mappings",
        "comments",
        "recap_quotes",  # a quoted answer goes with its answer
        "screenings",  # a team's screening of a proposal goes with the team
        "asset_proposals",  # a team's proposals go with the team
        "partner_proposals",
        "person_answers",  # each person's own answers go with their team, as the team's answers do
        "person_dots",  # and their own dots, as the team's dots do
        "team_members",  # a signed-in person placed in the team (single sign-on) goes with it
    }
    assert delete_reaches("main_points") == {"main_points", "questions", "actions"}  # SET NULL, not followed on


@pytest.mark.parametrize("parent", PARENTS)
def test_a_delete_is_seen_by_every_cached_read_including_what_its_foreign_keys_cascade_to(
    app_engine: Engine, parent: str
) -> None:
    wid, ids = full_workshop(app_engine)
    reads = cached_reads()
    args = {name: READ_ARGS[name](wid, ids) for name in reads}
    before = {name: plain(read(*args[name])) for name, read in reads.items()}  # now in the cache
    table = metadata.tables[parent]
    with write(app_engine) as conn:
        key = table.c.id if parent == "workshops" else table.c.workshop_id
        conn.execute(table.delete().where(key == wid))
    if parent == "workshops":  # SQLite gives the next workshop the deleted one's id
        create_workshop(app_engine, "Next week", "facilitate-me", "lead-me-now")
    fresh = {name: outcome(read.__wrapped__, app_engine, *args[name]) for name, read in reads.items()}
    changed = [name for name in reads if fresh[name] != before[name]]
    assert changed, f"deleting the {parent} changed no read: the test would prove nothing"
    stale = [name for name in changed if outcome(reads[name], *args[name]) != fresh[name]]
    assert not stale, f"after deleting the {parent}, these cached reads still show the deleted rows: {stale}"


def test_a_new_workshop_shows_none_of_a_deleted_ones_offers_teams_or_ratings(app_engine: Engine) -> None:
    from ui import data

    wid = create_workshop(app_engine, "Old week", "facilitate-me", "lead-me-now")
    team = add_team(app_engine, wid, "Alpha")[0]
    add_offers(app_engine, wid, [Offer(name="Makerspace", spaces={"performative": 3})])
    rate_profile(app_engine, wid, dict.fromkeys(PAIRS, 2), team_id=team.id)
    assert len(data.offers_frame(wid)) == 1 and len(data.list_teams(wid)) == 1 and len(data.profile_frame(wid))
    delete_workshop(app_engine, wid)
    new = create_workshop(app_engine, "New week", "facilitate-me", "lead-me-now")
    assert data.offers_frame(new).empty and data.list_teams(new) == [] and data.profile_frame(new).empty
