"""A team's menu holds what it needs now: its answers and the week log always, each phase's pages only
while that phase is on; Workshops is for the facilitator and the owner, not for teams or leadership."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import current_wid, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.loop.publication import set_published
from workshop.services.loop.votes import list_votes, set_vote_open
from workshop.services.partnership.proposals import list_proposals, set_proposal_open
from workshop.services.register.mapping import set_mapping_phase

ALWAYS = ["Home", "Privacy", "Our answers", "Week log", "Profile"]


def menu(at: AppTest) -> list[str]:
    """The titles of the sidebar menu's page links, in order (the whole app run: a switched-to page runs
    on its own in AppTest, without the sidebar)."""
    if not at.sidebar.get("page_link"):
        at.switch_page("app.py").run()
    return [link.proto.label for link in at.sidebar.get("page_link")]


def team_menu(db: Engine) -> list[str]:
    at = sign_in(fresh_app(), Role.TEAM)
    assert errors_of(at) == []
    return menu(at)


def test_with_nothing_open_a_team_sees_five_pages(db: Engine) -> None:
    set_published(db, current_wid(db), False)  # the demo has published its decisions: take that back
    assert team_menu(db) == ALWAYS


def test_while_the_mapping_is_open_a_team_sees_it_with_the_register_it_maps(db: Engine) -> None:
    set_published(db, current_wid(db), False)
    set_mapping_phase(db, current_wid(db), status=DayStatus.OPEN)
    mapping = ["Map our offers", "Offers", "Four-spaces map"]
    assert team_menu(db) == ["Home", "Privacy", "Our answers", *mapping, "Week log", "Profile"]
    set_mapping_phase(db, current_wid(db), status=DayStatus.CLOSED)
    assert team_menu(db) == ALWAYS


def test_while_a_vote_is_open_a_team_sees_the_vote(db: Engine) -> None:
    set_published(db, current_wid(db), False)
    set_vote_open(db, current_wid(db), int(list_votes(db, current_wid(db))[0].id or 0), True)
    assert team_menu(db) == ["Home", "Privacy", "Our answers", "Dot vote", "Week log", "Profile"]


def test_while_a_proposal_is_open_a_team_sees_screening_and_the_partnership_pages(db: Engine) -> None:
    set_published(db, current_wid(db), False)
    set_proposal_open(db, current_wid(db), int(list_proposals(db, current_wid(db))[0].id or 0), True)
    assert team_menu(db) == [
        "Home",
        "Privacy",
        "Our answers",
        "Screen proposals",
        "Partners",
        "Who do we know?",
        "Our assets",
        "Week log",
        "Profile",
    ]


def test_once_leadership_has_published_a_team_sees_you_said_we_decided(db: Engine) -> None:
    assert team_menu(db) == ["Home", "Privacy", "Our answers", "You said → we decided", "Week log", "Profile"]


@pytest.mark.parametrize("role", [Role.TEAM, Role.LEADERSHIP])
def test_teams_and_leadership_have_no_workshops_page(db: Engine, role: Role) -> None:
    at = sign_in(fresh_app(), role)
    assert "Workshops" not in menu(at)
    assert "Home" in menu(at)


def test_a_visitor_and_the_facilitator_still_have_the_workshops_page(db: Engine) -> None:
    at = fresh_app()
    assert "Workshops" in menu(at)
    assert "Workshops" in menu(sign_in(at, Role.FACILITATOR))
