"""The morning meeting on screen: the teams not yet answered by name, yesterday's recap and its quotes,
the join QR code, the facilitator's participation view, and the projector link for the wall (refused once
revoked, replaced or wrong)."""

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, event
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions
from workshop.services.week.morning import new_projector_link

REFUSED = "This projector link does not work. Ask the facilitator for a new one."


def morning() -> AppTest:
    return sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()


def wall(token: str) -> AppTest:
    """A fresh browser on the projector link: no sign-in."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["projector"] = token
    return at.run()


def texts(at: AppTest) -> list[str]:
    return [x.value for x in at.text]


def test_the_teams_not_yet_answered_are_named_and_leave_the_list(db: Engine, wid: int) -> None:
    at = morning()
    assert "Not answered yet (3):" in [s.value for s in at.subheader]
    assert "Digital services, Front desk, Local history" in texts(at)
    day = next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN)
    first = int(list_questions(db, wid, day.id)[0].id or 0)
    submit_answer(db, join_team(db, wid, "WQ9ZD3", session="test"), Answer(first, "Homework café"))  # Digital services
    at.run()
    assert "Not answered yet (2):" in [s.value for s in at.subheader]
    assert "Front desk, Local history" in texts(at)
    assert errors_of(at) == []


def test_yesterdays_recap_shows_the_figures_counted_by_hand(wid: int) -> None:
    """Demo day 2: 'young people' chosen by 5 teams, 'businesses' and 'newcomers' by 2; ratings 4, 3, 4, 3, 3."""
    at = morning()
    assert "Yesterday: Day 2" in [h.value for h in at.header]
    shown = [m.value for m in at.markdown]
    assert [s for s in shown if s.endswith("**") and ": **" in s] == [
        "young people: **5**",
        "businesses: **2**",
        "newcomers: **2**",
    ]
    assert "Average **3.4**, from 3 to 4 (5 teams)" in shown
    assert "Teams per rating: 1: 0 · 2: 0 · 3: 3 · 4: 2 · 5: 0" in [c.value for c in at.caption]
    assert "Teams disagree most here (ratings from 3 to 4):" in [s.value for s in at.subheader]


def test_the_facilitator_picks_quotes_for_the_recap_and_the_wall_shows_them(db: Engine, wid: int) -> None:
    at = morning()
    pick = at.multiselect(key=f"quotes-pick-{list_days(db, wid)[1].id}")
    chosen = [o for o in pick.options if o.startswith("Front desk: Users ask us")] + [
        o for o in pick.options if o.startswith("Children & families: Stop the Saturday")
    ]
    pick.set_value(chosen)
    next(b for b in at.button if b.label == "Save the quotes").click()
    at.run()
    quoted = [t for t in texts(at) if t.startswith("“")]
    assert [q[:19] for q in quoted] == ["“Users ask us about", "“Stop the Saturday "]
    assert {"— Front desk", "— Children & families"} <= {c.value.replace("\\", "") for c in at.caption}
    projector = wall(new_projector_link(db, wid))
    assert [t for t in texts(projector) if t.startswith("“")] == quoted


def test_the_join_qr_code_carries_the_workshop_link_without_a_code(wid: int) -> None:
    at = morning()
    assert f"http://localhost:8501/?w={wid}&lang=en" in [c.value for c in at.caption]  # the demo is English
    assert len(at.get("image")) == 1  # the QR code


def test_the_facilitator_sees_participation_by_day(db: Engine, wid: int) -> None:
    at = morning()
    day_box = at.selectbox(key="participation-day")
    assert day_box.value.position == 3  # the open day first
    day_box.select(list_days(db, wid)[0]).run()
    assert at.selectbox(key="participation-day").value.position == 1
    assert len(at.dataframe) == 2 and errors_of(at) == []


def test_the_projector_link_shows_the_wall_until_revoked(db: Engine, wid: int) -> None:
    at = morning()
    at.button(key="projector-make").click().run()
    link = at.code[0].value
    assert link.startswith("http://localhost:8501/?projector=")
    token = link.split("=", 1)[1]
    shown = wall(token)
    assert shown.title[0].value == "Day 3" and [m.value for m in shown.metric] == ["3 of 6 teams answered"]
    assert (
        not shown.text_input and not shown.sidebar.button and not shown.sidebar.selectbox
    )  # no sign-in, no sidebar controls
    assert "Yesterday: Day 2" in [h.value for h in shown.header]
    assert REFUSED not in [w.value for w in shown.warning]
    at.button(key="projector-revoke").click().run()
    assert "No projector link works now." in [c.value for c in at.caption] and not at.code
    shown.run()  # the wall's next refresh
    assert [w.value for w in shown.warning] == [REFUSED] and not shown.title and not shown.metric
    assert REFUSED in [w.value for w in wall(token).warning]


def test_a_replaced_or_wrong_projector_link_shows_nothing_of_the_workshop(db: Engine, wid: int) -> None:
    old = new_projector_link(db, wid)
    at = morning()
    assert at.button(key="projector-make").label == "Replace the projector link"
    at.button(key="projector-make").click().run()
    fresh = at.code[0].value.split("=", 1)[1]
    assert fresh != old
    for token in (old, "guess", fresh[:-2]):
        refused = wall(token)
        assert [w.value for w in refused.warning] == [REFUSED]
        assert not refused.title and not refused.text and not refused.header
    assert wall(fresh).title[0].value == "Day 3"


def statements_of(run: Callable[[], object]) -> list[str]:
    """The SQL statements any engine of this process sends while `run` runs."""
    sent: list[str] = []

    def note(conn: object, cursor: object, statement: str, *rest: object) -> None:
        sent.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return sent


@pytest.mark.parametrize("page", ["morning", "wall"])
def test_a_refresh_with_nothing_changed_reads_no_answer_team_or_day_again(db: Engine, wid: int, page: str) -> None:
    """The morning view and the wall redraw every 5 s on every projector: with nothing written meanwhile, a
    refresh asks only whether anything changed (the data versions), never for the answers, teams or days. (The
    wall checks its projector link on every refresh, so that a revoked link stops at once: not a read of the
    board.)"""
    at = morning() if page == "morning" else wall(new_projector_link(db, wid))
    again = statements_of(at.run)
    assert "Not answered yet (3):" in [s.value for s in at.subheader]  # the board is drawn, from the cache
    assert "Yesterday: Day 2" in [h.value for h in at.header]
    shown_tables = ("responses", "teams", "days", "questions", "main_points", "recap_quotes")
    read_again = [s for s in again if any(f"FROM {table}" in s for table in shown_tables)]
    assert read_again == []
    assert errors_of(at) == []
