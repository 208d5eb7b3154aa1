"""Key terms without the words a workshop leaves out, set by the facilitator (week setup) or by leadership
beside the key terms; answers picked for a theme named by their team and text (issue 26.5)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.week.material import consolidation_answers
from workshop.services.workshops.leave_out import leave_out
from workshop.services.workshops.lifecycle import current_workshop_id


def _terms(at) -> list[str]:  # type: ignore[no-untyped-def]
    frames = [d.value for d in at.dataframe if isinstance(d.value, pd.DataFrame)]
    return [str(v) for frame in frames for v in frame.iloc[:, 1].tolist()]


def test_leadership_leaves_a_word_out_of_the_key_terms_beside_them(demo_db: str, db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.switch_page("pages/overview.py").run()
    at.session_state["overview_tab"] = "Key terms"
    at.run()
    before = _terms(at)
    assert before, "the demo's answers have key terms"
    top = before[0]
    box = next(a for a in at.text_area if a.label == "Words to leave out of key terms and suggested groups")
    box.input(f"{top.upper()}\nsomething else")
    next(b for b in at.button if b.label == "Save the words").click().run()
    assert errors_of(at) == []
    assert "Saved: 2 words are left out." in [s.value for s in at.success]
    assert top not in _terms(at)
    assert leave_out(db, int(current_workshop_id(db) or 0)) == (top, "something else")


def test_the_facilitator_sets_the_words_on_week_setup_and_too_many_are_refused(demo_db: str, db: Engine) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR)
    at.switch_page("pages/week_setup.py").run()
    wid = int(current_workshop_id(db) or 0)
    box = next(a for a in at.text_area if a.label == "Words to leave out of key terms and suggested groups")
    box.input("Anne, Jonas; Godset")
    next(b for b in at.button if b.label == "Save the words").click().run()
    assert errors_of(at) == []
    assert leave_out(db, wid) == ("anne", "jonas", "godset")
    box = next(a for a in at.text_area if a.label == "Words to leave out of key terms and suggested groups")
    assert box.value == "anne\njonas\ngodset"
    box.input("\n".join(f"word{i}" for i in range(101)))
    next(b for b in at.button if b.label == "Save the words").click().run()
    assert any("At most 100 words can be left out" in e for e in errors_of(at))
    assert leave_out(db, wid) == ("anne", "jonas", "godset")  # nothing changed


def test_answers_picked_for_a_theme_show_their_team_and_text_not_a_number(demo_db: str, db: Engine) -> None:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.switch_page("pages/themes.py").run()
    answers = consolidation_answers(db, int(current_workshop_id(db) or 0))
    written = answers[answers["text"].str.len() > 0].iloc[0]
    picker = at.multiselect(key="new_theme_ids")
    label = picker.format_func(int(written["id"]))
    assert label.startswith(f"{written['team']}: ")
    assert written["text"][:40] in label
    assert not any(str(option).startswith("#") for option in picker.options)
