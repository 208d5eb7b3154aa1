"""Sessions never leak into each other: two teams and leadership in parallel AppTest sessions each keep
their own role, team and unsent text; one team can neither read another's drafts nor write its answers,
through the page or through the service the page calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from tests.reliability.conftest import open_week
from workshop.config.templates import demo
from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import Role
from workshop.services.week.answers import Answer, save_draft, submit_answer, team_answers, team_drafts
from workshop.services.week.days import list_main_points
from workshop.services.workshops.lifecycle import current_workshop_id, list_teams
from workshop.store import make_engine


@pytest.fixture
def app_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", url)
    return url


def interleaved(sessions: dict[str, AppTest], step: Callable[[str, AppTest], Any]) -> None:
    """One step in every live session, turn by turn. AppTest keeps one Streamlit runtime per process, so
    its runs cannot overlap in threads; the sessions are alive together and share the app's process and
    cached engine, as on a server. (Truly simultaneous sessions: the browser journeys.)"""
    for name, at in sessions.items():
        step(name, at)


def shown(at: AppTest) -> str:
    """Everything a person reads on the page, widget contents included."""
    parts = [e.value for kind in ("title", "header", "subheader", "text", "markdown", "caption") for e in at.get(kind)]
    parts += [e.value for kind in ("success", "info", "warning") for e in at.get(kind)]
    parts += [str(w.value) for w in at.text_area] + [str(w.value) for w in at.text_input]
    parts += [frame.value.to_csv() for frame in at.dataframe]  # tables, such as the consolidated view's
    return "\n".join(parts)


def open_every_main_point(at: AppTest) -> None:
    """Leadership opens every main point's section of the consolidated view (a section's answers are drawn
    only once it is opened)."""
    engine = make_engine()
    for point in list_main_points(engine, int(current_workshop_id(engine) or 0)):
        at.session_state[f"open_page_point_{point.id}"] = True
    at.session_state["open_page_point_none"] = True
    at.run()


def answer_box(at: AppTest) -> Any:
    """The text area of the open day's first question (a text question)."""
    return next(w for w in at.text_area if w.label == "Your team's answer")


def test_live_sessions_side_by_side_keep_their_own_role_team_and_unsent_text(app_url: str) -> None:
    first, second = demo().teams[2], demo().teams[4]
    sessions = {"first": fresh_app(), "second": fresh_app(), "leadership": fresh_app()}
    codes = {"first": first.code, "second": second.code}

    def sign_in_and_open_the_answers(name: str, at: AppTest) -> None:
        if name == "leadership":
            sign_in(at, Role.LEADERSHIP)
            at.switch_page("pages/overview.py").run()
            open_every_main_point(at)
        else:
            sign_in(at, Role.TEAM, codes[name])
            at.switch_page("pages/answer.py").run()

    interleaved(sessions, sign_in_and_open_the_answers)
    unsent = {"first": "First team's own thoughts", "second": "Second team's own thoughts"}

    def type_without_sending(name: str, at: AppTest) -> None:
        if name in unsent:
            answer_box(at).input(unsent[name])

    interleaved(sessions, type_without_sending)
    first_at, second_at, lead_at = sessions["first"], sessions["second"], sessions["leadership"]
    # The first team sends; every session runs again; the second team's text was never sent.
    next(b for b in first_at.button if b.label == "Save the answer").click()
    interleaved(sessions, lambda _name, at: at.run())
    for at in sessions.values():
        assert errors_of(at) == []
    # Each page names its own team, as plain text under the page title (a team name is user text).
    for at, team in ((first_at, first), (second_at, second)):
        assert at.title[0].value == "Our answers"
        assert f"Answers of {team.name}" in [e.value for e in at.text]
    held = {name: at.session_state["identity"] for name, at in sessions.items()}
    assert held["first"]["role"] == held["second"]["role"] == Role.TEAM.value
    assert held["leadership"]["role"] == Role.LEADERSHIP.value and "team_id" not in held["leadership"]
    assert (held["first"]["team_name"], held["second"]["team_name"]) == (first.name, second.name)
    assert any(s.value.startswith("Saved at") for s in first_at.success)
    assert answer_box(first_at).value == unsent["first"]
    # The second team's unsent text stays in its own box (kept as its draft), and only there.
    assert unsent["first"] not in shown(second_at) and answer_box(second_at).value == unsent["second"]
    assert unsent["second"] not in shown(first_at) + shown(lead_at)
    assert first.name not in shown(second_at) and second.name not in shown(first_at)

    # Now the second team sends its own: each team's page shows its own answer, leadership both.
    answer_box(second_at).input(unsent["second"])
    next(b for b in second_at.button if b.label == "Save the answer").click()
    interleaved(sessions, lambda _name, at: at.run())
    assert answer_box(first_at).value == unsent["first"] and answer_box(second_at).value == unsent["second"]
    assert unsent["second"] not in shown(first_at) and unsent["first"] not in shown(second_at)
    assert unsent["first"] in shown(lead_at) and unsent["second"] in shown(lead_at)
    assert [at.session_state["identity"] for at in sessions.values()] == list(held.values())


def test_a_team_page_session_cannot_open_another_roles_page(app_url: str) -> None:
    at = sign_in(fresh_app(), Role.TEAM, demo().teams[0].code)
    for page in ("pages/overview.py", "pages/morning.py", "pages/teams.py"):
        at.switch_page(page).run()
        assert [w.value for w in at.warning] == ["This page is for another role. Sign in on the home page."]


def test_a_team_cannot_read_another_teams_drafts_or_write_its_answers_through_the_service(engine: Engine) -> None:
    week = open_week(engine, teams=2)
    mine, theirs = week.teams
    question = next(q for q in week.questions if q.kind.value == "text")
    qid = int(question.id or 0)
    save_draft(engine, theirs, qid, "Their half-written idea")
    their_answer = submit_answer(engine, theirs, Answer(qid, "Their answer"), idempotency_key="their-key")
    save_draft(engine, theirs, qid, "Their next draft")

    assert team_drafts(engine, mine) == {}
    assert qid not in team_answers(engine, mine)
    # Reusing their submission key is refused, and does not touch their answer.
    with pytest.raises(InvalidInput):
        submit_answer(engine, mine, Answer(qid, "Overwrite theirs"), idempotency_key="their-key")
    # Answering the same question makes our own answer, never an edit of theirs.
    own = submit_answer(engine, mine, Answer(qid, "Our own answer"), idempotency_key="our-key")
    assert own.id != their_answer.id and own.team_id == mine.id
    assert team_answers(engine, theirs)[qid].text == "Their answer"
    assert team_drafts(engine, theirs) == {qid: "Their next draft"}
    # A team of another workshop cannot reach this workshop's questions at all.
    other = open_week(engine, teams=1, template_key="four_spaces_week")
    stranger = other.teams[0]
    with pytest.raises(NotFound):
        submit_answer(engine, stranger, Answer(qid, "From outside"))
    with pytest.raises(NotFound):
        save_draft(engine, stranger, qid, "From outside")
    assert team_answers(engine, theirs)[qid].text == "Their answer"
    assert [t.name for t in list_teams(engine, week.workshop_id)] == [mine.name, theirs.name]
