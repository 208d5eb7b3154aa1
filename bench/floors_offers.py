"""Floors and writes for the offers pages; entries here override bench.floors.PAGES."""

from __future__ import annotations

import random
import uuid

from sqlalchemy import Engine

from bench.floor_writes import PageCost, _app, add_one_offer
from bench.synthetic import Fixture
from workshop.charts.network_circle import network_circle_figure
from workshop.charts.offer_map import map_points
from workshop.domain.model import RelationStage, Sector
from workshop.domain.profile import PAIRS, profile_summary
from workshop.services.partnership.partners import (
    add_partner,
    partner_register,
    partners_by_space,
    partners_by_target_group,
    weak_space_check,
)
from workshop.services.register.offers import list_target_groups, partners_frame, register_frame
from workshop.services.register.profile_ratings import profile_frame, rate_profile
from workshop.services.register.stages import stage_history
from workshop.services.register.strengths import load_weights, offer_details, staff_ratings, workshop_scores

PAGE_SIZE = 100  # ui.register.PAGE_SIZE: the register shows one page of offers
_rng = random.Random(89)


def add_one_partner(engine: Engine, fx: Fixture) -> object:
    return add_partner(engine, fx.workshop_id, {"name": f"Bench partner {uuid.uuid4().hex[:8]}"})


def rate_the_profile(engine: Engine, fx: Fixture) -> object:
    """Leadership rates the opposite pairs again, as the profile page does."""
    rate_profile(engine, fx.workshop_id, {pair: _rng.randint(-2, 2) for pair in PAIRS})
    return None


def _offers(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    frame = register_frame(engine, fx.workshop_id)
    groups = list_target_groups(engine, fx.workshop_id)
    partners = list(partners_frame(engine, fx.workshop_id)["name"])
    used = {c: {i for items in frame[c] for i in items} for c in ("target_groups", "partners", "tags")}
    return frame.iloc[:PAGE_SIZE], groups, partners, used


def _offer_map(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    frame = register_frame(engine, fx.workshop_id)
    return map_points(frame), list_target_groups(engine, fx.workshop_id)


def _partners(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    wid = fx.workshop_id
    register, by_space = partner_register(engine, wid), partners_by_space(engine, wid)
    circle = network_circle_figure(register, {s: s for s in RelationStage}, {s: s for s in Sector}, "en")
    flag = weak_space_check(workshop_scores(engine, wid).spaces, register, by_space)
    by_group, history = partners_by_target_group(engine, wid), stage_history(engine, wid)
    return register, by_space, circle, flag, by_group, history, register_frame(engine, wid)


def _import_offers(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)  # the page reads nothing until a file is uploaded
    return None


def _strengths(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    wid = fx.workshop_id
    return (
        workshop_scores(engine, wid, load_weights(engine, wid)),
        offer_details(engine, wid),
        staff_ratings(engine, wid),
        profile_summary(profile_frame(engine, wid)),
    )


def _profile(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return profile_summary(profile_frame(engine, fx.workshop_id))


PAGES: dict[str, PageCost] = {
    "offers.py": PageCost(_offers, add_one_offer, "offer added"),
    "offer_map.py": PageCost(_offer_map, add_one_offer, "offer added"),
    "partners.py": PageCost(_partners, add_one_partner, "partner added"),
    "import_offers.py": PageCost(_import_offers, add_one_offer, "offer added"),
    "strengths.py": PageCost(_strengths, add_one_offer, "offer added"),
    "profile.py": PageCost(_profile, rate_the_profile, "profile rated"),
}
