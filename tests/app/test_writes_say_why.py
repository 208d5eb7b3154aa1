"""A save that stores less than it was given says why (issue 24, item 7): an edit of a theme, partner,
proposal or offer that another session deleted meanwhile, a reaction after leadership closed reactions, and
an answer longer than the limit. The user sees the reason, never "Saved"; the database holds nothing new.
On SQLite and on PostgreSQL (when TEST_DATABASE_URL is set): the app builds its demo in either."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from tests.app.conftest import current_wid, fresh_app, sign_in
from tests.conftest import database_url
from ui.cache import forget_all
from workshop.config.messages import render
from workshop.domain.messages import message
from workshop.domain.model import DayStatus, Role
from workshop.services.loop.reactions import reactions_frame, set_reactions_open
from workshop.services.loop.themes import delete_theme, list_themes
from workshop.services.partnership.partners import delete_partner
from workshop.services.partnership.proposals import delete_proposal, list_proposals, save_proposal, set_proposal_open
from workshop.services.register.assets import delete_asset, list_assets
from workshop.services.register.offers import delete_offers, register_frame
from workshop.services.week.answers import MAX_TEXT
from workshop.services.week.comments import add_comment, set_hidden
from workshop.services.week.days import list_days, list_questions, log_answers
from workshop.services.week.teams import delete_team
from workshop.services.workshops.lifecycle import list_teams
from workshop.store import make_engine
from workshop.store.engine import URL_VARIABLE
from workshop.store.tables import drafts, responses

ROOT = Path(__file__).resolve().parents[2]
SAVED_WORDS = ("saved", "Saved")
TEAM_CODE = "WQ9ZD3"  # Digital services: a demo team that has not answered the open day yet


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """An empty database of each kind for the app, which builds its demo in it on the first run."""
    url = database_url(request.param, tmp_path)
    # The PostgreSQL test database has one URL for every test, emptied in between: the app's engine (made,
    # migrated and given its demo once per URL) and its cached reads must start afresh, as on a new server.
    st.cache_resource.clear()
    st.cache_data.clear()
    forget_all()
    monkeypatch.setenv(URL_VARIABLE, url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def on(role: Role, page: str, code: str | None = None) -> AppTest:
    return sign_in(fresh_app(), role, code).switch_page(f"pages/{page}.py").run()


def messages(at: AppTest) -> list[str]:
    return [e.value for e in at.error] + [str(e.value) for e in at.exception] + [w.value for w in at.warning]


def gone(at: AppTest, key: str = "error.not_found", **params: object) -> bool:
    """The page says the item is no longer there: the general not-found text, or the one a service
    raises for its kind of item (error.missing.<kind>: "No theme 3; it may have been deleted."), in English."""
    said = render(message(key, **params), "en")  # as the page renders an error
    return any(m.startswith(said) for m in messages(at))


def said_saved(at: AppTest) -> bool:
    return any(word in s.value for s in at.success for word in SAVED_WORDS) or any(
        word in str(toast.proto.body) for toast in at.toast for word in SAVED_WORDS
    )


def submit(at: AppTest, form: str) -> AppTest:
    return next(b for b in at.button if b.form_id == form).click().run()


def test_a_theme_edited_while_another_session_deletes_it_says_so(db: Engine) -> None:
    at = on(Role.LEADERSHIP, "themes")
    theme = list_themes(db, current_wid(db))[0]
    box = next(w for w in at.text_input if w.value == theme.title)
    box.input("Teenagers first")
    delete_theme(db, current_wid(db), int(theme.id or 0))  # another leader, another session
    at = submit(at, next(b.form_id for b in at.button if b.form_id == f"theme_{theme.id}"))
    assert gone(at, "error.missing.theme", id=theme.id) and not said_saved(at)
    assert "Teenagers first" not in [t.title for t in list_themes(db, current_wid(db))]


def test_a_partner_edited_while_another_session_deletes_it_says_so(db: Engine) -> None:
    at = on(Role.FACILITATOR, "partners")
    form = next(b.form_id for b in at.button if b.form_id.startswith("edit_partner_"))
    pid = int(form.removeprefix("edit_partner_"))
    next(w for w in at.text_input if w.label == "Our contact person" and w.form_id == form).input("Ann, 5555 1234")
    delete_partner(db, current_wid(db), pid)
    at = submit(at, form)
    assert gone(at, "error.missing.partner", id=pid) and not said_saved(at)


def test_a_proposal_edited_while_another_session_deletes_it_says_so(db: Engine) -> None:
    at = on(Role.FACILITATOR, "proposals")
    pid = save_proposal(db, current_wid(db), {"title": "Chess club in the reading room", "proposer": "Nordby Chess"})
    at.run()
    next(w for w in at.text_input if w.label == "Who proposes it" and f"edit-{pid}" in w.form_id).input("Chess Club")
    delete_proposal(db, current_wid(db), pid)
    at = submit(at, next(b.form_id for b in at.button if f"edit-{pid}" in b.form_id))
    assert gone(at, "error.missing.proposal", id=pid) and not said_saved(at)
    assert "Chess Club" not in [p.proposer for p in list_proposals(db, current_wid(db))]


def test_an_offer_edited_while_another_session_deletes_it_says_so_and_no_other_offer_changes(db: Engine) -> None:
    at = on(Role.FACILITATOR, "offers")
    before = register_frame(db, current_wid(db))
    key = f"register_{at.session_state['register_version'] if 'register_version' in at.session_state else 0}"  # noqa: SIM401
    row = int(before["primary"].notna().to_numpy().argmax())  # an offer whose primary space is decided
    at.session_state[key] = {"edited_rows": {row: {"reach": 4321}}, "added_rows": [], "deleted_rows": []}
    at.run()
    delete_offers(db, current_wid(db), [int(before["id"].iloc[row])])
    at = next(b for b in at.button if b.label == "Save changes").click().run()
    assert gone(at) and not said_saved(at)
    assert 4321 not in set(register_frame(db, current_wid(db))["reach"])  # not put on the offer below it either


def test_a_reaction_sent_after_leadership_closed_reactions_says_so(db: Engine) -> None:
    at = on(Role.TEAM, "decisions")
    theme = next(t for t in list_themes(db, current_wid(db)) if t.reactions_open)
    form = f"react_{theme.id}"
    next(a for a in at.text_area if a.form_id == form).input("Thursdays are full already")
    set_reactions_open(db, current_wid(db), int(theme.id or 0), False)  # leadership, in its own session
    at = submit(at, form)
    assert any(m.startswith("This theme is not open for reactions (any more).") for m in messages(at))
    assert not said_saved(at)
    assert "Thursdays are full already" not in set(reactions_frame(db, current_wid(db))["comment"])


def test_an_answer_over_the_limit_is_refused_naming_the_field_and_the_limit_not_cut(db: Engine) -> None:
    at = on(Role.TEAM, "answer", TEAM_CODE)
    day = next(d for d in list_days(db, current_wid(db)) if d.status == DayStatus.OPEN)
    qid = next(int(q.id or 0) for q in list_questions(db, current_wid(db), day.id) if q.kind.value == "text")
    at.text_area(key=f"answer-text-{qid}").set_value("x" * 1_000_000).run()  # as a crafted client sends it
    at = at.button(key=f"answer-save-{qid}").click().run()
    too_long = render(message("error.text_too_long", limit=MAX_TEXT), "en")  # "longer than 5,000 characters"
    refused = [m for m in messages(at) if m.startswith(too_long)]
    assert refused and "text" in refused[0] and not said_saved(at)
    with db.connect() as conn:
        kept = conn.execute(select(responses.c.text).where(responses.c.question_id == qid)).scalars().all()
        drafted = conn.execute(select(drafts.c.text).where(drafts.c.question_id == qid)).scalars().all()
    assert all(len(text) != MAX_TEXT for text in [*kept, *drafted])  # nothing cut to the limit was stored


# The other forms drawn for one item, saved the same way (ui/writes.py): each says why it stored nothing.


def test_a_team_renamed_while_another_session_deletes_it_says_so(db: Engine) -> None:
    at = on(Role.FACILITATOR, "teams")
    team = list_teams(db, current_wid(db))[0]
    at.text_input(key=f"team-name-{team.id}").input("Omega")
    delete_team(db, current_wid(db), int(team.id or 0))
    at = at.button(key=f"team-rename-{team.id}").click().run()
    assert gone(at, "error.missing.team", id=team.id) and "Omega" not in [
        t.name for t in list_teams(db, current_wid(db))
    ]


def test_an_asset_edited_while_another_session_deletes_it_says_so(db: Engine) -> None:
    at = on(Role.FACILITATOR, "assets")
    asset = list_assets(db, current_wid(db))[0]
    at = at.button(key=f"asset-edit-{asset.id}").click().run()
    at.text_input(key=f"asset-{asset.id}-title").input("Study rooms")
    delete_asset(db, current_wid(db), asset.id)
    at = submit(at, f"asset-edit-{asset.id}")
    assert gone(at, "error.missing.asset", id=asset.id) and not said_saved(at)


def test_a_comment_edited_after_leadership_hid_it_says_so(db: Engine) -> None:
    at = on(Role.TEAM, "week_log")
    closed = [d for d in list_days(db, current_wid(db)) if d.status == DayStatus.CLOSED][-1]
    given = log_answers(db, current_wid(db), (int(list_questions(db, current_wid(db), closed.id)[0].id or 0),))
    me = next(t for t in list_teams(db, current_wid(db)) if t.name == "Children & families")  # sign_in's team
    comment = add_comment(db, me, int(given[given["team"] != me.name]["response_id"].iloc[0]), "Saturdays too?")
    at.run()
    at.text_area(key=f"edit_comment_text_{comment}").input("Saturdays and Sundays?")
    set_hidden(db, current_wid(db), comment, True)  # leadership, in its own session
    at = submit(at, f"edit_comment_{comment}")
    assert gone(at, "error.missing.comment", id=comment)


def test_a_screening_sent_after_the_facilitator_closed_the_proposal_says_so(db: Engine) -> None:
    at = on(Role.TEAM, "screening", TEAM_CODE)
    pid = save_proposal(db, current_wid(db), {"title": "Chess club in the reading room", "proposer": "Nordby Chess"})
    at.run()
    at.selectbox(key="screen_pick").set_value(pid).run()
    at.radio(key=f"screen-{pid}-1").set_value("yes")
    set_proposal_open(db, current_wid(db), pid, False)
    at = submit(at, f"screen-{pid}")
    assert any(m.startswith("This proposal is closed for screening.") for m in messages(at)) and not said_saved(at)


def test_a_verdict_on_a_proposal_another_session_deleted_says_so(db: Engine) -> None:
    at = on(Role.LEADERSHIP, "screening_cards")
    pid = at.selectbox(key="card_pick").value
    at.radio(key=f"verdict-{pid}-pick").set_value("no")
    at.text_area(key=f"verdict-{pid}-reason").input("Not this year")
    delete_proposal(db, current_wid(db), pid)
    at = submit(at, f"verdict-{pid}")
    assert gone(at, "error.missing.proposal", id=pid) and not at.success


def test_no_text_box_or_table_column_of_the_app_cuts_what_is_typed() -> None:
    """Streamlit cuts a text box's value to its max_chars on the server (what a crafted client sends), and
    the browser cuts a paste to it: the save stored less than was typed and said "Saved". The app's text
    boxes and table columns take no max_chars; the services refuse an over-long text with a message naming
    the field and the limit (the test above, tests/unit/test_writes_by_id.py and each page's own tests)."""
    sources = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py"))]
    cutting = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sources
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.keyword) and node.arg == "max_chars"
    ]
    assert cutting == []


def test_after_the_error_the_next_theme_save_says_saved(db: Engine) -> None:
    """The user who met "No theme N" saves another theme on the page rebuilt around that error: the message
    is said and the change stored (one session, the delete made by another)."""
    at = on(Role.LEADERSHIP, "themes")
    first, second = list_themes(db, current_wid(db))[:2]
    next(w for w in at.text_input if w.value == first.title).input("Teenagers first")
    delete_theme(db, current_wid(db), int(first.id or 0))
    at = submit(at, f"theme_{first.id}")
    assert gone(at, "error.missing.theme", id=first.id)
    next(w for w in at.text_input if w.value == second.title).input(f"{second.title} (kept)")
    at = submit(at, f"theme_{second.id}")
    assert [s.value for s in at.success] == [f"Theme saved: {second.title} (kept)"]
    assert not gone(at, "error.missing.theme", id=first.id)
    assert f"{second.title} (kept)" in [t.title for t in list_themes(db, current_wid(db))]
    assert f"{second.title} (kept)" in [w.value for w in at.text_input]  # the form shows what is stored now
