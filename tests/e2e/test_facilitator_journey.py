"""A facilitator creates a workshop from a template, imports the library's offers from a Danish Excel
CSV, sees them on the four-spaces map, and opens day 1."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import OWNER_CODE
from tests.e2e.driver import choose, en, errors_on, go_to, open_app, sign_in_staff, wait_for_app
from workshop.config.templates import demo, template

pytestmark = pytest.mark.e2e


# As Danish Excel saves it: cp1252, semicolons, decimal commas, thousands with a dot.
OFFERS_CSV = (
    "Navn;Beskrivelse;Ansvarligt team;Målgruppe;Status;Brugere pr. år;Styrke;"
    "Inspirationsrummet;Læringsrummet;Møderummet;Det performative rum\r\n"
    "Læsekreds for voksne;Vi læser og drøfter;Voksenteamet;voksne, ældre;aktiv;1.250;4,0;2;1;3;0\r\n"
    'Lektiecafé;"Hjælp til lektier; også matematik";Børneteamet;børn;planlagt;300;3;0;3;2;0\r\n'
    "Musikværksted;Børn skaber musik;Børneteamet;børn, familier;pause;12.500;5;1;0;0;3\r\n"
)
OFFER_NAMES = ["Læsekreds for voksne", "Lektiecafé", "Musikværksted"]


def test_the_owner_creates_a_workshop_its_facilitator_imports_offers_sees_the_map_and_opens_day_1(
    new_page: Any, shots: Any, tmp_path: Path
) -> None:
    week = template("four_spaces_week")
    page = new_page()
    open_app(page)
    sign_in_staff(page, "facilitator", demo().facilitator_code)
    go_to(page, en("nav.workshops"))
    # The demo's public facilitator passcode creates nothing: the owner signs in first.
    expect(page.get_by_role("button", name=en("workshops.create"))).to_have_count(0)
    page.get_by_label(en("owner.code")).fill(OWNER_CODE)
    page.get_by_role("button", name=en("owner.sign_in")).click()
    wait_for_app(page)
    shots(page, "workshops")

    page.get_by_text(en("workshops.new"), exact=True).click()
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=en("workshops.create")))
    form.get_by_label(en("workshops.name")).fill("Strategy week 2027")
    choose(page, page.get_by_test_id("stSelectbox").filter(has_text=en("workshops.template")), week.name)
    form.get_by_label(en("workshops.facilitator_code")).fill("facilitate-the-2027-week")
    expect(form.get_by_label(en("workshops.leadership_code"))).not_to_have_value("")  # a generated one is offered
    shots(page, "new-workshop-form")
    form.get_by_role("button", name=en("workshops.create")).click()
    wait_for_app(page)
    assert errors_on(page) == []
    # The session now looks at the new workshop, signed in as its facilitator.
    expect(page.get_by_test_id("stSidebar").get_by_text("Strategy week 2027", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_contain_text(en("role.facilitator"))
    shots(page, "created")

    go_to(page, en("nav.import_offers"))
    upload = tmp_path / "tilbud.csv"
    upload.write_bytes(OFFERS_CSV.encode("cp1252"))
    page.locator("input[type='file']").set_input_files(str(upload))
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"cp1252.*3 rows"))).to_be_visible()
    shots(page, "import-preview")
    page.get_by_role("button", name=en("import.run"), exact=True).click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(r"^Imported — new offers: 3; updated offers: 0"))).to_be_visible()
    assert errors_on(page) == []
    shots(page, "imported")

    go_to(page, en("nav.offer_map"))
    expect(page.get_by_text(en("map.count", shown=3, n=3))).to_be_visible()
    chart = page.get_by_test_id("stPlotlyChart")
    expect(chart.locator(".main-svg").first).to_be_visible()
    drawn = page.evaluate("() => JSON.stringify(document.querySelector('.js-plotly-plot').data)")
    assert all(name in drawn for name in OFFER_NAMES), "an imported offer is missing from the map"
    choose(page, page.get_by_test_id("stSelectbox").filter(has_text=en("map.space")), "Meeting space")
    wait_for_app(page)
    expect(page.get_by_text(en("map.in_space", space="Meeting space", n=2))).to_be_visible()
    assert errors_on(page) == []
    shots(page, "four-spaces-map")

    go_to(page, en("nav.week_setup"))
    page.get_by_role("tab", name=en("setup.days"), exact=True).click()  # the days and their questions
    expect(page.get_by_text(week.days[0].title).first).to_be_visible()
    expect(page.get_by_text(week.days[0].questions[0].text).first).to_be_visible()
    expect(page.get_by_role("button", name=en("setup.close_day"))).to_have_count(0)
    shots(page, "week-setup")
    page.get_by_role("button", name=en("setup.open_day")).first.click()
    wait_for_app(page)
    expect(page.get_by_role("button", name=en("setup.close_day"))).to_have_count(1)
    expect(page.get_by_text(re.compile(rf"{en('setup.day_n', n=1)}\W+{en('day.open')}")).first).to_be_visible()
    shots(page, "day-1-open")

    go_to(page, en("nav.morning"))
    expect(page.get_by_role("heading", name=en("setup.day_n", n=1))).to_be_visible()
    expect(page.get_by_text(week.days[0].title, exact=True)).to_be_visible()
    for question in week.days[0].questions:  # in the day's list; the one on the wall is shown large as well
        expect(page.get_by_text(question.text).first).to_be_visible()
    shots(page, "morning-view")
    assert errors_on(page) == []
