"""Issue 16 part 1 on the pages: the facilitator adds and closes a proposal, a team screens it (and sees only
its own answers), leadership reads the card with its disagreement and records the verdict."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.domain.screening import ScreeningAnswer, team_rater
from workshop.services.partnership.proposals import list_proposals, save_proposal
from workshop.services.partnership.screening import own_screening, screen_as_team
from workshop.services.whole.demo import demo_codes_hint
from workshop.services.workshops.lifecycle import (
    add_team,
    create_workshop,
    current_workshop_id,
    list_teams,
    set_current_workshop,
)

CODES = demo_codes_hint()["teams"]


def _open_proposal(db: Engine) -> tuple[int, int]:
    wid = int(current_workshop_id(db) or 0)
    return wid, save_proposal(db, wid, {"title": "Chess club in the reading room", "proposer": "Nordby Chess"})


def _on(role: Role, page: str, code: str | None = None) -> AppTest:
    at = sign_in(fresh_app(), role, code)
    return at.switch_page(f"pages/{page}.py").run()


def test_the_facilitator_adds_a_proposal_and_closes_it_for_screening(db: Engine) -> None:
    at = _on(Role.FACILITATOR, "proposals")
    assert [e.label for e in at.expander][:2] == [
        "Maker summer camp for 10–14 year olds — yes",
        "A sponsored phone-charging lounge — no",
    ]
    form = "add-proposal"
    next(w for w in at.text_input if w.label == "Who proposes it" and form in w.form_id).input("Nordby Chess")
    next(w for w in at.text_input if w.label == "Proposal" and form in w.form_id).input("Chess club")
    next(w for w in at.multiselect if w.label == "Spaces it concerns" and form in w.form_id).select("meeting")
    next(b for b in at.button if b.label == "Add proposal").click().run()
    assert errors_of(at) == []
    assert [s.value for s in at.success] == ["Proposal Chess club saved."]
    wid = int(current_workshop_id(db) or 0)
    added = list_proposals(db, wid)[-1]
    assert (added.title, added.proposer, added.spaces, added.is_open) == (
        "Chess club",
        "Nordby Chess",
        ["meeting"],
        True,
    )
    next(b for b in at.button if b.key == f"toggle-{added.id}").click().run()
    assert list_proposals(db, wid)[-1].is_open is False


def test_an_empty_title_gets_a_message_naming_the_field(db: Engine) -> None:
    at = _on(Role.FACILITATOR, "proposals")
    next(b for b in at.button if b.label == "Add proposal").click().run()
    assert len(at.error) == 1 and "title" in at.error[0].value


def test_a_team_screens_an_open_proposal_and_another_team_sees_none_of_it(db: Engine) -> None:
    wid, pid = _open_proposal(db)
    at = _on(Role.TEAM, "screening", CODES["Digital services"])
    assert at.selectbox(key="screen_pick").value == pid  # the open one first, before the demo's closed ones
    assert not at.info  # open: nothing says it is closed
    at.radio(key=f"screen-{pid}-1").set_value(ScreeningAnswer.YES)
    at.radio(key=f"screen-{pid}-14").set_value(ScreeningAnswer.NO)
    at.text_input(key=f"screen-{pid}-14-note").input("Who pays the boards?")
    next(b for b in at.button if b.label == "Save our screening").click().run()
    assert errors_of(at) == []
    assert [s.value for s in at.success] == ["Saved: 2 of 14 questions answered."]
    assert "Your team has answered 2 of the 14 questions." in [c.value for c in at.caption]
    team = next(t for t in list_teams(db, wid) if t.name == "Digital services")
    mine = own_screening(db, wid, pid, team_rater(int(team.id or 0)))
    assert {q: (a.answer, a.note) for q, a in mine.items()} == {1: ("yes", ""), 14: ("no", "Who pays the boards?")}

    other = _on(Role.TEAM, "screening", CODES["Front desk"])
    other.selectbox(key="screen_pick").set_value(pid).run()
    assert other.radio(key=f"screen-{pid}-14").value is None
    assert other.text_input(key=f"screen-{pid}-14-note").value == ""
    assert not any("Your team has answered" in c.value for c in other.caption)


def test_a_closed_proposal_shows_the_teams_answers_but_takes_no_more(db: Engine) -> None:
    at = _on(Role.TEAM, "screening", CODES["Events & culture"])  # the demo's proposals are closed
    assert [i.value for i in at.info] == [
        "This proposal is closed for screening. Your answers are shown as you left them."
    ]  # and not leadership's verdict: that is leadership's to publish
    assert at.radio(key="screen-1-13").value == "no" and at.radio(key="screen-1-13").disabled
    assert at.text_input(key="screen-1-13-note").value == "Our staff are on holiday in July: who opens and locks up?"
    assert next(b for b in at.button if b.label == "Save our screening").disabled


def test_leadership_reads_the_disagreement_and_records_a_verdict(db: Engine) -> None:
    wid, pid = _open_proposal(db)
    for name, answer in (("Digital services", "yes"), ("Front desk", "no")):
        team = next(t for t in list_teams(db, wid) if t.name == name)
        screen_as_team(db, team, pid, [{"question": 5, "answer": answer, "note": ""}])
    at = _on(Role.LEADERSHIP, "screening_cards")
    assert [w.value for w in at.warning] == ["The teams disagree on question 13."]  # the demo's maker camp
    at.selectbox(key="card_pick").set_value(pid).run()
    assert [w.value for w in at.warning] == ["The teams disagree on question 5."]
    assert "Screened by 2 teams." in [c.value for c in at.caption]
    five = _spread_lines(at, pid)[0]
    assert five == (
        "⚠️ 5. Is there potential for growth and replication? Is it scalable?",
        "Yes 1 · No 1 · Unsure 0 · Teams disagree",
    )
    next(b for b in at.button if b.label == "Record the verdict").click().run()
    assert len(at.error) == 1 and "verdict" in at.error[0].value  # nothing chosen yet
    at.radio(key=f"verdict-{pid}-pick").set_value("conditions")
    at.text_area(key=f"verdict-{pid}-reason").input("Only on weekday evenings")
    next(b for b in at.button if b.label == "Record the verdict").click().run()
    assert errors_of(at) == []
    assert [s.value for s in at.success] == ["Verdict on Chess club in the reading room recorded."]
    found = next(p for p in list_proposals(db, wid) if p.id == pid)
    assert (found.verdict, found.verdict_reason) == ("conditions", "Only on weekday evenings")
    assert "Leadership said yes, with conditions: Only on weekday evenings" in [i.value for i in at.info]


def _spread_lines(at: AppTest, pid: int) -> list[tuple[str, str]]:
    """The card's questions as drawn, top to bottom: (the question's line, its counts)."""
    numbered = [x.value for x in at.text if x.value.removeprefix("⚠️ ").split(".", 1)[0].isdigit()]
    counts = [c.value for c in at.caption if c.value.startswith("Yes ")]
    return list(zip(numbered, counts, strict=True))


def test_the_card_puts_the_contested_questions_first_and_shows_all_fourteen(db: Engine) -> None:
    wid, pid = _open_proposal(db)
    said = {  # the teams disagree on 13 (2 against 1) and on 6 (1 against 1); all agree on 1
        "Digital services": {1: "yes", 6: "yes", 13: "no"},
        "Front desk": {1: "yes", 6: "no", 13: "no"},
        "Local history": {1: "yes", 13: "yes", 14: "unsure"},
    }
    for name, answers in said.items():
        team = next(t for t in list_teams(db, wid) if t.name == name)
        screen_as_team(db, team, pid, [{"question": q, "answer": a, "note": ""} for q, a in answers.items()])
    at = _on(Role.LEADERSHIP, "screening_cards")
    at.selectbox(key="card_pick").set_value(pid).run()
    assert errors_of(at) == []
    lines = _spread_lines(at, pid)
    numbers = [int(line.removeprefix("⚠️ ").split(".", 1)[0]) for line, _ in lines]
    assert numbers == [13, 6, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 14]  # all 14, the most contested first
    assert lines[0] == (
        "⚠️ 13. Do we have the capacity and resources to do the work — or can we obtain them?",
        "Yes 1 · No 2 · Unsure 0 · Teams disagree",
    )
    assert lines[-1] == ("14. Is it possible to finance it?", "Yes 0 · No 0 · Unsure 1")
    assert not at.dataframe[1:]  # the questions are text, not a grid that cuts them off or scrolls them away


def test_the_facilitator_of_a_workshop_without_teams_screens_alone(db: Engine) -> None:
    wid = create_workshop(db, "A small branch", "facilitate-the-branch", "lead-the-branch")
    set_current_workshop(db, wid)
    pid = save_proposal(db, wid, {"title": "Knitting café"})
    at = _on(Role.FACILITATOR, "proposals", "facilitate-the-branch")
    at.radio(key=f"screen-{pid}-2").set_value(ScreeningAnswer.UNSURE)
    next(b for b in at.button if b.label == "Save our screening").click().run()
    assert [s.value for s in at.success] == ["Saved: 1 of 14 questions answered."]
    assert {q: a.answer for q, a in own_screening(db, wid, pid, "facilitator").items()} == {2: "unsure"}


def test_every_screening_page_has_a_way_out_when_there_are_no_proposals(db: Engine) -> None:
    wid = create_workshop(db, "An empty week", "facilitate-the-empty", "lead-the-empty")
    set_current_workshop(db, wid)
    assert [i.value for i in _on(Role.FACILITATOR, "proposals", "facilitate-the-empty").info] == [
        "No proposals yet. Add the first one below."
    ]
    lead = _on(Role.LEADERSHIP, "screening_cards", "lead-the-empty")
    assert [i.value for i in lead.info] == ["No proposals to screen yet. The facilitator adds them."]
    assert [link.proto.label for link in lead.get("page_link")] == ["Partners"]
    _, code = add_team(db, wid, "Children")
    team = _on(Role.TEAM, "screening", code)
    assert [i.value for i in team.info] == ["There is nothing to screen yet. The facilitator adds the proposals."]
    assert [link.proto.label for link in team.get("page_link")] == ["Our answers"]


def test_the_facilitator_edits_a_proposal_and_deletes_it_after_confirming(db: Engine) -> None:
    wid, pid = _open_proposal(db)
    at = _on(Role.FACILITATOR, "proposals")
    box = next(w for w in at.text_input if w.label == "Who proposes it" and f"edit-{pid}" in w.form_id)
    assert box.value == "Nordby Chess"
    box.input("Nordby Chess Club")
    next(b for b in at.button if b.label == "Save changes" and f"edit-{pid}" in b.form_id).click().run()
    assert [s.value for s in at.success] == ["Proposal Chess club in the reading room saved."]
    assert next(p for p in list_proposals(db, wid) if p.id == pid).proposer == "Nordby Chess Club"
    at.button(key=f"delete-proposal-{pid}").click().run()
    assert [w.value for w in at.warning] == [
        "Delete Chess club in the reading room with every team's screening of it? This cannot be undone."
    ]
    assert pid in [p.id for p in list_proposals(db, wid)]  # nothing goes before the confirmation
    at.button(key=f"delete-yes-proposal-{pid}").click().run()
    assert errors_of(at) == []
    assert pid not in [p.id for p in list_proposals(db, wid)]
