"""A partnership week built through the real services, from the partnership template: two teams, partners in
two sectors and stages (one linked to an offer), a proposal both teams screened and leadership decided, one
nobody screened yet, and the library's assets. User text includes HTML and a Word field."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from workshop.domain.model import Offer
from workshop.services.partnership.partners import add_partner
from workshop.services.partnership.proposals import record_verdict, save_proposal
from workshop.services.partnership.screening import screen_as_team
from workshop.services.register.assets import add_asset
from workshop.services.register.offers import add_offers
from workshop.services.workshops.lifecycle import add_team, create_workshop

WORD_FIELD = '{ HYPERLINK "http://evil.example" } { MERGEFIELD name } =1+1'
HTML_TEXT = "<b>Maker</b> & friends"


@dataclass
class PartnershipWeek:
    workshop_id: int
    proposal_id: int


def build_partnership_week(engine: Engine, name: str = "Partnerships 2027", language: str = "en") -> PartnershipWeek:
    wid = create_workshop(engine, name, "facilitate-fx", "lead-fixture", "partnership_week", language=language)
    children, _ = add_team(engine, wid, "Children")
    adults, _ = add_team(engine, wid, "Adults")
    add_offers(
        engine,
        wid,
        [Offer(name="Maker space", strength=4, spaces={"performative": 3, "learning": 2}, partners=["Nordby Makers"])],
    )
    add_partner(engine, wid, {"name": "Nordby Makers", "sector": "civil", "stage": "partnership"})
    add_partner(engine, wid, {"name": "Vestby School Department", "sector": "public", "stage": "collaboration"})
    add_partner(engine, wid, {"name": "Red Cross", "sector": "civil", "stage": "network", "description": WORD_FIELD})
    pid = save_proposal(
        engine,
        wid,
        {
            "title": "Maker camp",
            "proposer": HTML_TEXT,
            "description": "Two weeks in July",
            "spaces": ["performative"],
            "target_groups": ["children"],
        },
    )
    save_proposal(engine, wid, {"title": "Not screened yet"})
    screen_as_team(engine, children, pid, [{"question": 1, "answer": "yes"}, {"question": 13, "answer": "no"}])
    screen_as_team(engine, adults, pid, [{"question": 1, "answer": "yes"}, {"question": 13, "answer": "yes"}])
    record_verdict(engine, wid, pid, "conditions", "If the makers bring their own tools")
    add_asset(engine, wid, "Long opening hours", "Open 8-22 every day of the year")
    add_asset(engine, wid, "High public trust", WORD_FIELD)
    return PartnershipWeek(wid, pid)
