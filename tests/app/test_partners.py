"""The partner page through AppTest: the network circle, the weak-space flag, each partner's history, and
the facilitator editing and deleting partners (a delete asks first and says what goes with it)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.partnership.proposals import list_proposals
from workshop.services.register.offers import partners_frame, register_frame
from workshop.services.workshops.lifecycle import current_workshop_id

PAGE = "pages/partners.py"


def on_partners(role: Role) -> AppTest:
    at = sign_in(fresh_app(), role)
    return at.switch_page(PAGE).run()


def partner_id(db: Engine, name: str) -> int:
    frame = partners_frame(db, int(current_workshop_id(db) or 0))
    return int(frame.loc[frame["name"] == name, "id"].iloc[0])


def button(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label == label).click()
    at.run()


def history_shown(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "Note" in d.value.columns)


def register_shown(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value.set_index("Partner")


def test_leadership_sees_the_circle_the_flag_the_target_groups_and_a_partners_history(db: Engine) -> None:
    at = on_partners(Role.LEADERSHIP)
    assert errors_of(at) == []
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    labelled = [text.replace("<br>", " ") for trace in spec["data"] for text in trace["text"]]
    names = list(partners_frame(db, int(current_workshop_id(db) or 0))["name"])
    assert sorted(labelled) == sorted(n.replace("'", "&#x27;") for n in names)  # every partner, escaped
    assert [trace["name"] for trace in spec["data"]] == ["public", "private", "civil society"]
    # The demo scores the performative space weak; three partnerships serve none of its offers' spaces there.
    assert [w.value for w in at.warning] == [
        "3 partnerships contribute to none of the weak spaces (Performative space):"
    ]
    assert "Nordby Schools\nRed Cross Youth Nordby\nNordby Senior Citizens' Association" in [x.value for x in at.text]
    by_group = next(d.value for d in at.dataframe if "families" in d.value.columns)
    # Homework café (children, young people, newcomers), Summer reading (children), class visits (both).
    schools = by_group.loc["Nordby Schools"]
    assert schools[schools > 0].to_dict() == {"young people": 2, "children": 3, "newcomers": 1}
    at.selectbox(key="partner_pick").set_value(partner_id(db, "Nordby Makers")).run()
    history = history_shown(at)
    assert list(history["Formalisation"]) == ["network", "collaboration", "network"]
    assert list(history["Note"]) == ["", "Setting up the makerspace", "Makerspace done; no shared activity"]
    assert "Save partner" not in [b.label for b in at.button]  # leadership reads, the facilitator edits


def test_a_facilitator_renames_a_partner_and_moves_it_and_the_move_is_kept_with_its_date(db: Engine) -> None:
    at = on_partners(Role.FACILITATOR)
    makers = partner_id(db, "Nordby Makers")
    offers_before = register_shown(at).loc["Nordby Makers", "Linked offers"]
    at.selectbox(key="partner_pick").set_value(makers).run()
    form = f"edit_partner_{makers}"
    boxes = {w.label: w for w in at.text_input if w.form_id == form}
    boxes["Partner"].input("Nordby Fablab")
    boxes["Note"].input("Repair café every month")
    next(s for s in at.selectbox if s.form_id == form and s.label == "Formalisation").set_value("collaboration")
    next(d for d in at.date_input if d.form_id == form).set_value(dt.date(2026, 11, 1))
    button(at, "Save partner")
    assert errors_of(at) == [] and [s.value for s in at.success] == ["Partner Nordby Fablab saved."]
    shown = register_shown(at)
    assert "Nordby Makers" not in shown.index
    assert shown.loc["Nordby Fablab", "Formalisation"] == "collaboration"
    assert list(shown.loc["Nordby Fablab", "Linked offers"]) == list(offers_before)  # renamed in its offers too
    history = history_shown(at)
    assert list(history["Date"].astype(str))[-1] == "2026-11-01"
    assert list(history["Formalisation"]) == ["network", "collaboration", "network", "collaboration"]
    assert list(history["Note"])[-1] == "Repair café every month"


def test_an_earlier_move_goes_into_the_history_in_date_order_and_a_bad_date_is_refused(db: Engine) -> None:
    at = on_partners(Role.FACILITATOR)
    daily = partner_id(db, "Nordby Daily")
    at.selectbox(key="partner_pick").set_value(daily).run()
    form = f"move_{daily}"
    next(d for d in at.date_input if d.form_id == form).set_value(dt.date(2021, 4, 1))
    next(w for w in at.text_input if w.form_id == form).input("Met at the town's open day")
    button(at, "Add to the history")
    assert [s.value for s in at.success] == ["The history of Nordby Daily is updated."]
    history = history_shown(at)
    assert list(history["Date"].astype(str)) == ["2021-04-01", "2023-05-01", "2024-03-01"]
    assert register_shown(at).loc["Nordby Daily", "Formalisation"] == "collaboration"  # the latest move still
    # A stage change in the edit form dated before the latest move is refused, naming the date.
    edit = f"edit_partner_{daily}"
    next(s for s in at.selectbox if s.form_id == edit and s.label == "Formalisation").set_value("partnership")
    next(d for d in at.date_input if d.form_id == edit).set_value(dt.date(2022, 1, 1))
    button(at, "Save partner")
    assert "2022-01-01 is before its latest stage change (2024-03-01)" in errors_of(at)[0]
    assert register_shown(at).loc["Nordby Daily", "Formalisation"] == "collaboration"


def test_deleting_a_partner_asks_first_and_says_what_goes_with_it(db: Engine) -> None:
    at = on_partners(Role.FACILITATOR)
    wid = int(current_workshop_id(db) or 0)
    offers_before = len(register_frame(db, wid))
    proposals_before = len(list_proposals(db, wid))
    at.selectbox(key="partner_pick").set_value(partner_id(db, "Nordby Makers")).run()
    button(at, "Delete partner…")
    assert [w.value for w in at.warning][-1] == (
        "Delete Nordby Makers? Its history (3 entries) goes with it, and it is taken off the offers it takes part "
        "in (3 offers); the offers stay. 1 proposal names it as its partner: it stays, without the link."
    )
    button(at, "Cancel")
    assert "Nordby Makers" in register_shown(at).index
    button(at, "Delete partner…")
    button(at, "Yes, delete")
    assert errors_of(at) == [] and "Nordby Makers" not in register_shown(at).index
    offers = register_frame(db, wid)
    assert len(offers) == offers_before and not any("Nordby Makers" in p for p in offers["partners"])
    assert len(list_proposals(db, wid)) == proposals_before  # the proposal stays, unlinked
