"""The offer register, the import page, the four-spaces map and the partner page, driven through AppTest."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.register import PAGE_SIZE
from workshop.domain.model import Offer, Role
from workshop.services.register.offers import add_offers, register_frame
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import make_engine


def first_offer(url: str) -> tuple[int, str]:
    engine = make_engine(url)
    frame = register_frame(engine, int(current_workshop_id(engine) or 0))
    engine.dispose()
    return int(frame["id"].iloc[0]), str(frame["name"].iloc[0])


def facilitator_on(page: str) -> AppTest:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    return at.switch_page(page).run()


def register_key(at: AppTest) -> str:
    version = at.session_state["register_version"] if "register_version" in at.session_state else 0  # noqa: SIM401 (no .get here)
    return f"register_{version}"


def edit(
    at: AppTest, edited: dict[int, dict[str, object]] | None = None, added: list[dict[str, object]] | None = None
) -> AppTest:
    at.session_state[register_key(at)] = {"edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": []}
    at.run()
    next(b for b in at.button if b.label == "Save changes").click()
    return at.run()


def map_offer_names(at: AppTest) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    dots = next(trace for trace in spec["data"] if trace.get("name") == "offers")
    return [custom[1] for custom in dots["customdata"]]


def test_a_facilitator_adds_an_offer_and_finds_it_on_the_map(demo_db: str) -> None:
    at = facilitator_on("pages/offers.py")
    new = {"name": "Chess club <b>", "owner_team": "Events & culture", "reach": 250, "strength": 4, "meeting": 3}
    at = edit(at, added=[new])
    assert errors_of(at) == []
    assert [s.value for s in at.success] == ["Saved 1 offer."]
    at.switch_page("pages/offer_map.py").run()
    assert "Chess club &lt;b&gt;" in map_offer_names(at)  # user text is escaped in the hover
    at.selectbox(key="map_space").set_value("meeting").run()
    listing = at.dataframe[0].value
    assert "Chess club <b>" in list(listing.iloc[:, 0])


def test_a_bad_offer_is_refused_with_its_name_and_field(demo_db: str) -> None:
    at = facilitator_on("pages/offers.py")
    at = edit(at, added=[{"name": "Poetry slam", "inspiration": 0, "meeting": 0}])
    assert len(at.error) == 1
    assert "Poetry slam" in at.error[0].value and "spaces" in at.error[0].value
    at = edit(at, edited={0: {"strength": 9}})
    assert "strength" in at.error[0].value and "Baby rhyme time" in at.error[0].value


def test_a_tie_asks_for_the_primary_space(demo_db: str) -> None:
    at = facilitator_on("pages/offers.py")
    at = edit(at, added=[{"name": "Reading garden", "inspiration": 2, "meeting": 2}])
    assert "Inspiration space, Meeting space tie at 2; choose its primary space" in at.error[0].value
    at = edit(at, added=[{"name": "Reading garden", "inspiration": 2, "meeting": 2, "primary": "meeting"}])
    assert [s.value for s in at.success] == ["Saved 1 offer."]


def test_deleting_asks_for_confirmation_first(demo_db: str) -> None:
    at = facilitator_on("pages/offers.py")
    count = at.caption[0].value
    offer_id, name = first_offer(demo_db)
    at.multiselect(key="delete_pick").set_value([offer_id]).run()
    next(b for b in at.button if b.label == "Delete…").click()
    at.run()
    assert any("This cannot be undone" in w.value for w in at.warning)
    assert name in [x.value for x in at.text]
    assert at.caption[0].value == count  # nothing gone yet
    next(b for b in at.button if b.label == "Yes, delete them").click()
    at.run()
    assert [s.value for s in at.success] == ["Deleted 1 offer."]
    assert at.caption[0].value != count


def test_teams_and_leadership_read_the_register_without_editing(demo_db: str) -> None:
    for role in (Role.TEAM, Role.LEADERSHIP):
        at = sign_in(fresh_app(), role)
        at.switch_page("pages/offers.py").run()
        assert errors_of(at) == []
        assert len(at.dataframe) == 1 and not any(b.label == "Save changes" for b in at.button)


def test_a_danish_excel_file_is_previewed_mapped_and_imported(demo_db: str) -> None:
    at = facilitator_on("pages/import_offers.py")
    data = "Navn;Brugere pr. år;Styrke;Møderummet;Læringsrummet\nSkakklub;1.250;4;3;1\n".encode("cp1252")
    at.file_uploader(key="import_file").set_value(("tilbud.csv", data, "text/csv")).run()
    assert any(c.value == "Detected: cp1252, separated by semicolon (;); 1 row." for c in at.caption)
    mapped = sorted((int(s.key.rsplit("_", 1)[1]), s.value) for s in at.selectbox if s.key.startswith("map_"))
    assert [field for _, field in mapped] == ["name", "reach", "strength", "meeting", "learning"]
    next(b for b in at.button if b.label == "Import").click()
    at.run()
    assert [s.value for s in at.success] == ["Imported — new offers: 1; updated offers: 0; new partners: 0."]
    at.switch_page("pages/offer_map.py").run()
    assert "Skakklub" in map_offer_names(at)


def test_a_bad_file_shows_the_row_report_and_imports_nothing(demo_db: str) -> None:
    at = facilitator_on("pages/import_offers.py")
    data = b"Navn;Inspirationsrummet\nKoncert;7\nFilm;2\n"
    at.file_uploader(key="import_file").set_value(("bad.csv", data, "text/csv")).run()
    next(b for b in at.button if b.label == "Import").click()
    at.run()
    assert at.error[0].value.startswith("The file was not imported: 1 problem.")
    report = at.dataframe[-1].value
    assert report.values.tolist() == [[2, "Inspirationsrummet", "7 is not between 0 and 3"]]
    at.switch_page("pages/offer_map.py").run()
    assert "Film" not in map_offer_names(at)


def test_a_binary_file_named_csv_gets_a_clear_message(demo_db: str) -> None:
    at = facilitator_on("pages/import_offers.py")
    at.file_uploader(key="import_file").set_value(("offers.csv", b"\x89PNG\x00\x00\x01", "text/csv")).run()
    assert [e.value for e in at.error] == ["offers.csv: not a spreadsheet (binary content)"]


def test_the_map_filters_by_team_and_a_facilitator_adds_a_partner(demo_db: str) -> None:
    at = facilitator_on("pages/offer_map.py")
    at.multiselect[0].set_value(["Local history"]).run()
    names = map_offer_names(at)
    assert names and len(names) < 20
    at.switch_page("pages/partners.py").run()
    next(w for w in at.text_input if w.form_id == "add_partner").input("Nordby Chess Society")
    offer_id, offer_name = first_offer(demo_db)
    next(w for w in at.multiselect if w.form_id == "add_partner").set_value([offer_id])
    next(b for b in at.button if b.label == "Add partner").click()
    at.run()
    assert [s.value for s in at.success] == ["Partner Nordby Chess Society added."]
    partners = at.dataframe[0].value.set_index("Partner")
    assert partners.loc["Nordby Chess Society", "Linked offers"] == [offer_name]


def test_a_big_register_is_edited_a_page_at_a_time_and_saved_all_or_nothing(demo_db: str) -> None:
    at = facilitator_on("pages/offers.py")
    engine = make_engine(demo_db)
    wid = int(current_workshop_id(engine) or 0)
    before = len(register_frame(engine, wid))
    add_offers(engine, wid, [Offer(name=f"Extra offer {n:03d}", spaces={"learning": 2}) for n in range(250)])
    at.run()
    total = before + 250
    assert len(at.data_editor[0].value) == PAGE_SIZE
    assert at.number_input(key="register_page").max == -(-total // PAGE_SIZE)
    at.number_input(key="register_page").set_value(3).run()
    shown = at.data_editor[0].value
    assert list(shown["name"]) == list(register_frame(engine, wid)["name"].iloc[2 * PAGE_SIZE : 3 * PAGE_SIZE])
    target = str(shown["name"].iloc[1])
    # A bad cell refuses the whole save and names the offer and the field; nothing is stored.
    at.session_state[register_key(at)] = {
        "edited_rows": {0: {"reach": 77}, 1: {"strength": 9}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.number_input(key="register_page").disabled  # unsaved edits keep the page where it is
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    assert target in at.error[0].value and "strength" in at.error[0].value
    assert 77 not in set(register_frame(engine, wid)["reach"])
    at = edit(at, edited={1: {"strength": 5}})
    assert [s.value for s in at.success] == ["Saved 1 offer."]
    assert register_frame(engine, wid).set_index("name").loc[target, "strength"] == 5
    at.text_input(key="register_search").input("extra offer 24").run()
    assert sorted(at.data_editor[0].value["name"]) == [f"Extra offer 24{n}" for n in range(10)]
    engine.dispose()
