"""A newcomer opens the app: the demo home, then every page of every role, with no error anywhere and no
serious or critical WCAG 2.2 A/AA violation that axe-core finds (issue 13.7)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e import axe
from tests.e2e.conftest import FIGURES, Server
from tests.e2e.driver import demo_made, en, errors_on, go_to, join_team, nav_titles, open_app, sign_in_staff
from ui.navigation import BY_ROLE
from workshop.config.templates import demo
from workshop.domain.model import DayStatus, Role
from workshop.services.loop.votes import list_votes, set_vote_open
from workshop.services.partnership.proposals import list_proposals, set_proposal_open
from workshop.services.register.mapping import mapping_phase, set_mapping_phase

pytestmark = pytest.mark.e2e


def demo_codes_on_home(page: Any) -> dict[str, str]:
    """The codes the demo home page shows a newcomer: role -> passcode, team name -> team code."""
    notice = page.get_by_test_id("stAlertContainer").filter(has_text="Facilitator passcode").inner_text()
    codes = {
        "facilitator": re.search(r"Facilitator passcode: (\S+)", notice).group(1),  # type: ignore[union-attr]
        "leadership": re.search(r"Leadership passcode: (\S+)", notice).group(1),  # type: ignore[union-attr]
    }
    teams_line = page.get_by_text(en("home.demo_team_codes")).inner_text()
    for pair in teams_line.split(":", 1)[1].split(","):
        name, code = pair.rsplit(":", 1)
        codes[name.strip()] = code.strip()
    return codes


def test_the_demo_home_is_drawn_with_its_codes_and_nothing_stray(new_page: Any, shots: Any) -> None:
    drawn = []
    for visit in ("first visit", "second visit"):  # the first one may also build the demo database
        page = new_page()
        open_app(page)
        drawn.append(page.evaluate("performance.now()"))
        FIGURES.append(f"demo home, {visit}: fully drawn {drawn[-1]:.0f} ms after navigation start")
    print(f"demo home fully drawn in {drawn[0]:.0f} ms, then {drawn[1]:.0f} ms")
    shots(page, "home")
    expect(page.get_by_role("heading", level=1)).to_contain_text(demo().name)
    expect(page.get_by_text(en("home.model_title"), exact=True)).to_be_visible()
    assert errors_on(page) == []
    # Nothing the newcomer should not see: no raw data dumped by a stray expression.
    expect(page.get_by_test_id("stJson")).to_have_count(0)
    codes = demo_codes_on_home(page)
    assert codes["facilitator"] == demo().facilitator_code == "facilitate-demo"
    assert codes["leadership"] == demo().leadership_code == "lead-demo"
    assert {t.name: t.code for t in demo().teams}.items() <= codes.items()
    axe.require_axe()
    problems = axe.violations(page, "signed out / home")
    assert not problems, axe.report(problems)


@contextmanager
def every_phase_on(database_url: str) -> Iterator[None]:
    """The demo with its mapping, a vote and a proposal open and its decisions published, so that a team's
    menu holds every page it can have (workshop.domain.phases); put back as it was afterwards."""
    engine, wid = demo_made(database_url)
    mapping = mapping_phase(engine, wid).status
    vote, proposal = list_votes(engine, wid)[0], list_proposals(engine, wid)[0]
    set_mapping_phase(engine, wid, status=DayStatus.OPEN)
    set_vote_open(engine, wid, int(vote.id or 0), True)
    set_proposal_open(engine, wid, int(proposal.id or 0), True)
    try:
        yield
    finally:
        set_mapping_phase(engine, wid, status=mapping)
        set_vote_open(engine, wid, int(vote.id or 0), vote.is_open)
        set_proposal_open(engine, wid, int(proposal.id or 0), proposal.is_open)
        engine.dispose()


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_every_page_in_the_menu_of_a_role_renders_without_error_and_passes_axe(
    new_page: Any, shots: Any, server: Server, role: Role
) -> None:
    axe.require_axe()
    page = new_page()
    open_app(page)
    with every_phase_on(server.database_url) if role == Role.TEAM else nullcontext():
        _every_page_of(page, shots, role)


def _every_page_of(page: Any, shots: Any, role: Role) -> None:
    codes = demo_codes_on_home(page)
    if role == Role.TEAM:
        team = demo().teams[0]
        join_team(page, codes[team.name], team.name)
    else:
        sign_in_staff(page, role.value, codes[role.value])
    shots(page, "home-signed-in")
    titles = nav_titles(page)
    expected = [en("nav.home")] + [en(key) for _, key, _ in BY_ROLE[role]]
    assert set(expected) <= set(titles), f"the {role.value} menu lacks {set(expected) - set(titles)}"
    assert (en("nav.workshops") in titles) == (role == Role.FACILITATOR)
    problems: list[str] = []
    before = len(axe.SECONDS)
    for title in titles:
        go_to(page, title)
        shots(page, title)
        assert errors_on(page) == [], f"{role.value} on {title!r}"
        expect(page.get_by_text(en("gate.not_allowed"))).to_have_count(0)
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        expect(page.get_by_test_id("stJson")).to_have_count(0)
        problems += axe.violations(page, f"{role.value} / {title}")
    spent = axe.SECONDS[before:]
    FIGURES.append(f"axe-core on the {role.value}'s {len(spent)} pages: {sum(spent):.1f} s of the journey")
    assert not problems, axe.report(problems)
