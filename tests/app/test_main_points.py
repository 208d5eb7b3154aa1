"""Main points as Aarhus decided them (issue 26.7): leadership proposes and approves, the facilitator builds the
days on the approved ones, and the morning view shows what each main point means."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import current_wid, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, PointStatus, Role
from workshop.services.week.days import list_days, list_main_points, list_questions
from workshop.services.week.planning import save_main_point

TITLE = "Children's reading comes first"
DESCRIPTION = "Every team asks: what do we do for children who do not read yet? Decided at the seminar."


def leadership_points() -> AppTest:
    return sign_in(fresh_app(), Role.LEADERSHIP).switch_page("pages/main_points.py").run()


def point_options(at: AppTest, day_id: int) -> list[str]:
    box = at.selectbox(key=f"question-new-{day_id}-point")
    return [str(o) for o in box.options]


def test_leadership_proposes_and_approves_a_main_point_and_the_facilitator_builds_on_it(db: Engine) -> None:
    at = leadership_points()
    assert errors_of(at) == []
    at.text_input(key="propose-point-title").input(TITLE)
    at.text_area(key="propose-point-description").input(DESCRIPTION)
    at = next(b for b in at.button if b.label == "Propose").click().run()
    assert errors_of(at) == []
    point = next(p for p in list_main_points(db, current_wid(db)) if p.title == TITLE)
    assert (point.status, point.description) == (PointStatus.PROPOSED, DESCRIPTION)
    assert "Proposed, waiting for approval (1)" in [s.value for s in at.subheader]
    assert "Proposed — not approved yet" in [c.value for c in at.caption]

    setup = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    day = list_days(db, current_wid(db))[0]
    assert not any(TITLE in o for o in point_options(setup, int(day.id or 0)))  # not yet something to build on
    assert TITLE in [x.value for x in setup.text]  # but shown, as proposed

    at.button(key=f"approve-point-{point.id}").click().run()
    assert errors_of(at) == []
    assert next(p for p in list_main_points(db, current_wid(db)) if p.id == point.id).status == PointStatus.APPROVED
    assert "Proposed, waiting for approval (0)" in [s.value for s in at.subheader]

    setup = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    position = next(p.position for p in list_main_points(db, current_wid(db)) if p.id == point.id)
    assert f"{position}. {TITLE}" in point_options(setup, int(day.id or 0))
    setup.text_area(key=f"question-new-{day.id}-text").input("What could we start next month?")
    setup.selectbox(key=f"question-new-{day.id}-point").set_value(point.id)
    setup = (
        next(b for b in setup.button if b.label == "Add the question" and b.form_id.endswith(f"question-new-{day.id}"))
        .click()
        .run()
    )  # type: ignore[attr-defined]
    assert errors_of(setup) == []
    asked = list_questions(db, current_wid(db), day.id)[-1]
    assert (asked.text, asked.main_point_id) == ("What could we start next month?", point.id)


def test_the_facilitator_approves_a_point_leadership_proposed(db: Engine) -> None:
    point = save_main_point(db, current_wid(db), TITLE, DESCRIPTION, role=Role.LEADERSHIP)
    setup = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    setup.button(key=f"approve-point-{point.id}").click().run()
    assert errors_of(setup) == []
    assert next(p for p in list_main_points(db, current_wid(db)) if p.id == point.id).status == PointStatus.APPROVED


def test_the_morning_view_shows_each_main_points_description(db: Engine) -> None:
    day = next(d for d in list_days(db, current_wid(db)) if d.status == DayStatus.OPEN)
    asked = [q for q in list_questions(db, current_wid(db), day.id) if q.main_point_id is not None]
    assert asked, "the demo's open day asks questions on main points"
    points = {p.id: p for p in list_main_points(db, current_wid(db))}
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()
    shown = [x.value for x in at.text]
    for q in asked:
        point = points[q.main_point_id]
        assert point.description and point.description in shown


def test_the_facilitator_names_the_library_and_its_contact_for_the_leaflet(db: Engine) -> None:
    """Issue 26.7: the library's name and contact details are set in the week setup; the leaflet carries them."""
    from workshop.services.register.assets import leaflet_html
    from workshop.services.workshops.lifecycle import get_workshop

    setup = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/week_setup.py").run()
    next(w for w in setup.text_input if w.label == "Library name").input("Nordby Public Library")
    next(w for w in setup.text_input if w.label == "Library contact details").input("Torvet 1 · 46 31 50 00")
    setup = next(b for b in setup.button if b.label == "Save the workshop").click().run()
    assert errors_of(setup) == []
    current = get_workshop(db, current_wid(db))
    assert (current.library, current.library_contact) == ("Nordby Public Library", "Torvet 1 · 46 31 50 00")
    page = leaflet_html(db, current_wid(db))
    assert '<header><p class="library">Nordby Public Library</p>' in page and "Torvet 1 · 46 31 50 00" in page
