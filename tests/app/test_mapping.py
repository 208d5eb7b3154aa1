"""The teams' mapping in the app: a team's guided flow (drafts, skip, progress, its map) and the
facilitator's resolution of the teams' disagreements on the demo."""

from __future__ import annotations

import base64
import json

from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.mapping import MappingScope
from workshop.domain.model import DayStatus, Role
from workshop.services.register.mapping import set_mapping_phase, team_mapping
from workshop.services.register.offers import offers_frame
from workshop.services.whole.demo import demo_ids
from workshop.services.workshops.lifecycle import list_teams
from workshop.store import make_engine

ADULT_CODE = "HB4RTN"  # Adult services: not one of the three teams that mapped in the demo


def _store(url: str) -> tuple[Engine, int]:
    engine = make_engine(url)
    return engine, demo_ids(engine)[0]


def _adult_offers(engine: Engine, wid: int) -> list[int]:
    frame = offers_frame(engine, wid)
    return [int(i) for i in frame[frame["owner_team"] == "Adult services"]["id"]]


def _team_page(code: str):  # type: ignore[no-untyped-def]
    at = sign_in(fresh_app(), Role.TEAM, code)
    at.switch_page("pages/mapping.py").run()
    assert errors_of(at) == []
    return at


def test_a_team_sees_why_it_cannot_map_while_the_phase_is_closed(demo_db: str) -> None:
    at = _team_page(ADULT_CODE)
    assert any("mapping is closed" in i.value for i in at.info)
    assert not [b for b in at.button if b.key and b.key.startswith("map-done-")]


def test_a_team_maps_one_offer_at_a_time_and_its_draft_survives_a_reload(demo_db: str) -> None:
    at = fresh_app()
    engine, wid = _store(demo_db)
    set_mapping_phase(engine, wid, DayStatus.OPEN, MappingScope.OWN)
    first, second, *_ = own = _adult_offers(engine, wid)
    at = _team_page(ADULT_CODE)
    assert at.get("progress")[0].proto.text == f"0 of {len(own)} offers mapped"
    # One row of 0-3 per space, named by the space; its plain question behind the help mark.
    assert any(r.label == "Meeting space" and "Does the offer bring people together" in r.help for r in at.radio)
    at.radio(key=f"map-performative-{first}").set_value(3).run()
    team = next(t for t in list_teams(engine, wid) if t.name == "Adult services")
    assert team_mapping(engine, team).entries[first].spaces["performative"] == 3  # a draft, kept in the database
    assert team_mapping(engine, team).done == set()

    again = _team_page(ADULT_CODE)  # a reload: a new session
    assert again.radio(key=f"map-performative-{first}").value == 3
    again.button(key=f"map-skip-{first}").click().run()
    assert again.selectbox(key="mapping-current").value == second
    again.radio(key=f"map-inspiration-{second}").set_value(2).run()
    again.radio(key=f"map-strength-{second}").set_value(3).run()  # a blank start assumes no strength (issue 26.7)
    again.button(key=f"map-done-{second}").click().run()
    assert errors_of(again) == []
    assert again.get("progress")[0].proto.text == f"1 of {len(own)} offers mapped"
    assert team_mapping(engine, team).done == {second}
    chart = json.loads(again.get("plotly_chart")[0].proto.spec)
    dots = next(trace for trace in chart["data"] if trace.get("name") == "offers")
    assert len(base64.b64decode(dots["x"]["bdata"])) == 8  # one float: the one offer the team mapped
    # Nothing reached the register: the facilitator has not accepted anything.
    assert offers_frame(engine, wid).set_index("id").at[first, "performative"] != 3


