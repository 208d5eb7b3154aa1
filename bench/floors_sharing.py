"""Floors and writes for the pages where teams and staff bring things in and weigh them: proposals and
their screening, assets, partner proposals, the staff mapping and its review, and the dot votes. Entries
here override bench.floors.PAGES. Each floor is the service reads its page makes on a run where its
caches are stale (the first page of proposals, the open votes); each write is one the page shows."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine

from bench.floor_writes import PageCost, _app, add_one_offer
from bench.synthetic import Fixture
from workshop.services.loop.votes import list_votes, open_vote
from workshop.services.partnership.partner_proposals import (
    partner_proposals_of,
    propose_partner,
    team_partner_proposals,
)
from workshop.services.partnership.proposals import list_proposals, save_proposal
from workshop.services.partnership.screening import screening_cards
from workshop.services.register.assets import add_asset, list_assets, pending_asset_proposals, team_asset_proposals
from workshop.services.register.mapping import mapping_phase, team_map_frame, team_mapping
from workshop.services.register.mapping_review import pending_proposals, review
from workshop.services.register.offers import list_target_groups, partners_frame
from workshop.services.workshops.lifecycle import list_teams


def _tag() -> str:
    return uuid.uuid4().hex[:8]


def add_one_proposal(engine: Engine, fx: Fixture) -> object:
    return save_proposal(engine, fx.workshop_id, {"title": f"Bench proposal {_tag()}", "proposer": "Bench"})


def add_one_asset(engine: Engine, fx: Fixture) -> object:
    return add_asset(engine, fx.workshop_id, f"Bench asset {_tag()}", "Added by the benchmark.")


def propose_one_partner(engine: Engine, fx: Fixture) -> object:
    return propose_partner(engine, fx.team, {"name": f"Bench partner {_tag()}", "reason": "We know them."})


def open_one_vote(engine: Engine, fx: Fixture) -> object:
    return open_vote(engine, fx.workshop_id, f"Bench vote {_tag()}", "themes", 3)


def _proposals(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    wid = fx.workshop_id
    return list_proposals(engine, wid), screening_cards(engine, wid), list_teams(engine, wid)


def _screening(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_proposals(engine, fx.workshop_id), partners_frame(engine, fx.workshop_id)


def _screening_cards(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return screening_cards(engine, fx.workshop_id)


def _assets(engine: Engine, fx: Fixture) -> object:
    """Staff see the list and the proposals waiting; a team its own proposals (both read here)."""
    _app(engine, fx)
    wid = fx.workshop_id
    return list_assets(engine, wid), pending_asset_proposals(engine, wid), team_asset_proposals(engine, fx.team)


def _partner_proposals(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return partner_proposals_of(engine, fx.workshop_id), team_partner_proposals(engine, fx.team)


def _mapping(engine: Engine, fx: Fixture) -> object:
    """The team's share of offers to map and its map of them."""
    _app(engine, fx)
    state = team_mapping(engine, fx.team)
    wid = fx.workshop_id
    return state, team_map_frame(engine, fx.team, state), list_target_groups(engine, wid), partners_frame(engine, wid)


def _mapping_review(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    wid = fx.workshop_id
    return mapping_phase(engine, wid), review(engine, wid), pending_proposals(engine, wid)


def _votes(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_votes(engine, fx.workshop_id)


PAGES: dict[str, PageCost] = {
    "proposals.py": PageCost(_proposals, add_one_proposal, "proposal added"),
    "screening.py": PageCost(_screening, add_one_proposal, "proposal added"),
    "screening_cards.py": PageCost(_screening_cards, add_one_proposal, "proposal added"),
    "assets.py": PageCost(_assets, add_one_asset, "asset added"),
    "partner_proposals.py": PageCost(_partner_proposals, propose_one_partner, "partner proposed"),
    "mapping.py": PageCost(_mapping, add_one_offer, "offer added"),
    "mapping_review.py": PageCost(_mapping_review, add_one_offer, "offer added"),
    "spend_dots.py": PageCost(_votes, open_one_vote, "vote opened"),
    "dot_votes.py": PageCost(_votes, open_one_vote, "vote opened"),
}
