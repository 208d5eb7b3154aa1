"""Roskilde's staff mapped by their own judgement (issue 26.7): a team's mapping of an offer starts blank, the
register's values shown only once the team has saved; the facilitator's setting pre-fills them instead."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.mapping import MappingScope
from workshop.domain.model import SPACE_KEYS, DayStatus, Role
from workshop.services.register.mapping import register_values, set_mapping_phase
from workshop.services.register.offers import offers_frame
from workshop.services.whole.demo import demo_ids
from workshop.services.workshops.lifecycle import get_workshop
from workshop.store import make_engine

ADULT_CODE = "HB4RTN"  # Adult services: not one of the three teams that mapped in the demo


def _open(url: str) -> tuple[Engine, int, int]:
    engine = make_engine(url)
    wid = demo_ids(engine)[0]
    set_mapping_phase(engine, wid, DayStatus.OPEN, MappingScope.OWN)
    frame = offers_frame(engine, wid)
    mapped = frame[(frame["owner_team"] == "Adult services") & frame[list(SPACE_KEYS)].gt(0).any(axis=1)]
    return engine, wid, int(mapped["id"].iloc[0])


def _team_page() -> AppTest:
    at = sign_in(fresh_app(), Role.TEAM, ADULT_CODE).switch_page("pages/mapping.py").run()
    assert errors_of(at) == []
    return at


def _register_caption(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if c.value.startswith("The register holds:")]


def test_a_teams_mapping_starts_blank_and_shows_the_register_once_saved(demo_db: str) -> None:
    fresh_app()  # the app makes the demo
    engine, wid, offer = _open(demo_db)
    at = _team_page()
    assert at.selectbox(key="mapping-current").value == offer
    assert [at.radio(key=f"map-{s}-{offer}").value for s in SPACE_KEYS] == [None] * 4
    assert at.radio(key=f"map-strength-{offer}").value is None
    assert _register_caption(at) == []  # not before the team has judged for itself
    at.radio(key=f"map-learning-{offer}").set_value(2).run()
    at.button(key=f"map-done-{offer}").click().run()
    assert [e.value for e in at.error] == ["Choose how strong the offer is (1–5) before saving."]  # none assumed
    at.radio(key=f"map-strength-{offer}").set_value(4).run()
    at.button(key=f"map-done-{offer}").click().run()
    assert errors_of(at) == []
    at.selectbox(key="mapping-current").set_value(offer).run()  # back to the offer just saved
    held = register_values(engine, wid, offer)
    [line] = _register_caption(at)
    assert f"Learning space {held.spaces['learning']}" in line and f"strength {held.strength}" in line
    assert at.radio(key=f"map-learning-{offer}").value == 2  # the team's own value, not the register's


def test_with_the_setting_on_the_mapping_starts_from_the_registers_values(demo_db: str) -> None:
    fresh_app()
    engine, wid, offer = _open(demo_db)
    review = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/mapping_review.py").run()
    review.toggle(key="mapping-prefill").set_value(True).run()
    assert errors_of(review) == [] and get_workshop(engine, wid).mapping_prefill
    at = _team_page()
    held = register_values(engine, wid, offer)
    assert [at.radio(key=f"map-{s}-{offer}").value for s in SPACE_KEYS] == [held.spaces[s] for s in SPACE_KEYS]
    assert at.radio(key=f"map-strength-{offer}").value == held.strength
