"""The teams' mapping in the browser: the facilitator opens it, two teams map the same offer differently
(each in its own browser context), the facilitator sees the spread and decides; the register and the
scores then change exactly as the formula says (coverage = contribution x strength, summed per space)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Server, Shots, demo_database, page_factory, running_server
from tests.e2e.driver import choose, demo_made, en, errors_on, go_to, join_team, open_app, sign_in_staff, wait_for_app
from workshop.config.spaces import spaces
from workshop.config.templates import demo
from workshop.domain.model import SPACE_KEYS
from workshop.services.register.offers import offers_frame
from workshop.services.register.strengths import workshop_scores

pytestmark = pytest.mark.e2e

OFFER = "Language café"  # Adult services' offer; the demo register has it at 0, 2, 3, 0 with strength 5
TEAMS = {"Adult services": (0, 3, 1, 0, 5), "Local history": (0, 1, 3, 2, 3)}
DECIDED = (0, 3, 2, 0, 4)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: this journey changes the demo's register, which other journeys read."""
    folder = tmp_path_factory.mktemp("e2e-mapping")
    with running_server(demo_database(folder / "mapping.sqlite3"), folder / "streamlit.log") as started:
        yield started


def _pick_radio(page: Any, label: str, option: str) -> None:
    page.get_by_test_id("stRadio").filter(has_text=label).first.get_by_text(option, exact=True).click()
    wait_for_app(page)


def _map_as_team(page: Any, code: str, name: str, values: tuple[int, ...]) -> None:
    open_app(page)
    join_team(page, code, name)
    go_to(page, en("nav.mapping"))
    expect(page.get_by_text(en("mapping.progress", done=0, n=47))).to_be_visible()
    choose(page, page.get_by_test_id("stSelectbox").filter(has_text=en("mapping.jump")), OFFER)
    # The card must be the chosen offer's before its values are set: under load the jump's rerun can start
    # after wait_for_app has returned, and the values would then go to the offer shown before.
    expect(page.get_by_test_id("stText").filter(has_text=re.compile(f"^{re.escape(OFFER)}$")).first).to_be_visible(
        timeout=20_000
    )
    for key, value in zip(SPACE_KEYS, values, strict=False):
        space = spaces().space_name(key, "en")
        _pick_radio(page, space, str(value))
    _pick_radio(page, en("mapping.strength"), str(values[4]))
    page.get_by_role("button", name=en("mapping.save_next")).click()
    wait_for_app(page)
    expect(page.get_by_text(en("mapping.progress", done=1, n=47))).to_be_visible()
    assert errors_on(page) == []


def test_two_teams_map_an_offer_differently_and_the_facilitators_decision_changes_the_scores(
    browser: Any, own_server: Server
) -> None:
    shots = Shots("two_teams_map_an_offer_differently")
    codes = {t.name: t.code for t in demo().teams}
    with page_factory(browser, own_server) as make:
        boss = make()
        open_app(boss)  # the first visit creates the demo
        engine, wid = demo_made(own_server.database_url)
        before = workshop_scores(engine, wid).spaces.set_index("key")
        sign_in_staff(boss, "facilitator", demo().facilitator_code)
        go_to(boss, en("nav.mapping_review"))
        boss.get_by_role("button", name=en("review.open")).click()
        wait_for_app(boss)
        expect(boss.get_by_text(en("review.phase", status=en("day.open")))).to_be_visible()

        for name, values in TEAMS.items():
            team = make()
            _map_as_team(team, codes[name], name, values)
            shots(team, f"{name}-mapped")
        # Nothing reached the register yet.
        row = offers_frame(engine, wid).set_index("name").loc[OFFER]
        assert [int(row[k]) for k in (*SPACE_KEYS, "strength")] == [0, 2, 3, 0, 5]

        go_to(boss, en("nav.mapping_review"))
        card = boss.get_by_test_id("stVerticalBlock").filter(has_text=OFFER)
        card = card.filter(has=boss.get_by_role("button", name=en("review.accept"))).last
        # Three demo teams agreed with the register; the two new ones differ by 2 in learning and meeting.
        expect(card.get_by_text(en("review.widest", spread=2, n=5))).to_be_visible(timeout=20_000)
        for label, option in (("Learning space", "3"), ("Meeting space", "2"), (en("mapping.strength"), "4")):
            choose(boss, card.get_by_test_id("stSelectbox").filter(has_text=label), option)
        card.get_by_role("button", name=en("review.accept")).click()
        wait_for_app(boss)
        expect(boss.get_by_text(en("review.accepted", n=5))).to_be_visible()
        shots(boss, "resolved")
        assert errors_on(boss) == []

    row = offers_frame(engine, wid).set_index("name").loc[OFFER]
    assert tuple(int(row[k]) for k in (*SPACE_KEYS, "strength")) == DECIDED
    after = workshop_scores(engine, wid).spaces.set_index("key")
    # By hand: the offer gave learning 2 x 5 = 10 and meeting 3 x 5 = 15; now 3 x 4 = 12 and 2 x 4 = 8.
    change = {"inspiration": 0, "learning": 12 - 10, "meeting": 8 - 15, "performative": 0}
    for key in SPACE_KEYS:
        assert after.at[key, "coverage"] == pytest.approx(before.at[key, "coverage"] + change[key])
    total = sum(before.at[k, "coverage"] for k in SPACE_KEYS) - 5
    assert after.at["meeting", "share"] == pytest.approx((before.at["meeting", "coverage"] - 7) / total)
    assert after.at["meeting", "gap"] == pytest.approx(
        after.at["meeting", "target_share"] - after.at["meeting", "share"]
    )
    engine.dispose()
