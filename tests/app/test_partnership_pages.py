"""The assets page and the "Who do we know?" page (issue 16), driven through AppTest on the demo."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.register.assets import ListedAsset, list_assets
from workshop.services.register.offers import partners_frame
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id, set_current_workshop
from workshop.store import make_engine

EMPTY_CODE = "facilitate-the-empty-week"


def on(page: str, role: Role, code: str | None = None) -> AppTest:
    return sign_in(fresh_app(), role, code).switch_page(page).run()


def texts(at: AppTest) -> list[str]:
    return [x.value for x in at.text]


def click(at: AppTest, label: str, nth: int = 0) -> AppTest:
    [b for b in at.button if b.label == label][nth].click()
    return at.run()


def demo_assets(url: str) -> list[ListedAsset]:
    engine = make_engine(url)
    found = list_assets(engine, int(current_workshop_id(engine) or 0))
    engine.dispose()
    return found


def demo_titles(url: str) -> list[str]:
    return [a.title for a in demo_assets(url)]


def test_the_facilitator_adds_moves_edits_and_deletes_an_asset(demo_db: str) -> None:
    at = on("pages/assets.py", Role.FACILITATOR)
    assert errors_of(at) == [] and at.title[0].value == "What the library can offer partners"
    assert len(at.get("download_button")) == 1
    at.text_input(key="asset-new-title").input("Quiet study rooms")
    at.text_area(key="asset-new-description").input("Forty seats, open to all")
    at = click(at, "Add")
    assert [s.value for s in at.success] == ["Asset added at the end of the list."]
    assert demo_titles(demo_db)[-1] == "Quiet study rooms" and len(demo_titles(demo_db)) == 9

    new_id = demo_assets(demo_db)[-1].id
    at.button(key=f"asset-up-{new_id}").click().run()
    assert demo_titles(demo_db)[-2:] == ["Quiet study rooms", "Staff competences"]
    at.button(key=f"asset-edit-{new_id}").click().run()
    at.text_input(key=f"asset-{new_id}-title").input("Study rooms")
    at = click(at, "Save")
    assert "Study rooms" in demo_titles(demo_db) and "Asset saved." in [s.value for s in at.success]
    at.button(key=f"delete-asset-{new_id}").click().run()
    assert "Study rooms" in demo_titles(demo_db)  # nothing goes before the confirmation
    at.button(key=f"delete-yes-asset-{new_id}").click().run()
    assert "Study rooms" not in demo_titles(demo_db) and errors_of(at) == []


def test_an_asset_without_a_title_is_refused_naming_the_field(demo_db: str) -> None:
    at = on("pages/assets.py", Role.FACILITATOR)
    at.text_area(key="asset-new-description").input("No title typed")
    at = click(at, "Add")
    assert len(at.error) == 1 and "title" in at.error[0].value
    assert len(demo_titles(demo_db)) == 8


def test_a_teams_asset_waits_for_the_facilitator_and_the_team_sees_the_outcome(demo_db: str) -> None:
    team = on("pages/assets.py", Role.TEAM)  # the demo's first team: Children & families
    assert "Your team has not proposed an asset yet." in [c.value for c in team.caption]
    team.text_input(key="asset-proposed-title").input("Rhyme time for babies")
    team = click(team, "Propose")
    assert [s.value for s in team.success] == ["Thank you — your proposal waits for the facilitator."]
    assert "Rhyme time for babies" in texts(team) and "⏳ waiting for the facilitator" in [
        c.value for c in team.caption
    ]
    assert "Rhyme time for babies" not in demo_titles(demo_db)

    facilitator = on("pages/assets.py", Role.FACILITATOR)
    assert "Proposed by the teams (2)" in [h.value for h in facilitator.subheader]
    assert "Rhyme time for babies — Children & families" in texts(facilitator)
    facilitator = click(facilitator, "Accept", nth=1)  # the demo's own proposal comes first
    assert demo_titles(demo_db)[-1] == "Rhyme time for babies"
    facilitator = click(facilitator, "Decline")
    assert "No proposals waiting." in [c.value for c in facilitator.caption]
    assert "A meeting point for newcomers" not in demo_titles(demo_db)

    team = on("pages/assets.py", Role.TEAM)
    assert "✅ accepted" in [c.value for c in team.caption]


def test_leadership_reads_the_list_and_downloads_the_leaflet_without_editing(demo_db: str) -> None:
    at = on("pages/assets.py", Role.LEADERSHIP)
    assert errors_of(at) == [] and len(at.get("download_button")) == 1
    assert "Staff competences" in [m.value.replace("\\", "").strip("*") for m in at.markdown]
    assert not [b for b in at.button if b.label in ("Add", "Accept", "↑")]


def test_a_workshop_without_assets_says_so_and_offers_no_leaflet(demo_db: str) -> None:
    engine = make_engine(demo_db)
    set_current_workshop(engine, create_workshop(engine, "Empty week", EMPTY_CODE, "lead-the-empty-week"))
    engine.dispose()
    at = on("pages/assets.py", Role.FACILITATOR, EMPTY_CODE)
    assert any(i.value.startswith("No assets listed yet.") for i in at.info)
    assert not at.get("download_button") and errors_of(at) == []


def test_a_team_proposes_a_partner_and_sees_the_warning_the_facilitator_sees(demo_db: str) -> None:
    team = on("pages/partner_proposals.py", Role.TEAM)  # Children & families
    assert errors_of(team) == [] and team.title[0].value == "Who do we know?"
    assert "Your team has not proposed a partner yet." in [i.value for i in team.info]
    next(w for w in team.text_input if w.label == "Partner").input("Nordby Job Centre")
    next(w for w in team.text_input if w.label == "Contact person").input("  LISE holm ")
    team = click(team, "Propose partner")
    warned = [w.value for w in team.warning]
    assert "The same partner is also proposed by: Adult services, Events \\& culture." in warned
    assert "The same contact person is also named by: Adult services, Events \\& culture." in warned

    facilitator = on("pages/partner_proposals.py", Role.FACILITATOR)
    assert "Waiting for a decision (4)" in [h.value for h in facilitator.subheader]
    assert "This partner is in the register already." in [w.value for w in facilitator.warning]
    facilitator = click(facilitator, "Accept")  # Adult services' Nordby Job Centre
    engine = make_engine(demo_db)
    assert "Nordby Job Centre" in set(partners_frame(engine, int(current_workshop_id(engine) or 0))["name"])
    engine.dispose()
    assert "Decision saved." in [s.value for s in facilitator.success]
    facilitator = click(facilitator, "Accept")  # Events & culture's "Nordby job  centre": in the register now
    assert len(facilitator.error) == 1 and "already in the register" in facilitator.error[0].value
    facilitator = click(facilitator, "Decline")
    assert "Waiting for a decision (2)" in [h.value for h in facilitator.subheader]

    team = on("pages/partner_proposals.py", Role.TEAM)
    assert "⏳ waiting for the facilitator" in [c.value for c in team.caption]
    assert "This partner is in the register already." in [w.value for w in team.warning]


def test_leadership_has_no_proposal_page(demo_db: str) -> None:
    at = on("pages/partner_proposals.py", Role.LEADERSHIP)
    assert [w.value for w in at.warning] == ["This page is for another role. Sign in on the home page."]
