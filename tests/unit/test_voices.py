"""Every person's own voice (issue 29.2): one answer per person, only while the day is open, only the team's own
workshop's question, a retry stored once; leadership sees distributions, never names, never a group under 3."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from workshop.domain.errors import AccessDenied, DayClosed, InvalidInput, NotFound
from workshop.domain.model import DayStatus, QuestionKind, Team
from workshop.domain.voices import (
    MIN_GROUP,
    SCALE,
    Voice,
    check_person_key,
    device_person,
    distribution,
    signed_in_person,
)
from workshop.services.register.strengths import staff_ratings
from workshop.services.week.answers import Answer, submit_answer, team_answers
from workshop.services.week.days import day_participation, set_day_status
from workshop.services.week.morning import missing_teams
from workshop.services.week.planning import answer_count, delete_day, delete_question, save_day, save_question
from workshop.services.week.teams import delete_team, team_answer_count
from workshop.services.week.voices import own_answers, submit_own_answer, voices_for_export, workshop_voices
from workshop.services.whole.backup import backup, restore
from workshop.services.whole.carry_over import new_from
from workshop.services.whole.export import workshop_document
from workshop.services.workshops.lifecycle import add_team, create_workshop, delete_workshop
from workshop.store import make_engine, migrate
from workshop.store.tables import person_answers

SECRET = "a-cookie-secret-of-the-server-32-chars!"


class Week:
    """A workshop with one open day: a rating and a choice each person answers, a team question; 3 teams."""

    def __init__(self, engine: Engine) -> None:
        self.wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
        self.day = int(save_day(engine, self.wid, "Monday").id or 0)
        self.rating_q = int(
            save_question(engine, self.wid, self.day, "How strong?", QuestionKind.RATING, each_person=True).id or 0
        )
        self.choice_q = int(
            save_question(
                engine, self.wid, self.day, "What first?", QuestionKind.SINGLE, ["cafe", "stage"], each_person=True
            ).id
            or 0
        )
        self.team_q = int(save_question(engine, self.wid, self.day, "Rate together", QuestionKind.RATING).id or 0)
        self.red = add_team(engine, self.wid, "Red")[0]
        self.blue = add_team(engine, self.wid, "Blue")[0]
        self.green = add_team(engine, self.wid, "Green")[0]
        set_day_status(engine, self.wid, self.day, DayStatus.OPEN)


@pytest.fixture
def week(engine: Engine) -> Week:
    return Week(engine)


def _stored(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(person_answers)).scalar() or 0)


def _rate(engine: Engine, team: Team, question: int, *ratings: int) -> list[str]:
    people = [device_person() for _ in ratings]
    for person, rating in zip(people, ratings, strict=True):
        submit_own_answer(engine, team, person, Answer(question, rating=rating))
    return people


# --- the small-group rule, without a database -------------------------------------------------------------


def _voices(**teams: list[int]) -> list[Voice]:
    return [Voice(team, f"{team}-{i}", (str(r),)) for team, ratings in teams.items() for i, r in enumerate(ratings)]


@pytest.mark.oidc  # issue 29's tests: pytest -m oidc
def test_three_people_of_one_team_show_as_a_distribution_and_never_as_names() -> None:
    shown = distribution(1, SCALE, _voices(Red=[4, 4, 2]))
    red, everyone = shown.groups
    assert (red.kind, red.team, red.people) == ("team", "Red", 3)
    assert dict(red.counts) == {"1": 0, "2": 1, "3": 0, "4": 2, "5": 0}
    assert everyone.kind == "all" and dict(everyone.counts) == dict(red.counts)
    assert "Red-0" not in repr(shown)  # no person is named, by key or otherwise


@pytest.mark.oidc  # issue 29's tests: pytest -m oidc
def test_a_team_of_two_is_shown_only_merged_into_other() -> None:
    shown = distribution(1, SCALE, _voices(Red=[5, 5, 5], Blue=[1, 2], Green=[3]))
    assert [(g.kind, g.team, g.people) for g in shown.groups] == [
        ("team", "Red", 3),
        ("other", "", 3),
        ("all", "", 6),
    ]
    assert dict(shown.groups[1].counts) == {"1": 1, "2": 1, "3": 1, "4": 0, "5": 0}
    assert "Blue" not in repr(shown) and "Green" not in repr(shown)


def test_an_other_group_under_three_is_withheld_from_every_figure_the_overall_too() -> None:
    """Red (3) and Blue (2): "other" would be Blue alone, and the overall minus Red would be Blue's answers."""
    shown = distribution(1, SCALE, _voices(Red=[5, 5, 5], Blue=[1, 1]))
    assert [(g.kind, g.people) for g in shown.groups] == [("team", 3), ("all", 3)]
    assert dict(shown.groups[1].counts)["1"] == 0 and shown.withheld == 2


def test_fewer_than_three_people_in_all_show_nothing() -> None:
    shown = distribution(1, SCALE, _voices(Red=[5], Blue=[1]))
    assert shown.groups == () and shown.withheld == 2 and MIN_GROUP == 3


