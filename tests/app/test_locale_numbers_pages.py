"""In Danish the compare, strengths and teams pages write no decimal point, and count with the right
plural (issue 27.3): "1 team har ingen kode", "2 teams har ingen kode"."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.app.test_compare_years import _earlier_workshop
from ui.context import KEPT_LANGUAGE
from workshop.domain.model import Role
from workshop.services.week.teams import delete_team
from workshop.services.workshops.lifecycle import current_workshop_id, list_teams

DECIMAL_POINT = re.compile(r"\d\.\d")


def in_danish(at: AppTest, page: str) -> AppTest:
    at.session_state["lang"] = at.session_state[KEPT_LANGUAGE] = "da"  # as the sidebar's switch sets it
    return at.switch_page(f"pages/{page}").run()


def shown_texts(at: AppTest) -> list[str]:
    """Every text a reader sees: messages, captions, markdown, metrics and every table cell."""
    found = [
        str(e.value) for kind in ("markdown", "caption", "text", "info", "warning", "success") for e in at.get(kind)
    ]
    found += [str(m.value) for m in at.metric]
    for table in at.dataframe:
        found += [str(cell) for cell in table.value.astype(str).to_numpy().ravel()]
    return found


def decimal_points(at: AppTest) -> list[str]:
    return [text for text in shown_texts(at) if DECIMAL_POINT.search(text)]


def chart_separators(at: AppTest) -> set[str]:
    return {json.loads(c.proto.spec)["layout"].get("separators", "") for c in at.get("plotly_chart")}


def test_the_compare_page_in_danish_writes_commas_and_percentages(db: Engine) -> None:
    _earlier_workshop(db)
    at = in_danish(sign_in(fresh_app(), Role.LEADERSHIP), "compare.py")
    at.text_input[0].input("lead-old-week")
    next(b for b in at.button if b.label == "Vis sammenligningen").click().run()
    assert errors_of(at) == []
    assert decimal_points(at) == []  # was "0.272"
    table = at.dataframe[0].value.astype(str)
    assert table.iloc[:, 3].str.fullmatch(r"\d+,\d\u00a0%").all()  # a share: "27,2 %"
    assert chart_separators(at) == {",."}


def test_the_strengths_page_in_danish_writes_commas_signed_gaps_and_plurals(app_db: str) -> None:
    at = in_danish(sign_in(fresh_app(), Role.LEADERSHIP), "strengths.py")
    assert errors_of(at) == []
    assert decimal_points(at) == []  # was "+2.1" and "3.13" beside "+6,8"
    gaps = [str(cell) for cell in at.dataframe[0].value.iloc[:, 4]]
    assert all(re.fullmatch(r"[+-]?\d+,\d", g) for g in gaps), gaps
    assert chart_separators(at) == {",."}
    bars = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")][1]
    assert all("." not in str(label) for label in bars["text"])


@pytest.mark.parametrize(("left", "warning"), [(1, "1 team har ingen kode"), (2, "2 teams har ingen kode")])
def test_the_teams_page_in_danish_counts_teams_without_a_code_in_the_singular_and_plural(
    db: Engine, left: int, warning: str
) -> None:
    wid = int(current_workshop_id(db) or 0)
    for team in list_teams(db, wid)[left:]:
        delete_team(db, wid, int(team.id or 0))
    at = in_danish(sign_in(fresh_app(), Role.FACILITATOR), "teams.py")
    at.text_input(key="new_team_name").input("Makerspace")
    next(b for b in at.button if b.label == "Tilføj teamet").click().run()
    assert errors_of(at) == []
    found = [w.value for w in at.warning if "ingen kode" in w.value]
    assert len(found) == 1 and found[0].startswith(warning + " på arket"), found
    assert decimal_points(at) == []
