"""The facilitator accepting one team's proposal in several tabs at the same moment: one tab wins, the
others are told it was decided already, and the register gains the partner once (the list the asset once)
— SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from tests.reliability.conftest import at_once, open_week
from workshop.domain.errors import InvalidInput
from workshop.services.partnership.partner_proposals import decide_partner_proposal, propose_partner
from workshop.services.register.assets import decide_asset_proposal, list_assets, propose_asset
from workshop.services.register.offers import partners_frame

TABS = 6


def all_at_once(act: Callable[[], object]) -> tuple[int, list[str]]:
    """Run `act` in TABS threads released together: how many succeeded, and the errors' fields."""
    done: list[object] = []
    errors = at_once(TABS, lambda _n: done.append(act()))
    refused = [str(e.params.get("field")) for e in errors if isinstance(e, InvalidInput)]
    assert [e for e in errors if not isinstance(e, InvalidInput)] == []  # a unique violation or a deadlock
    return len(done), refused


def test_tabs_accepting_one_proposal_at_once_add_it_once(engine: Engine) -> None:
    week = open_week(engine, teams=2)
    wid, team = week.workshop_id, week.teams[0]
    proposed = propose_partner(engine, team, {"name": "Nordby Job Centre", "contact": "Lise Holm"})
    assert all_at_once(lambda: decide_partner_proposal(engine, wid, proposed.id, True)) == (1, ["status"] * 5)
    assert list(partners_frame(engine, wid)["name"]) == ["Nordby Job Centre"]

    asset = propose_asset(engine, team, "Rooms for debates")
    assert all_at_once(lambda: decide_asset_proposal(engine, wid, asset, True)) == (1, ["status"] * 5)
    assert [a.title for a in list_assets(engine, wid)] == ["Rooms for debates"]
