"""Leadership's weights and thresholds, the staff's ratings and the profile, stored on SQLite and PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine, inspect, text

from workshop.domain.errors import InvalidInput, NotFound
from workshop.domain.model import SPACE_KEYS, DayStatus, Offer, QuestionKind
from workshop.domain.scoring import Thresholds
from workshop.services.register.offers import add_offers
from workshop.services.register.profile_ratings import own_ratings, profile_frame, rate_profile
from workshop.services.register.strengths import (
    load_thresholds,
    load_weights,
    save_thresholds,
    save_weights,
    staff_ratings,
    workshop_scores,
)
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_questions, set_day_status
from workshop.services.workshops.lifecycle import add_team, create_workshop, delete_workshop
from workshop.store import migrate
from workshop.store.migrations import SCHEMA_VERSION, current_version


def new_workshop(engine: Engine, template: str | None = None) -> int:
    return create_workshop(engine, "Week 2027", "facilitate-me", "lead-me-now", template)


def test_a_new_workshop_weighs_every_space_equally(engine: Engine) -> None:
    wid = new_workshop(engine)
    assert load_weights(engine, wid) == dict.fromkeys(SPACE_KEYS, 3.0)
    assert list(workshop_scores(engine, wid).spaces["target_share"]) == [0.25] * 4


def test_saved_weights_set_the_target_shares(engine: Engine) -> None:
    wid = new_workshop(engine)
    add_offers(engine, wid, [Offer(name="Concerts", strength=4, spaces={"inspiration": 3})])
    save_weights(engine, wid, {"inspiration": 1, "learning": 2, "meeting": 2, "performative": 5})
    assert load_weights(engine, wid) == {"inspiration": 1, "learning": 2, "meeting": 2, "performative": 5}
    spaces = workshop_scores(engine, wid).spaces.set_index("key")
    assert spaces.loc["performative", "target_share"] == pytest.approx(0.5)
    assert spaces.loc["inspiration", "gap"] == pytest.approx(0.1 - 1.0)


def test_what_if_weights_are_scored_without_being_stored(engine: Engine) -> None:
    wid = new_workshop(engine)
    what_if = workshop_scores(engine, wid, {"inspiration": 5, "learning": 0, "meeting": 0, "performative": 0})
    assert what_if.spaces.set_index("key").loc["inspiration", "target_share"] == 1
    assert load_weights(engine, wid) == dict.fromkeys(SPACE_KEYS, 3.0)


@pytest.mark.parametrize(("weights", "field"), [({"learning": 7}, "learning"), ({"meeting": 2.5}, "meeting")])
def test_a_bad_weight_is_refused_and_nothing_is_stored(engine: Engine, weights, field) -> None:
    wid = new_workshop(engine)
    with pytest.raises(InvalidInput) as caught:
        save_weights(engine, wid, weights)
    assert caught.value.params["field"] == field
    assert load_weights(engine, wid) == dict.fromkeys(SPACE_KEYS, 3.0)


def test_thresholds_start_at_the_defaults_and_can_be_changed(engine: Engine) -> None:
    wid = new_workshop(engine)
    assert load_thresholds(engine, wid) == Thresholds()
    save_thresholds(engine, wid, {"weak_gap": 0.1, "strong_gap": 0.02, "weak_strength": 3, "strong_strength": 4})
    assert load_thresholds(engine, wid) == Thresholds(weak_gap=0.1, strong_gap=0.02, weak_strength=3, strong_strength=4)


def test_a_threshold_out_of_range_names_the_field(engine: Engine) -> None:
    wid = new_workshop(engine)
    with pytest.raises(InvalidInput) as caught:
        save_thresholds(engine, wid, {"weak_strength": 9})
    assert caught.value.params["field"] == "weak_strength"
    assert load_thresholds(engine, wid) == Thresholds()


def test_an_unknown_workshop_is_not_found(engine: Engine) -> None:
    for call in (
        lambda: load_weights(engine, 404),
        lambda: save_weights(engine, 404, {}),
        lambda: load_thresholds(engine, 404),
        lambda: save_thresholds(engine, 404, Thresholds()),
        lambda: rate_profile(engine, 404, {"planning_spontaneity": 1}),
    ):
        with pytest.raises(NotFound):
            call()


def test_the_teams_space_strength_ratings_are_averaged_per_space(engine: Engine) -> None:
    wid = new_workshop(engine, "four_spaces_week")
    rated = [q for q in list_questions(engine, wid) if q.kind == QuestionKind.SPACE_STRENGTH]
    for day in {q.day_id for q in rated}:
        set_day_status(engine, wid, int(day or 0), DayStatus.OPEN)
    learning = next(q for q in rated if q.space == "learning")
    for rating in (2, 5):
        team, _ = add_team(engine, wid, f"Team {rating}")
        submit_answer(engine, team, Answer(int(learning.id or 0), rating=rating))
    staff = staff_ratings(engine, wid).set_index("space")
    assert staff.loc["learning", "mean_rating"] == pytest.approx(3.5)
    assert staff.loc["learning", "ratings"] == 2
    assert staff.loc["meeting", "ratings"] == 0 and pd.isna(staff.loc["meeting", "mean_rating"])


def test_profile_ratings_are_kept_per_rater_and_a_new_rating_replaces(engine: Engine) -> None:
    wid = new_workshop(engine)
    team, _ = add_team(engine, wid, "Front desk")
    rate_profile(engine, wid, {"reflection_topicality": -2, "planning_spontaneity": -1})
    rate_profile(engine, wid, {"planning_spontaneity": 2}, team_id=team.id)
    rate_profile(engine, wid, {"reflection_topicality": 1})
    assert own_ratings(engine, wid) == {"reflection_topicality": 1, "planning_spontaneity": -1}
    assert own_ratings(engine, wid, team.id) == {"planning_spontaneity": 2}
    assert len(profile_frame(engine, wid)) == 3


@pytest.mark.parametrize(
    ("values", "field"),
    [({"reflection_topicality": 3}, "reflection_topicality"), ({"loud_quiet": 0}, "pair")],
)
def test_a_bad_profile_rating_is_refused(engine: Engine, values, field) -> None:
    wid = new_workshop(engine)
    with pytest.raises(InvalidInput) as caught:
        rate_profile(engine, wid, values)
    assert caught.value.params["field"] == field
    assert profile_frame(engine, wid).empty


def test_a_team_of_another_workshop_cannot_rate_the_profile(engine: Engine) -> None:
    wid, other = new_workshop(engine), new_workshop(engine)
    stranger, _ = add_team(engine, other, "Elsewhere")
    with pytest.raises(NotFound):
        rate_profile(engine, wid, {"planning_spontaneity": 1}, team_id=stranger.id)


def test_deleting_a_workshop_deletes_its_profile(engine: Engine) -> None:
    wid = new_workshop(engine)
    rate_profile(engine, wid, {"planning_spontaneity": 1})
    delete_workshop(engine, wid)
    assert profile_frame(engine, wid).empty


def test_a_version_1_database_gains_the_profile_table_and_keeps_its_data(engine: Engine) -> None:
    wid = new_workshop(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE profile_ratings"))
        conn.execute(text("UPDATE settings SET value = '1' WHERE key = 'schema_version'"))
    assert migrate(engine) == SCHEMA_VERSION
    with engine.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert "profile_ratings" in inspect(conn).get_table_names()
    rate_profile(engine, wid, {"planning_spontaneity": -2})
    assert own_ratings(engine, wid) == {"planning_spontaneity": -2}


def test_a_backup_carries_the_weights_thresholds_and_profile(engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.whole.backup import backup, restore
    from workshop.store import make_engine

    wid = new_workshop(engine)
    save_weights(engine, wid, {"inspiration": 5, "learning": 0, "meeting": 1, "performative": 2})
    save_thresholds(engine, wid, Thresholds(weak_gap=0.1))
    rate_profile(engine, wid, {"reflection_topicality": 2})
    backup(engine, tmp_path / "all.json")
    fresh = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    migrate(fresh)
    restore(fresh, tmp_path / "all.json")
    assert load_weights(fresh, wid) == {"inspiration": 5, "learning": 0, "meeting": 1, "performative": 2}
    assert load_thresholds(fresh, wid).weak_gap == 0.1
    assert own_ratings(fresh, wid) == {"reflection_topicality": 2}
    fresh.dispose()
