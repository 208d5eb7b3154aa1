"""The facilitator's home page carries the week's checklist: every step with its state and a link to the
page where it is done, on an empty workshop (only the first step is "now") and on the demo."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.config.i18n import translate
from workshop.domain.checklist import StepKey
from workshop.domain.model import Role
from workshop.services.workshops import create_workshop, set_current_workshop

STEP_COUNT = len(StepKey)


def checklist_lines(at: AppTest) -> list[str]:
    """The checklist's step lines as drawn (icon, name, state), in order."""
    names = [translate("en", f"checklist.step.{k.value}") for k in StepKey]
    return [m.value for m in at.markdown if any(f"**{n}**" in m.value for n in names)]


def checklist_links(at: AppTest) -> list[tuple[str, str]]:
    return [(link.proto.label, link.proto.page) for link in at.get("page_link") if link.proto.label.startswith("Go to")]


def test_an_empty_workshop_shows_every_step_to_do_but_the_first_which_is_now(db: Engine) -> None:
    wid = create_workshop(db, "Empty week", "facilitator-code-1", "leadership-code-1")
    set_current_workshop(db, wid)
    at = sign_in(fresh_app(), Role.FACILITATOR, "facilitator-code-1")
    assert errors_of(at) == []
    assert [s.value for s in at.subheader if s.value == "Your week, step by step"]
    lines = checklist_lines(at)
    assert len(lines) == STEP_COUNT
    assert lines[0] == "👉 **Import the library's offers** · now"
    assert all(line.startswith("⬜ ") and line.endswith("· to do") for line in lines[1:]), lines
    links = checklist_links(at)
    assert len(links) == STEP_COUNT
    assert links[0] == ("Go to: Import offers", "import_offers")
    assert ("Go to: Teams", "teams") in links and ("Go to: Morning view", "morning") in links
    hints = [c.value for c in at.caption]
    assert translate("en", "checklist.hint.teams") in hints  # the code sheet's trap, said before it bites


def test_the_demo_checklist_shows_done_now_and_to_do_with_the_days_counted(db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    assert errors_of(at) == []
    lines = checklist_lines(at)
    assert len(lines) == STEP_COUNT
    assert lines[0] == "✅ **Import the library's offers** · done"
    assert lines[4] == "👉 **Resolve the mapping's disagreements and proposed offers** · now"
    assert lines[7] == "⬜ **Open each day in the morning** · to do · 3 of 5"
    assert lines[8] == "⬜ **Close each day when the teams have answered** · to do · 2 of 5"
    assert [line.split(" ")[0] for line in lines].count("👉") == 1
    assert ("Go to: Mapping by the teams", "mapping_review") in checklist_links(at)


def test_other_roles_get_no_checklist(db: Engine) -> None:
    for role in (Role.TEAM, Role.LEADERSHIP):
        at = sign_in(fresh_app(), role)
        assert checklist_lines(at) == [] and checklist_links(at) == []


def test_the_checklist_speaks_danish(db: Engine) -> None:
    at = fresh_app()
    at = sign_in(at.selectbox(key="lang").set_value("da").run(), Role.FACILITATOR)
    assert any(s.value == "Din uge, trin for trin" for s in at.subheader)
    assert any(link.proto.label.startswith("Gå til: ") for link in at.get("page_link"))