def test_a_signed_in_person_is_a_keyed_hash_never_the_address() -> None:
    key = signed_in_person(SECRET, "uid-1", "Ann.Berg@library.example")
    assert key == signed_in_person(SECRET, "uid-1", " ann.berg@library.example ")  # same person, any device
    assert key != signed_in_person(SECRET, "uid-2", "ann.berg@library.example")  # another workshop: unlinkable
    assert key != signed_in_person("another-secret", "uid-1", "ann.berg@library.example")
    assert "ann" not in key.lower() and check_person_key(key) == key
    with pytest.raises(InvalidInput):
        check_person_key("ann.berg@library.example")
    with pytest.raises(ValueError):
        signed_in_person("", "uid-1", "ann.berg@library.example")


# --- answering: the service's guarantees ------------------------------------------------------------------


@pytest.mark.oidc  # issue 29's tests: pytest -m oidc
def test_three_people_of_one_team_answer_and_leadership_sees_a_distribution_without_names(
    engine: Engine, week: Week
) -> None:
    people = _rate(engine, week.red, week.rating_q, 4, 4, 2)
    found = dict((q.id, v) for q, v in workshop_voices(engine, week.wid))
    red = found[week.rating_q].groups[0]
    assert (red.team, red.people, dict(red.counts)["4"]) == ("Red", 3, 2)
    rows = voices_for_export(engine, week.wid)
    assert {r["team"] for r in rows} == {"Red", ""} and all(int(str(r["people"])) >= 3 for r in rows)
    assert not any(p in repr(found) or p in repr(rows) for p in people)
    assert team_answers(engine, week.red) == {}  # a person's answer is not the team's answer


@pytest.mark.oidc  # issue 29's tests: pytest -m oidc
def test_a_team_of_two_shows_as_other_in_the_service(engine: Engine, week: Week) -> None:
    _rate(engine, week.red, week.rating_q, 5, 5, 5)
    _rate(engine, week.blue, week.rating_q, 1, 1)
    _rate(engine, week.green, week.rating_q, 2)
    groups = dict((q.id, v) for q, v in workshop_voices(engine, week.wid))[week.rating_q].groups
    assert [(g.kind, g.team, g.people) for g in groups] == [("team", "Red", 3), ("other", "", 3), ("all", "", 6)]


def test_a_person_edits_their_own_answer_and_a_retry_stores_it_once(engine: Engine, week: Week) -> None:
    person = device_person()
    first = submit_own_answer(engine, week.red, person, Answer(week.rating_q, rating=2), "submit-1")
    again = submit_own_answer(engine, week.red, person, Answer(week.rating_q, rating=2), "submit-1")
    assert again.id == first.id and again.updated_at == first.updated_at
    edited = submit_own_answer(engine, week.red, person, Answer(week.rating_q, rating=5), "submit-2")
    assert edited.id == first.id and own_answers(engine, week.red, person)[week.rating_q].rating == 5
    assert _stored(engine) == 1
    with pytest.raises(InvalidInput):  # someone else's submission key is not theirs to replay
        submit_own_answer(engine, week.red, device_person(), Answer(week.rating_q, rating=1), "submit-2")
    assert _stored(engine) == 1


def test_a_closed_day_refuses_a_persons_answer_and_stores_nothing(engine: Engine, week: Week) -> None:
    set_day_status(engine, week.wid, week.day, DayStatus.CLOSED)
    with pytest.raises(DayClosed):
        submit_own_answer(engine, week.red, device_person(), Answer(week.rating_q, rating=3))
    assert _stored(engine) == 0


def test_only_the_teams_own_workshops_questions_marked_each_person_take_an_own_answer(
    engine: Engine, week: Week
) -> None:
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    outsider = add_team(engine, other, "Outsider")[0]
    person = device_person()
    with pytest.raises(NotFound):
        submit_own_answer(engine, outsider, person, Answer(week.rating_q, rating=3))
    with pytest.raises(AccessDenied):
        forged = Team(id=outsider.id, workshop_id=week.wid, name="Red")
        submit_own_answer(engine, forged, person, Answer(week.rating_q, rating=3))
    with pytest.raises(InvalidInput):  # a team question stays the team's
        submit_own_answer(engine, week.red, person, Answer(week.team_q, rating=3))
    with pytest.raises(InvalidInput):  # an e-mail address is never stored as the person
        submit_own_answer(engine, week.red, "ann@library.example", Answer(week.rating_q, rating=3))
    with pytest.raises(InvalidInput):
        submit_own_answer(engine, week.red, person, Answer(week.choice_q, choices=["not an option"]))
    assert _stored(engine) == 0


def test_a_text_question_cannot_be_answered_by_each_person(engine: Engine, week: Week) -> None:
    with pytest.raises(InvalidInput):
        save_question(engine, week.wid, week.day, "Tell us", QuestionKind.TEXT, each_person=True)


