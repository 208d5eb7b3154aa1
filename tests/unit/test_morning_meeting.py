"""The morning meeting's services: the projector link (hashed, replaced, revoked), the teams that have not
answered, a closed day's recap (figures computed by hand) and the quotes picked for it."""

import pytest
from sqlalchemy import Engine, select

from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import DayStatus, Question, QuestionKind
from workshop.domain.recap import AnswerRow, day_recap
from workshop.services.week.days import list_days, list_questions
from workshop.services.week.morning import (
    day_answers,
    missing_teams,
    new_projector_link,
    projector_workshop,
    quotable,
    quotes,
    recap,
    recap_day,
    revoke_projector_link,
    set_quotes,
)
from workshop.store import read
from workshop.store.tables import projector_links


def test_a_projector_link_opens_its_workshop_until_replaced_or_revoked(engine: Engine, demo_wid: int) -> None:
    first = new_projector_link(engine, demo_wid)
    assert len(first) >= 40 and projector_workshop(engine, first) == demo_wid
    with read(engine) as conn:
        assert conn.execute(select(projector_links.c.token_hash)).scalar() != first  # only a hash is kept
    second = new_projector_link(engine, demo_wid)
    assert projector_workshop(engine, first) is None and projector_workshop(engine, second) == demo_wid
    assert projector_workshop(engine, second[:-1] + ("A" if second[-1] != "A" else "B")) is None
    assert projector_workshop(engine, "") is None
    revoke_projector_link(engine, demo_wid)
    assert projector_workshop(engine, second) is None


def test_the_teams_that_have_not_answered_are_named(engine: Engine, demo_wid: int) -> None:
    open_day = next(d for d in list_days(engine, demo_wid) if d.status == DayStatus.OPEN)
    assert missing_teams(engine, demo_wid, int(open_day.id or 0)) == ["Digital services", "Front desk", "Local history"]


def test_the_demo_recap_by_hand(engine: Engine, demo_wid: int) -> None:
    """Day 2 of the demo, counted from its answers: 'young people' chosen by all 5 teams, 'businesses'
    (Adult services, Front desk) and 'newcomers' (Children & families, Front desk) by 2; ratings 4, 3, 4, 3, 3:
    average 17 / 5 = 3.4, from 3 to 4 — the only rating question, so where teams disagree most."""
    day = recap_day(engine, demo_wid)
    assert day is not None and day.position == 2
    summary = recap(engine, demo_wid, int(day.id or 0))
    by_kind = {r.question.kind: r for r in summary.questions}
    assert by_kind[QuestionKind.MULTIPLE].top_choices == [("young people", 5), ("businesses", 2), ("newcomers", 2)]
    rating = by_kind[QuestionKind.RATING]
    assert (rating.mean, rating.low, rating.high, rating.answers) == (3.4, 3, 4, 5)
    assert rating.ratings == {1: 0, 2: 0, 3: 3, 4: 2, 5: 0}
    assert summary.disagreement is rating


def test_the_widest_spread_is_where_teams_disagree_most() -> None:
    calm = Question(id=1, workshop_id=1, day_id=1, kind=QuestionKind.RATING, text="Calm")
    split = Question(id=2, workshop_id=1, day_id=1, kind=QuestionKind.SPACE_STRENGTH, text="Split")
    agreed = Question(id=3, workshop_id=1, day_id=1, kind=QuestionKind.RATING, text="Agreed")
    rows = [AnswerRow(1, 1, "A", rating=2), AnswerRow(2, 1, "B", rating=3)]  # spread 1
    rows += [AnswerRow(3, 2, "A", rating=1), AnswerRow(4, 2, "B", rating=5), AnswerRow(5, 2, "C", rating=3)]  # 4
    rows += [AnswerRow(6, 3, "A", rating=4), AnswerRow(7, 3, "B", rating=4)]  # 0
    summary = day_recap([calm, split, agreed], rows)
    assert summary.disagreement is not None and summary.disagreement.question.text == "Split"
    assert [(r.spread, r.mean) for r in summary.questions] == [(1, 2.5), (4, 3.0), (0, 4.0)]
    assert day_recap([agreed], rows[5:]).disagreement is None  # nobody disagrees: nothing to point at


def test_quotes_are_at_most_three_answers_of_that_day(engine: Engine, demo_wid: int) -> None:
    day = recap_day(engine, demo_wid)
    assert day is not None
    day_id = int(day.id or 0)
    text_question = next(q for q in list_questions(engine, demo_wid, day_id) if q.kind == QuestionKind.TEXT)
    ids = [q.response_id for q in quotes(engine, demo_wid, day_id)]
    assert ids == []

    words = [q for q in quotable(engine, demo_wid, day_id) if q.question == text_question.text]
    set_quotes(engine, demo_wid, day_id, [words[0].response_id, words[2].response_id])
    assert [q.team for q in quotes(engine, demo_wid, day_id)] == [words[0].team, words[2].team]
    with pytest.raises(InvalidInput):
        set_quotes(engine, demo_wid, day_id, [w.response_id for w in words[:4]])
    other_day = next(d for d in list_days(engine, demo_wid) if d.position == 1)

    stray = day_answers(engine, demo_wid, int(other_day.id or 0))[0].id
    with pytest.raises(NotFound):
        set_quotes(engine, demo_wid, day_id, [stray])
    assert len(quotes(engine, demo_wid, day_id)) == 2  # a refused pick changes nothing
