"""The leaflet for partners is headed with the library's name, not the workshop's, and carries the contact
details ("the whole list and all contact details", Aarhus's first leaflet) — issue 26.7."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import InvalidInput
from workshop.services.partnership.partners import add_partner
from workshop.services.register.assets import add_asset, leaflet_html
from workshop.services.workshops.lifecycle import get_workshop, update_workshop

WORKSHOP = "Partnership week 2027"
LIBRARY = "Nordby Public Library"
CONTACT = "Torvet 1, 4000 Nordby · partners@nordby.dk · 46 31 50 00"


@pytest.fixture(autouse=True)
def _week_with_an_asset(engine: Engine, wid: int) -> None:
    """The workshop under its week's name, with one asset to offer partners."""
    update_workshop(engine, wid, WORKSHOP)
    add_asset(engine, wid, "High public trust", "People trust the library.")


def library(engine: Engine, wid: int, name: str | None, contact: str | None = None) -> None:
    update_workshop(engine, wid, WORKSHOP, library_name=name, library_contact=contact)


def test_the_leaflet_is_headed_with_the_librarys_name_not_the_workshops(engine: Engine, wid: int) -> None:
    library(engine, wid, f"  {LIBRARY} ", CONTACT)
    page = leaflet_html(engine, wid)
    header = page.split("<header>", 1)[1].split("</header>", 1)[0]
    assert f'<p class="library">{LIBRARY}</p>' in header
    assert f"<title>{LIBRARY} — We can – will you?</title>" in page
    assert WORKSHOP not in page


def test_without_a_library_name_the_workshops_name_heads_it(engine: Engine, wid: int) -> None:
    assert get_workshop(engine, wid).library == WORKSHOP
    assert f'<header><p class="library">{WORKSHOP}</p>' in leaflet_html(engine, wid)


def test_the_leaflet_carries_the_librarys_and_each_partners_contact(engine: Engine, wid: int) -> None:
    library(engine, wid, LIBRARY, CONTACT)
    add_partner(engine, wid, {"name": "Red Cross Nordby", "sector": "civil", "contact": "Anne Holm, children's"})
    add_partner(engine, wid, {"name": "Nordby Music School", "contact": "Jonas <b>Berg</b>"})
    add_partner(engine, wid, {"name": "Town hall", "contact": ""})  # nobody to name: left out
    page = leaflet_html(engine, wid)
    footer = page.split("<footer>", 1)[1]
    assert "Contact: Torvet 1, 4000 Nordby · partners@nordby.dk · 46 31 50 00" in footer
    assert "Our partners and who to ask at the library" in page
    assert "<li>Nordby Music School: Jonas &lt;b&gt;Berg&lt;/b&gt;</li>" in page  # user text escaped
    assert "<li>Red Cross Nordby: Anne Holm, children&#x27;s</li>" in page
    assert "Town hall" not in page


def test_the_library_fields_are_checked_and_a_second_save_keeps_them(engine: Engine, wid: int) -> None:
    with pytest.raises(InvalidInput) as long_name:
        library(engine, wid, "x" * 201)
    assert long_name.value.params["field"] == "library_name"
    with pytest.raises(InvalidInput) as control:
        library(engine, wid, None, "call \x07 us")
    assert control.value.params["field"] == "library_contact"
    library(engine, wid, LIBRARY, CONTACT)
    update_workshop(engine, wid, "Renamed week")  # the week setup's other saves leave the library as it was
    current = get_workshop(engine, wid)
    assert (current.library, current.library_contact) == (LIBRARY, CONTACT)
