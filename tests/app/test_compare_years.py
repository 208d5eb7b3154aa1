"""The compare page year over year: the demo beside an earlier workshop made from the same template with a
few answers and actions — the paired chart of a matched question, the texts in two columns, a question
matched by hand, and the earlier actions done and not done."""

from __future__ import annotations

import json

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from ui.widgets import md
from workshop.domain.model import ActionStatus, QuestionKind, Role
from workshop.services.loop.actions import add_action
from workshop.services.week.days import list_questions
from workshop.services.workshops.lifecycle import add_team, create_workshop, now
from workshop.store import write
from workshop.store.tables import questions, responses

STRONG_INSPIRATION = "How strong are we in the inspiration space today?"
WHAT_LIMITS = "What limits us most as a meeting place today?"
MAKER = "<b>Maker</b> *space* [here](http://x.example)"  # shown as typed, never as markup or a link


def _earlier_workshop(engine: Engine) -> dict[str, int]:
    """'Last year' from the demo's template: two teams' answers to three questions, three actions; one text
    question reworded so that it matches only by hand. Returns the ids of the questions used."""
    wid = create_workshop(engine, "Last year", "facilitate-old", "lead-old-week", template_key="four_spaces_week")
    team_ids = [int(add_team(engine, wid, name)[0].id or 0) for name in ("Old front desk", "Old children")]
    listed = list_questions(engine, wid)
    by_text = {q.text: int(q.id or 0) for q in listed}
    text_id = next(int(q.id or 0) for q in listed if q.kind == QuestionKind.TEXT)
    rows = [
        {"question_id": by_text[STRONG_INSPIRATION], "team_id": team_ids[0], "rating": 2},
        {"question_id": by_text[STRONG_INSPIRATION], "team_id": team_ids[1], "rating": 2},
        {"question_id": by_text[WHAT_LIMITS], "team_id": team_ids[0], "choices": ["Opening hours and staffing"]},
        {"question_id": text_id, "team_id": team_ids[0], "text": "Our **old** answer"},
    ]
    stamp = now()
    with write(engine) as conn:
        conn.execute(
            responses.insert(),
            [
                {
                    "workshop_id": wid,
                    "text": "",
                    "rating": None,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "choices": [],
                    "spaces": [],
                    **r,
                }
                for r in rows
            ],
        )
        conn.execute(questions.update().where(questions.c.id == text_id).values(text="Last year's wording"))
    add_action(engine, wid, {"title": "Youth panel", "owner": "Ann", "status": ActionStatus.DONE})
    add_action(engine, wid, {"title": "New signs", "owner": "Bo", "status": ActionStatus.IN_PROGRESS})
    add_action(engine, wid, {"title": MAKER, "status": ActionStatus.PLANNED})
    return {"text": text_id}


def _unlocked(engine: Engine) -> AppTest:
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    at.switch_page("pages/compare.py").run()
    at.text_input[0].input("lead-old-week")
    next(b for b in at.button if b.label == "Show the comparison").click().run()
    assert errors_of(at) == []
    return at


def _charts(at: AppTest) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_a_matched_rating_question_is_drawn_then_and_now_with_every_bar_labelled(db: Engine) -> None:
    _earlier_workshop(db)
    at = _unlocked(db)
    headings = [s.value for s in at.subheader]
    assert "The same questions, then and now" in headings
    [chart] = [c for c in _charts(at) if STRONG_INSPIRATION in c["layout"]["title"]["text"]]
    before, after = chart["data"]
    assert before["name"] == "Last year"
    assert before["x"] == [0, 2, 0, 0, 0]  # two teams rated 2 last year
    assert before["text"] == ["0", "2", "0", "0", "0"] and len(after["text"]) == 5
    assert sum(after["x"]) > 0  # the demo's teams answered it this year
    assert chart["layout"]["yaxis"]["ticktext"] == ["1", "2", "3", "4", "5"]
    [choices] = [c for c in _charts(at) if WHAT_LIMITS in c["layout"]["title"]["text"]]
    options = choices["layout"]["yaxis"]["ticktext"]
    assert choices["data"][0]["x"][options.index("Opening hours and staffing")] == 1


def test_the_earlier_workshops_actions_are_listed_done_and_not_done_with_owner_and_status(db: Engine) -> None:
    _earlier_workshop(db)
    at = _unlocked(db)
    assert "What became of the actions of Last year" in [s.value for s in at.subheader]
    assert "1 of 3 actions are done." in [c.value for c in at.caption]
    lists = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert "\\<b\\>Maker\\</b\\>" in lists[1] and "<b>" not in lists[1]
    assert lists == [
        "- Youth panel — Ann (done)",
        f"- New signs — Bo (in progress)\n- {md(MAKER)} — no owner (planned)",
    ]


def test_a_reworded_question_is_matched_by_hand_and_its_texts_shown_in_two_columns(db: Engine) -> None:
    ids = _earlier_workshop(db)
    at = _unlocked(db)
    assert "Our **old** answer" not in [t.value for t in at.text]
    now_box = at.selectbox(key="yoy_now")
    assert len(now_box.options) == 1  # the one question whose earlier twin was reworded
    then_box = at.selectbox(key="yoy_then")
    assert then_box.options == ["Last year's wording"]
    next(b for b in at.button if b.label == "Match these questions").click().run()
    assert errors_of(at) == []
    [mapping] = at.session_state["compare_by_hand"].values()
    assert list(mapping.values()) == [ids["text"]]
    assert "Our **old** answer" in [t.value for t in at.text]  # plain text, as typed
    assert any(c.value.startswith("Matched by hand with") for c in at.caption)
    assert "Last year: 1 answer" in [c.value for c in at.caption]
    next(b for b in at.button if b.label == "Forget the matches by hand").click().run()
    assert "Our **old** answer" not in [t.value for t in at.text]
