"""The week's log as a conversation: a team comments only on answers the log shows it, writes, edits and
deletes only its own comments, and a comment hidden by the facilitator or leadership is no longer read by
the teams."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.unit.week_fixture import CAFE_TEXT, Week, build_week
from workshop.domain.comments import COMMENT_MAX
from workshop.domain.errors import AccessDenied, CommentsClosed, InvalidInput, NotFound
from workshop.domain.model import DayStatus, Team
from workshop.services.week.comments import add_comment, delete_comment, edit_comment, log_comments, set_hidden
from workshop.services.week.days import list_days, set_day_status
from workshop.services.week.planning import set_publish_log_immediately


def close_monday(engine: Engine, week: Week) -> None:
    monday = next(d for d in list_days(engine, week.workshop_id) if d.title == "Monday")
    set_day_status(engine, week.workshop_id, int(monday.id or 0), DayStatus.CLOSED)


def shown(engine: Engine, week: Week, with_hidden: bool = False) -> list[tuple[str, str, bool]]:
    found = log_comments(engine, week.workshop_id, tuple(week.answers.values()), with_hidden)
    return [(r.team, r.text, bool(r.hidden)) for r in found.itertuples()]


def test_a_team_comments_only_once_the_log_shows_the_answer(engine: Engine) -> None:
    week = build_week(engine)
    alpha, beta_answer = week.teams["Alpha"], week.answers[("Beta", "q2")]
    with pytest.raises(CommentsClosed):  # Monday is still open: the log does not show it yet
        add_comment(engine, alpha, beta_answer, "Cafés, yes!")
    close_monday(engine, week)
    add_comment(engine, alpha, beta_answer, "  Cafés, yes! <b>=1+1</b>  ")
    assert shown(engine, week) == [("Alpha", "Cafés, yes! <b>=1+1</b>", False)]
    with pytest.raises(CommentsClosed):  # Tuesday stays open
        add_comment(engine, alpha, week.answers[("Gamma", "q4")], "Anything indeed")
    set_publish_log_immediately(engine, week.workshop_id, True)  # the log shows open days at once
    add_comment(engine, alpha, week.answers[("Gamma", "q4")], "Anything indeed")
    assert len(shown(engine, week)) == 2


def test_the_text_is_never_empty_and_length_capped(engine: Engine) -> None:
    week = build_week(engine)
    close_monday(engine, week)
    alpha, answer = week.teams["Alpha"], week.answers[("Beta", "q2")]
    with pytest.raises(InvalidInput, match="text"):
        add_comment(engine, alpha, answer, "   ")
    with pytest.raises(InvalidInput, match="text"):
        add_comment(engine, alpha, answer, "x" * (COMMENT_MAX + 1))
    add_comment(engine, alpha, answer, "x" * COMMENT_MAX)
    assert shown(engine, week) == [("Alpha", "x" * COMMENT_MAX, False)]


def test_a_team_edits_and_deletes_only_its_own_comments(engine: Engine) -> None:
    week = build_week(engine)
    close_monday(engine, week)
    alpha, beta = week.teams["Alpha"], week.teams["Beta"]
    mine = add_comment(engine, alpha, week.answers[("Beta", "q2")], "First thought")
    with pytest.raises(NotFound):
        edit_comment(engine, beta, mine, "Beta rewrites Alpha")
    with pytest.raises(NotFound):
        delete_comment(engine, beta, mine)
    assert shown(engine, week) == [("Alpha", "First thought", False)]
    edit_comment(engine, alpha, mine, "Second thought")
    assert shown(engine, week) == [("Alpha", "Second thought", False)]
    delete_comment(engine, alpha, mine)
    assert shown(engine, week) == []


def test_another_workshops_team_or_answer_is_refused(engine: Engine) -> None:
    week, other = build_week(engine), build_week(engine, "Other week")
    close_monday(engine, week)
    close_monday(engine, other)
    answer = week.answers[("Beta", "q2")]
    # A team of the other workshop, forged to claim this one: refused, nothing written.
    forged = Team(id=other.teams["Alpha"].id, workshop_id=week.workshop_id, name="Alpha")
    with pytest.raises(AccessDenied):
        add_comment(engine, forged, answer, "From outside")
    # The other workshop's own team on this workshop's answer: unknown to it.
    with pytest.raises(NotFound):
        add_comment(engine, other.teams["Alpha"], answer, "From outside")
    mine = add_comment(engine, week.teams["Alpha"], answer, "Inside")
    with pytest.raises(NotFound):  # a moderator of the other workshop cannot hide it
        set_hidden(engine, other.workshop_id, mine, True)
    assert shown(engine, week) == [("Alpha", "Inside", False)]
    assert log_comments(engine, other.workshop_id, (answer,), True).empty


def test_a_hidden_comment_is_no_longer_read_by_teams_and_cannot_be_edited_by_its_team(engine: Engine) -> None:
    week = build_week(engine)
    close_monday(engine, week)
    alpha, gamma = week.teams["Alpha"], week.teams["Gamma"]
    rude = add_comment(engine, alpha, week.answers[("Beta", "q2")], "Rude words")
    add_comment(engine, gamma, week.answers[("Beta", "q2")], f"Re: {CAFE_TEXT}")
    set_hidden(engine, week.workshop_id, rude, True)
    assert shown(engine, week) == [("Gamma", f"Re: {CAFE_TEXT}", False)]  # what teams read
    assert shown(engine, week, with_hidden=True) == [  # what the moderators read
        ("Alpha", "Rude words", True),
        ("Gamma", f"Re: {CAFE_TEXT}", False),
    ]
    with pytest.raises(NotFound):  # the team cannot put it back by editing it
        edit_comment(engine, alpha, rude, "Still rude")
    set_hidden(engine, week.workshop_id, rude, False)
    assert [text for _, text, _ in shown(engine, week)] == ["Rude words", f"Re: {CAFE_TEXT}"]


def test_the_exports_carry_the_comments_raw_in_json_and_formula_safe_in_the_workbook_and_csv(engine: Engine) -> None:
    import csv
    import io
    import json
    import zipfile

    from openpyxl import load_workbook

    from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx

    week = build_week(engine)
    assert json.loads(to_json(engine, week.workshop_id))["comments"] == []  # the key is there before any comment
    close_monday(engine, week)
    typed = "=HYPERLINK(1) <b>cafés</b> too"
    hidden = add_comment(engine, week.teams["Gamma"], week.answers[("Beta", "q2")], typed)
    set_hidden(engine, week.workshop_id, hidden, True)
    doc = json.loads(to_json(engine, week.workshop_id))
    assert [(c["response_id"], c["team_id"], c["text"], c["hidden"]) for c in doc["comments"]] == [
        (week.answers[("Beta", "q2")], week.teams["Gamma"].id, typed, True)
    ]
    assert "workshop_id" not in doc["comments"][0]
    rows = list(load_workbook(io.BytesIO(to_xlsx(engine, week.workshop_id)))["comments"].iter_rows(values_only=True))
    assert rows[1][rows[0].index("text")] == f"'{typed}"
    with zipfile.ZipFile(io.BytesIO(to_csv_zip(engine, week.workshop_id))) as archive:
        found = list(csv.DictReader(io.StringIO(archive.read("comments.csv").decode("utf-8-sig"))))
    assert [row["text"] for row in found] == [f"'{typed}"]


def test_a_version_6_database_gets_the_comments_table_and_keeps_its_answers(sqlite_engine: Engine) -> None:
    from sqlalchemy import inspect, text

    from workshop.store import migrate
    from workshop.store.migrations import SCHEMA_VERSION

    week = build_week(sqlite_engine)
    with sqlite_engine.begin() as conn:
        conn.execute(text("DROP TABLE comments"))
        conn.execute(text("UPDATE settings SET value = '6' WHERE key = 'schema_version'"))
    assert "comments" not in inspect(sqlite_engine).get_table_names()
    assert migrate(sqlite_engine) == SCHEMA_VERSION
    close_monday(sqlite_engine, week)
    add_comment(sqlite_engine, week.teams["Alpha"], week.answers[("Beta", "q2")], "After the upgrade")
    assert shown(sqlite_engine, week) == [("Alpha", "After the upgrade", False)]
