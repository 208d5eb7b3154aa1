"""The per-page table of the benchmark, kept in one place: for each page file, its floor (the bare
service reads and pandas work the page needs, without Streamlit) and the write that should invalidate
what the page shows. Update an entry when a page changes what it reads; a page without an entry shows
"—" as its floor and is measured after the default write (an answer submitted)."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine

from bench.floor_writes import PageCost, Step, _app, make_current, submit_one_answer
from bench.synthetic import Fixture
from workshop.services.privacy.people import privacy_contact, set_privacy_contact
from workshop.services.privacy.retention import retention_of
from workshop.services.workshops.lifecycle import (
    current_workshop_id,
    get_workshop,
    list_workshops,
)


def _home(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_workshops(engine), get_workshop(engine, fx.workshop_id)


def _workshops(engine: Engine, fx: Fixture) -> object:
    _app(engine, fx)
    return list_workshops(engine), current_workshop_id(engine)


def _privacy(engine: Engine, fx: Fixture) -> object:
    """The privacy page: the organisation's contact and the workshop's retention date."""
    _app(engine, fx)
    return privacy_contact(engine), retention_of(engine, fx.workshop_id)


def save_privacy_contact(engine: Engine, fx: Fixture) -> object:
    return set_privacy_contact(engine, f"Data protection officer {uuid.uuid4().hex[:6]}, dpo@nordby.example")


# Keyed by the page's file in pages/.
PAGES: dict[str, PageCost] = {
    "home.py": PageCost(_home, make_current, "current workshop set"),
    "workshops.py": PageCost(_workshops, make_current, "current workshop set"),
    "privacy.py": PageCost(_privacy, save_privacy_contact, "privacy contact saved"),
}
DEFAULT_WRITE = (submit_one_answer, "answer saved")


def all_pages() -> dict[str, PageCost]:
    """This table, with the entries each area keeps in its own module (floors_week, floors_offers,
    floors_leadership, floors_sharing) on top."""
    from bench import floors_leadership, floors_offers, floors_sharing, floors_week

    return PAGES | floors_week.PAGES | floors_offers.PAGES | floors_leadership.PAGES | floors_sharing.PAGES


def cost_of(page_file: str) -> PageCost | None:
    return all_pages().get(page_file)


def write_for(page_file: str) -> tuple[Step, str]:
    entry = all_pages().get(page_file)
    return (entry.write, entry.write_name) if entry else DEFAULT_WRITE
