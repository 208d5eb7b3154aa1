"""Issue 14: two workshops run the same week. On a freshly started server a team of each opens the join
link the command line printed and answers its own workshop's questions, never the other's."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.e2e.conftest import Server, free_port, page_factory, running_server
from tests.e2e.driver import en, errors_on, open_app
from workshop.domain.model import DayStatus
from workshop.services.week.days import set_day_status
from workshop.services.week.planning import save_day, save_question
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id
from workshop.store import make_engine, migrate

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Branch:
    name: str
    question: str
    team: str
    link: str = ""


BRANCHES = [
    Branch("Roskilde four spaces week", "Where do our readers meet each other?", "Roskilde children"),
    Branch("Aarhus partnership week", "Which partner should we ask first?", "Aarhus makers"),
]


@pytest.fixture
def two_workshops(tmp_path: Path) -> Iterator[tuple[Server, list[Branch]]]:
    """Two workshops, each with an open day and a team added by `python -m workshop add-team`, then a server started
    for this test alone (no session has run on it before the links are opened)."""
    database_url = f"sqlite:///{tmp_path / 'two.sqlite3'}"
    engine = make_engine(database_url)
    migrate(engine)
    port = free_port()
    branches, ids = [], []
    for branch in BRANCHES:
        wid = create_workshop(engine, branch.name, "facilitate-branch", "lead-the-branch")
        ids.append(wid)
        day = save_day(engine, wid, "Monday")
        save_question(engine, wid, int(day.id or 0), branch.question)
        set_day_status(engine, wid, int(day.id or 0), DayStatus.OPEN)
        # The real command, not run_cli: this test process hashes codes with cheap test parameters.
        added = subprocess.run(
            [
                sys.executable,
                "-m",
                "workshop",
                "add-team",
                str(wid),
                branch.team,
                "--app-url",
                f"http://127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env={**os.environ, "WORKSHOP_DATABASE_URL": database_url},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert added.returncode == 0, added.stderr
        branches.append(Branch(branch.name, branch.question, branch.team, added.stdout.strip().split("\t")[1]))
    assert current_workshop_id(engine) == ids[0]  # the second workshop's team can only get there by its link
    engine.dispose()
    with running_server(database_url, tmp_path / "streamlit.log", port) as started:
        yield started, branches


def test_a_team_of_each_workshop_joins_through_its_link_and_sees_only_its_own_questions(
    browser: Any, two_workshops: tuple[Server, list[Branch]], shots: Any
) -> None:
    server, branches = two_workshops
    with page_factory(browser, server) as make:
        pages = [make() for _ in branches]
        for page, branch in zip(pages, reversed(branches), strict=True):  # the not-current workshop's team first
            open_app(page, branch.link)  # the link joins and opens the team's answers page
            expect(page.get_by_test_id("stSidebar").get_by_text(branch.name, exact=True)).to_be_visible()
            shots(page, f"answer-{branch.team.split()[0].lower()}")
            expect(page.get_by_role("heading", level=1).first).to_have_text(en("nav.answer"))
            expect(page.get_by_text(en("answer.title", team=branch.team))).to_be_visible()
            expect(page.get_by_text(branch.question)).to_be_visible()
            other = next(b for b in branches if b is not branch)
            expect(page.get_by_text(other.question)).to_have_count(0)
            expect(page.get_by_text(other.name)).to_have_count(0)
            assert errors_on(page) == []