def test_deleting_a_question_a_day_or_the_workshop_takes_the_own_answers_with_it(engine: Engine, week: Week) -> None:
    _rate(engine, week.red, week.rating_q, 1, 2, 3)
    submit_own_answer(engine, week.red, device_person(), Answer(week.choice_q, choices=["cafe"]))
    assert answer_count(engine, week.wid, question_id=week.rating_q) == 3  # the warning counts them
    delete_question(engine, week.wid, week.rating_q)
    assert _stored(engine) == 1
    delete_day(engine, week.wid, week.day)
    assert _stored(engine) == 0
    again = Week(engine)
    _rate(engine, again.red, again.rating_q, 1, 2, 3)
    _rate(engine, again.blue, again.rating_q, 4)
    assert team_answer_count(engine, again.wid, int(again.blue.id or 0)) == 1  # the warning counts it
    delete_team(engine, again.wid, int(again.blue.id or 0))  # a team's people's answers go with it
    assert _stored(engine) == 3
    delete_workshop(engine, again.wid)
    assert _stored(engine) == 0


def test_a_new_year_carries_no_ones_own_answers(engine: Engine, week: Week) -> None:
    """As with team answers: a person's answer belongs to the week that made it."""
    _rate(engine, week.red, week.rating_q, 1, 2, 3)
    later = new_from(engine, week.wid, "Next year", "facilitate-me", "lead-me-now")
    assert workshop_voices(engine, later) == [] and _stored(engine) == 3


def test_own_answers_survive_a_backup_and_restore(engine: Engine, week: Week, tmp_path: Path) -> None:
    people = _rate(engine, week.red, week.rating_q, 4, 5, 3)
    backup(engine, tmp_path / "backup.json")
    fresh = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(fresh)
    restore(fresh, tmp_path / "backup.json", replace=True)
    assert own_answers(fresh, week.red, people[1])[week.rating_q].rating == 5
    assert workshop_voices(fresh, week.wid) == workshop_voices(engine, week.wid)
    fresh.dispose()


def test_a_backup_holding_an_address_as_a_person_is_refused_whole(engine: Engine, week: Week, tmp_path: Path) -> None:
    _rate(engine, week.red, week.rating_q, 4)
    path = tmp_path / "backup.json"
    backup(engine, path)
    text = path.read_text(encoding="utf-8")
    key = next(iter(line for line in text.splitlines() if '"person_key"' in line)).split('"')[3]
    path.write_text(text.replace(key, "ann@library.example"), encoding="utf-8")
    fresh = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(fresh)
    with pytest.raises(InvalidInput, match="person_answers, row 1, person_key"):
        restore(fresh, path, replace=True)
    fresh.dispose()


def test_the_team_sees_who_last_edited_its_answer_and_no_export_names_them(engine: Engine, week: Week) -> None:
    submit_answer(engine, week.red, Answer(week.team_q, rating=3), edited_by="Ann Berg")
    submit_answer(engine, week.red, Answer(week.team_q, rating=4), edited_by="Bo Lund")
    assert team_answers(engine, week.red)[week.team_q].edited_by == "Bo Lund"
    submit_answer(engine, week.blue, Answer(week.team_q, rating=2))  # no one signed in
    assert team_answers(engine, week.blue)[week.team_q].edited_by == ""
    submit_answer(engine, week.green, Answer(week.team_q, rating=2), edited_by="Cy\x00\nLe\x7fe " + "x" * 300)
    assert team_answers(engine, week.green)[week.team_q].edited_by.startswith("Cy Le e xxx")  # as plain text
    document = repr(workshop_document(engine, week.wid))
    assert "Bo Lund" not in document and "edited_by" not in document


def test_the_staff_view_counts_each_person_as_far_as_the_small_group_rule_shows_them(
    engine: Engine, week: Week
) -> None:
    """ "How strong are we in this space" answered by each person feeds the strengths page's staff view: each
    person counts once beside a team's answer; a group too small to be shown is not in the mean either."""
    own = int(
        save_question(
            engine, week.wid, week.day, "Meeting?", QuestionKind.SPACE_STRENGTH, space="meeting", each_person=True
        ).id
        or 0
    )
    together = save_question(
        engine, week.wid, week.day, "Meeting, together?", QuestionKind.SPACE_STRENGTH, space="meeting"
    )
    submit_answer(engine, week.green, Answer(int(together.id or 0), rating=5))
    _rate(engine, week.red, own, 2, 3, 4)
    _rate(engine, week.blue, own, 1, 1)  # "other" would be Blue alone: withheld
    meeting = staff_ratings(engine, week.wid).set_index("space").loc["meeting"]
    assert (meeting["mean_rating"], meeting["ratings"]) == (3.5, 4)  # (5 + 2 + 3 + 4) / 4


def test_a_team_whose_people_answered_counts_as_answered_on_the_morning_view(engine: Engine, week: Week) -> None:
    """The facilitator's participation counts: a team has answered a question each person answers once one of
    its people has (it counted none, and named the team as missing)."""
    _rate(engine, week.red, week.rating_q, 4)
    submit_answer(engine, week.blue, Answer(week.team_q, rating=3))
    seen = day_participation(engine, week.wid, week.day)
    assert (seen.by_question[week.rating_q], seen.by_question[week.team_q], seen.any_question) == (1, 1, 2)
    assert missing_teams(engine, week.wid, week.day) == ["Green"]
