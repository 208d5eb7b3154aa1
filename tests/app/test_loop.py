"""Closing the loop on the demo: a team reads "you said -> we decided" and reacts; leadership publishes,
opens and closes reactions, and reads the reactions beside each theme."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain.loop import REACTION_MAX, Stance
from workshop.domain.model import Role
from workshop.services.loop.publication import is_published
from workshop.services.loop.reactions import reactions_frame
from workshop.services.loop.themes import list_themes
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store import make_engine

TEAM = "Children & families"  # the demo's first team: sign_in joins with its code


def _page(role: Role, page: str) -> AppTest:
    at = sign_in(fresh_app(), role)
    at.switch_page(f"pages/{page}").run()
    assert errors_of(at) == []
    return at


def _theme_id(title: str) -> int:
    engine = make_engine()
    return next(int(t.id or 0) for t in list_themes(engine, int(current_workshop_id(engine) or 0)) if t.title == title)


def _texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_a_team_reads_each_decision_its_note_the_actions_and_its_own_answers_marked(demo_db: str) -> None:
    at = _page(Role.TEAM, "decisions.py")
    assert at.title[0].value == "You said → we decided"
    assert "4 themes, 3 decided." in [c.value for c in at.caption]
    texts = _texts(at)
    assert texts.index("A place for teenagers") < texts.index("The language café twice a week")  # decided first
    assert any(t.startswith("We open a teen corner on the first floor") for t in texts)
    assert any(
        t.startswith("Plan the teen corner with a group of young users — Children & families · due ") for t in texts
    )
    assert any(t.endswith("· in progress") for t in texts) and any(t.endswith("· done") for t in texts)
    assert any(t.startswith(f"{TEAM} · Where in the building") for t in texts)
    assert any("your team" in m.value for m in at.markdown)  # the badge on the team's own answers
    # A theme closed for reactions shows the team's last reaction instead of the form.
    assert "Your team's reaction: agree (reactions to this theme are closed)" in [c.value for c in at.caption]
    assert "Good that families keep one Saturday a month." in texts


def test_a_team_reacts_edits_its_reaction_and_leadership_reads_it_beside_the_theme(demo_db: str) -> None:
    at = _page(Role.TEAM, "decisions.py")
    theme_id = _theme_id("A place for teenagers")
    form = [r for r in at.radio if r.label == "Your team's reaction"]
    assert len(form) == 2  # the two themes open for reactions; no reaction of this team yet
    form[0].set_value(Stance.CONCERNS)
    next(a for a in at.text_area if a.label.startswith("A short comment")).input("Thursday <b>staff</b>?")
    next(b for b in at.button if b.label == "Save our reaction").click().run()
    assert errors_of(at) == []
    assert any(s.value.startswith("Your reaction is saved") for s in at.success)
    engine = make_engine()
    wid = int(current_workshop_id(engine) or 0)
    given = reactions_frame(engine, wid)
    mine = given[(given["team"] == TEAM) & (given["theme_id"] == theme_id)]
    assert mine[["stance", "comment"]].values.tolist() == [["concerns", "Thursday <b>staff</b>?"]]
    # The form comes back filled in; a second save edits the one reaction instead of adding one.
    assert next(a for a in at.text_area if a.label.startswith("A short comment")).value == "Thursday <b>staff</b>?"
    next(a for a in at.text_area if a.label.startswith("A short comment")).input("Thursday <b>staff</b>? Solved.")
    next(b for b in at.button if b.label == "Save our reaction").click().run()
    given = reactions_frame(engine, wid)
    assert given[given["team"] == TEAM]["comment"].tolist().count("Thursday <b>staff</b>? Solved.") == 1
    assert len(given) == 6  # the demo's five, and this team's one

    lead = _page(Role.LEADERSHIP, "themes.py")
    assert f"{TEAM} · concerns\nThursday <b>staff</b>? Solved." in _texts(lead)
    assert "Reactions: 1 team agrees, 2 teams have concerns." in [c.value for c in lead.caption]


def test_a_comment_over_the_limit_is_refused_naming_the_limit_and_never_cut(demo_db: str) -> None:
    at = _page(Role.TEAM, "decisions.py")
    box = next(a for a in at.text_area if a.label.startswith("A short comment"))
    assert box.label == f"A short comment (at most {REACTION_MAX} characters)"
    box.set_value("y" * (REACTION_MAX + 1))  # pasted, or sent by a crafted client: the box does not cut it
    next(b for b in at.button if b.label == "Save our reaction" and b.form_id == box.form_id).click().run()
    assert any(f"at most {REACTION_MAX} characters" in e.value for e in at.error)
    assert not any(s.value.startswith("Your reaction is saved") for s in at.success)
    engine = make_engine()
    assert not any(
        len(c) == REACTION_MAX for c in reactions_frame(engine, int(current_workshop_id(engine) or 0))["comment"]
    )


def test_before_leadership_publishes_teams_see_that_it_has_not_published_yet(demo_db: str) -> None:
    lead = _page(Role.LEADERSHIP, "themes.py")
    assert lead.toggle(key="publish_decisions").value is True  # the demo is published
    lead.toggle(key="publish_decisions").set_value(False).run()
    assert errors_of(lead) == []
    assert "Not published: teams see nothing yet." in [c.value for c in lead.caption]
    engine = make_engine()
    assert not is_published(engine, int(current_workshop_id(engine) or 0))

    team = _page(Role.TEAM, "decisions.py")
    assert [i.value for i in team.info] == [
        "Leadership hasn't published its decisions yet. Come back later: you will see here what came of your "
        "team's answers."
    ]
    assert "A place for teenagers" not in _texts(team) and not team.button


def test_leadership_closes_a_theme_for_reactions_and_the_team_form_disappears(demo_db: str) -> None:
    lead = _page(Role.LEADERSHIP, "themes.py")
    theme_id = _theme_id("A place for teenagers")
    lead.toggle(key=f"reactions_open_{theme_id}").set_value(False).run()
    assert errors_of(lead) == []
    engine = make_engine()
    assert not next(
        t for t in list_themes(engine, int(current_workshop_id(engine) or 0)) if t.id == theme_id
    ).reactions_open
    team = _page(Role.TEAM, "decisions.py")
    assert len([r for r in team.radio if r.label == "Your team's reaction"]) == 1  # only the parked theme is open


def test_leadership_reads_the_demo_vote_as_a_ranked_chart_with_every_bar_labelled(demo_db: str) -> None:
    import json

    lead = _page(Role.LEADERSHIP, "dot_votes.py")
    [chart] = lead.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    [bars] = spec["data"]
    ticks = spec["layout"]["yaxis"]
    assert bars["y"] == ticks["tickvals"] == [0, 1, 2, 3]  # one tick per bar, each with its own label
    assert ticks["ticktext"] == [
        "A place for teenagers",
        "Make room for users to create",
        "Digital help without a waiting<br>list",  # wrapped: every label stays readable
        "The language café twice a week",
    ]
    assert bars["x"] == [8, 3, 3, 1] and bars["text"] == ["8", "3", "3", "1"]  # each bar shows its dots


def test_a_team_spends_its_dots_and_a_dot_beyond_them_is_refused(demo_db: str) -> None:
    from workshop.services.loop.votes import open_vote, team_dots

    at = _page(Role.TEAM, "spend_dots.py")
    engine = make_engine()
    wid = int(current_workshop_id(engine) or 0)
    vote = open_vote(engine, wid, "What next?", "themes", 2)
    theme_id = _theme_id("A place for teenagers")
    at.run()
    assert "2 of 2 dots left." in [c.value for c in at.caption]
    for _ in range(3):
        at.button(key=f"dot_{vote}_{theme_id}_1").click().run()
    assert [e.value for e in at.error] == ["Your team has spent all its dots (2). Take one back to move it."]
    assert "0 of 2 dots left." in [c.value for c in at.caption]
    assert team_dots(engine, wid, vote, 1) == {theme_id: 2}  # the demo's first team