def test_a_team_proposes_an_offer_the_register_lacks(demo_db: str) -> None:
    at = fresh_app()
    engine, wid = _store(demo_db)
    set_mapping_phase(engine, wid, DayStatus.OPEN)
    at = _team_page(ADULT_CODE)
    at.text_input[0].input("Knitting circle <b>")
    at.selectbox(key="prop-meeting").set_value(3)
    next(b for b in at.button if b.label == "Propose this offer").click().run()
    assert any(s.value == "Proposed. The facilitator will see it." for s in at.success)
    assert "Knitting circle <b>" not in set(offers_frame(engine, wid)["name"])
    assert any(t.value == "Knitting circle <b>" for t in at.text)  # plain text, on the team's map list


def test_the_facilitator_accepts_the_agreed_offers_then_resolves_the_widest_spread(demo_db: str) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    engine, wid = _store(demo_db)
    at.switch_page("pages/mapping_review.py").run()
    assert errors_of(at) == []
    total = len(offers_frame(engine, wid))
    assert at.subheader[0].value == f"To resolve: {total} offers"
    next(b for b in at.button if b.label.startswith("Accept the ")).click().run()
    assert at.subheader[0].value == "To resolve: 4 offers"
    assert any(s.value == f"{total - 4} offers accepted into the register." for s in at.success)
    # Widest first: Makerspace (inspiration 1, 2, 3 -> spread 2). Its notes are shown as plain text.
    assert at.text[0].value == "Makerspace"
    assert any(t.value.startswith("Events & culture: People come to be inspired") for t in at.text)
    maker = int(offers_frame(engine, wid).set_index("name").at["Makerspace", "id"])
    at.button(key=f"rev-median-{maker}").click().run()
    assert any(s.value == "Accepted into the register (mapped by 3 teams)." for s in at.success)
    row = offers_frame(engine, wid).set_index("name").loc["Makerspace"]
    # Medians of (1, 2, 3), (2, 1, 1), (1, 1, 2), (3, 3, 2) and strength (3, 3, 4).
    assert [row[k] for k in ("inspiration", "learning", "meeting", "performative", "strength")] == [2, 1, 1, 3, 3]
    assert at.subheader[0].value == "To resolve: 3 offers"
    next(b for b in at.button if b.label == "Add to the register").click().run()
    assert "Repair café" in set(offers_frame(engine, wid)["name"])


def test_leadership_sees_the_staffs_mapping_beside_the_registers(demo_db: str) -> None:
    from tests.app.test_strengths_page import on_tab, open_strengths

    at = on_tab(open_strengths(), "The staff's view")
    assert errors_of(at) == []
    table = next(d.value for d in at.dataframe if "Staff's mapping (median of the teams)" in d.value.columns)
    rows = {row["Name"]: row for row in table.to_dict(orient="records")}
    staff = "Staff's mapping (median of the teams)"
    # The demo teams' medians differ from the register on two offers only. Makerspace: inspiration 1 -> 2,
    # learning 2 -> 1 (strength 3): +3 and -3. Homework café: learning stays 3 but strength 5 -> 4, meeting
    # 2 -> 3: learning 15 -> 12, meeting 10 -> 12. So learning loses 6 and its share drops a point.
    assert (rows["Learning space"]["Register"], rows["Learning space"][staff]) == ("38%", "37%")
    assert (rows["Inspiration space"]["Register"], rows["Inspiration space"][staff]) == ("27%", "28%")
    assert any("the teams mapped 47 offers" in c.value for c in at.caption)


def test_both_mapping_pages_speak_danish(demo_db: str) -> None:
    at = fresh_app()
    engine, wid = _store(demo_db)
    set_mapping_phase(engine, wid, DayStatus.OPEN, MappingScope.OWN)
    at = sign_in(at, Role.TEAM, ADULT_CODE)
    at.session_state["lang"] = "da"  # the sidebar's language picker
    at.switch_page("pages/mapping.py").run()
    assert errors_of(at) == []
    assert at.title[0].value == "Kortlæg vores tilbud"
    assert at.get("progress")[0].proto.text.startswith("0 af ")
    assert any(r.label == "Møderummet" for r in at.radio)
