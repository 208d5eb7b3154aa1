"""The facilitator's home page carries the week's checklist: every step with its state and a link to the
page where it is done, on an empty workshop (only the first step is "now") and on the demo."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.config.i18n import translate
from workshop.domain.checklist import StepKey
from workshop.domain.model import Role
from workshop.services.workshops.lifecycle import create_workshop, set_current_workshop

STEP_COUNT = len(StepKey)


def checklist(at: AppTest) -> list[tuple[str, str, str]]:
    """The checklist's steps as drawn, in order: (state icon, label with the state in words, page)."""
    names = tuple(translate("en", f"checklist.step.{k.value}") for k in StepKey)
    return [
        (link.proto.icon, link.proto.label, link.proto.page)
        for link in at.get("page_link")
        if link.proto.label.startswith(names)
    ]


def test_an_empty_workshop_shows_every_step_to_do_but_the_first_which_is_now(db: Engine) -> None:
    wid = create_workshop(db, "Empty week", "facilitator-code-1", "leadership-code-1")
    set_current_workshop(db, wid)
    at = sign_in(fresh_app(), Role.FACILITATOR, "facilitator-code-1")
    assert errors_of(at) == []
    assert [s.value for s in at.subheader if s.value == "Your week, step by step"]
    steps = checklist(at)
    assert len(steps) == STEP_COUNT
    assert steps[0] == ("👉", "Import the library's offers · now", "import_offers")
    assert all(icon == "⬜" and label.endswith("· to do") for icon, label, _ in steps[1:]), steps
    assert [page for _, _, page in steps] == [
        "import_offers",
        "teams",
        "mapping_review",
        "mapping_review",
        "mapping_review",
        "week_setup",
        "morning",
        "week_setup",
        "week_setup",
        "morning",
        "week_log",
    ]
    now_hint = translate("en", "checklist.hint.offers") + " Page: Import offers."
    assert now_hint in [c.value for c in at.caption]  # the step to do now says how, and where


def test_the_demo_checklist_shows_done_now_and_to_do_with_the_days_counted(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    assert errors_of(at) == []
    steps = checklist(at)
    assert len(steps) == STEP_COUNT
    assert steps[0] == ("✅", "Import the library's offers · done", "import_offers")
    assert steps[4] == ("👉", "Resolve the mapping's disagreements and proposed offers · now", "mapping_review")
    assert steps[7][:2] == ("⬜", "Open each day in the morning · to do · 3 of 5")
    assert steps[8][:2] == ("⬜", "Close each day when the teams have answered · to do · 2 of 5")
    assert [icon for icon, _, _ in steps].count("👉") == 1
    assert steps[10] == ("✅", "Hand the answers over to leadership · done", "week_log")


def test_other_roles_get_no_checklist(db: Engine) -> None:
    for role in (Role.TEAM, Role.LEADERSHIP):
        at = sign_in(fresh_app(), role)
        assert checklist(at) == []


def test_the_checklist_speaks_danish(db: Engine) -> None:
    at = fresh_app()
    at = sign_in(at.selectbox(key="lang").set_value("da").run(), Role.FACILITATOR)
    assert any(s.value == "Din uge, trin for trin" for s in at.subheader)
    assert "Importér bibliotekets tilbud · gjort" in [link.proto.label for link in at.get("page_link")]
