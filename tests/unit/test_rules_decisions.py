"""More of the week's rules as the domain states them, without a database: which space an action concerns,
what a new workshop carries over, a partner's last stage, and the other refusals the services leave to the
domain. The services' own tests (test_themes_actions.py, test_carry_over.py, ...) check them where rows are
written."""

from __future__ import annotations

import pytest

from workshop.domain.assets import ReviewStatus, check_not_a_known_partner, require_pending
from workshop.domain.carry_over import LIBRARY_FIELDS, PARTS, carried_weights, check_parts, parts_without
from workshop.domain.codes import (
    FREE_ATTEMPTS,
    require_no_owner_code,
    require_owner_code_storable,
    require_passcode_role,
    require_waited,
    wait_after,
)
from workshop.domain.errors import AccessDenied, InvalidInput, TooManyAttempts
from workshop.domain.identity import SignInRules, TeamAccess, checked_email, rules_from_text
from workshop.domain.loop import check_action_space, check_answers_known
from workshop.domain.main_points import require_approved
from workshop.domain.mapping import check_name_free, check_not_in_register
from workshop.domain.model import MAX_RETENTION_MONTHS, SPACE_KEYS, PointStatus, QuestionKind, Role, Workshop
from workshop.domain.network import check_not_last_stage, check_partner_name_free
from workshop.domain.offer_fields import offer_from_fields
from workshop.domain.personal import check_months
from workshop.domain.role_sessions import require_kept
from workshop.domain.scoring import DEFAULT_WEIGHT
from workshop.domain.screening import check_facilitator_screens
from workshop.domain.validation import check_offer_names
from workshop.domain.voices import require_answered_alone
from workshop.domain.voting import Vote


def test_an_action_concerns_one_of_the_four_spaces_or_none() -> None:
    assert check_action_space(None) is None
    for space in SPACE_KEYS:
        assert check_action_space(space) == space
    for wrong in ["kitchen", "Learning", ""]:
        with pytest.raises(InvalidInput) as refused:
            check_action_space(wrong)
        assert refused.value.message == "error.unknown_space"
        assert refused.value.params == {"field": "space", "space": wrong}


def test_a_new_workshop_carries_only_the_parts_there_are() -> None:
    assert check_parts(["offers", " target-groups ", "", "offers"]) == {"offers", "target_groups"}
    assert check_parts([]) == frozenset()
    with pytest.raises(InvalidInput) as refused:
        check_parts(["offers", "teams", "answers"])
    assert refused.value.message == "error.cannot_carry"
    assert refused.value.params == {"field": "parts", "part": "answers", "known": list(PARTS)}
    for never in ["teams", "days", "questions", "themes", "actions"]:
        assert never not in PARTS


def test_the_command_lines_left_out_parts_leave_the_rest_in_order() -> None:
    assert parts_without([""]) == list(PARTS)
    assert parts_without(["weights", "main-points"]) == [p for p in PARTS if p not in ("weights", "main_points")]
    with pytest.raises(InvalidInput) as refused:
        parts_without(["weight"])
    assert refused.value.params["part"] == "weight"


def test_a_new_workshop_starts_from_neutral_weights_unless_it_carries_them() -> None:
    earlier = {"learning": 5, "meeting": 1, "garden": 4}
    assert carried_weights(["offers"], earlier) == {s: DEFAULT_WEIGHT for s in SPACE_KEYS}
    carried = carried_weights(["weights"], earlier)
    assert carried == {"inspiration": DEFAULT_WEIGHT, "learning": 5, "meeting": 1, "performative": DEFAULT_WEIGHT}


def test_the_library_itself_always_goes_along() -> None:
    assert set(LIBRARY_FIELDS) <= set(Workshop.model_fields)
    assert set(LIBRARY_FIELDS).isdisjoint(PARTS)


def test_a_partner_keeps_at_least_one_stage_in_its_history() -> None:
    check_not_last_stage(2)
    for moves in (1, 0):
        with pytest.raises(InvalidInput) as refused:
            check_not_last_stage(moves)
        assert refused.value.message == "error.last_stage"
        assert refused.value.params == {"field": "changed_on"}


def test_a_teams_dot_and_a_persons_own_dot_go_each_on_its_own_kind_of_vote() -> None:
    team_vote = Vote(id=1, workshop_id=1, title="Next year")
    person_vote = Vote(id=2, workshop_id=1, title="Next year", each_person=True)
    team_vote.require_way(each_person=False)
    person_vote.require_way(each_person=True)
    with pytest.raises(InvalidInput) as team_on_person:
        person_vote.require_way(each_person=False)
    assert (team_on_person.value.message, team_on_person.value.params) == (
        "error.voice.vote_each_person",
        {"field": "vote"},
    )
    with pytest.raises(InvalidInput) as person_on_team:
        team_vote.require_way(each_person=True)
    assert (person_on_team.value.message, person_on_team.value.params) == ("error.voice.vote_team", {"field": "vote"})


@pytest.mark.parametrize(
    ("kind", "each_person", "allowed"),
    [
        (QuestionKind.RATING, True, True),
        (QuestionKind.SINGLE, True, True),
        (QuestionKind.MULTIPLE, True, True),
        (QuestionKind.SPACE_STRENGTH, True, True),
        (QuestionKind.RATING, False, False),  # the team answers it as one
        (QuestionKind.TEXT, True, False),  # a person's own words would name them
    ],
)
def test_a_person_answers_alone_only_a_question_each_person_answers(
    kind: QuestionKind, each_person: bool, allowed: bool
) -> None:
    if allowed:
        require_answered_alone(kind, each_person)
        return
    with pytest.raises(InvalidInput) as refused:
        require_answered_alone(kind, each_person)
    assert (refused.value.message, refused.value.params) == ("error.voice.not_each_person", {"field": "each_person"})


def test_questions_are_built_only_on_an_approved_main_point() -> None:
    require_approved(PointStatus.APPROVED, "Reading for all")
    require_approved("approved", "Reading for all")
    with pytest.raises(InvalidInput) as refused:
        require_approved(PointStatus.PROPOSED, "Reading for all")
    assert refused.value.message == "error.main_point_not_approved"
    assert refused.value.params == {"field": "main_point_id", "title": "Reading for all"}


def test_a_teams_proposal_is_decided_once() -> None:
    require_pending(ReviewStatus.PENDING, "Nordby Chess")
    for decided in (ReviewStatus.ACCEPTED, "declined"):
        with pytest.raises(InvalidInput) as refused:
            require_pending(decided, "Nordby Chess")
        assert refused.value.message == "error.already_decided"
        assert refused.value.params == {"field": "status", "name": "Nordby Chess"}


def test_the_facilitator_screens_alone_only_without_teams() -> None:
    check_facilitator_screens(0)
    with pytest.raises(InvalidInput) as refused:
        check_facilitator_screens(1)
    assert (refused.value.message, refused.value.params) == ("error.teams_screen", {"field": "rater"})


def test_personal_data_is_kept_a_whole_number_of_months_up_to_ten_years() -> None:
    assert check_months(1) == 1
    assert check_months(MAX_RETENTION_MONTHS) == MAX_RETENTION_MONTHS
    for wrong in (0, MAX_RETENTION_MONTHS + 1, -3, 6.0, "6", True, None):
        with pytest.raises(InvalidInput) as refused:
            check_months(wrong)
        assert refused.value.message == "error.privacy.retention"
        assert refused.value.params == {"field": "retention_months", "most": MAX_RETENTION_MONTHS}


def test_the_owners_sign_in_rules_are_read_from_what_they_typed() -> None:
    typed = rules_from_text(" Frida@Library.example ; anna@library.example", "", "", "library-leaders\n", "roster")
    assert typed.facilitator_emails == {"frida@library.example", "anna@library.example"}
    assert (typed.leadership_groups, typed.team_access) == ({"library-leaders"}, TeamAccess.ROSTER)
    assert rules_from_text("", "", "", "", "code") == SignInRules()
    with pytest.raises(InvalidInput) as refused:
        rules_from_text("", "", "", "", "everybody")
    assert (refused.value.message, refused.value.params) == ("error.choose_an_option", {"field": "team_access"})
    with pytest.raises(InvalidInput) as bad_address:
        rules_from_text("frida at library", "", "", "", "code")
    assert bad_address.value.params["field"] == "facilitator_emails"


def test_a_signed_in_persons_address_is_kept_as_it_is_compared() -> None:
    assert checked_email("  Sofie@Library.example ") == "sofie@library.example"
    for wrong in ["sofie", "sofie@library", "a@" + "b" * 260 + ".dk"]:
        with pytest.raises(InvalidInput) as refused:
            checked_email(wrong)
        assert refused.value.message == "error.field_problem"
        assert refused.value.params["field"] == "email"


def test_only_a_facilitators_or_leaderships_sign_in_is_kept_through_a_reload() -> None:
    for kept in (Role.FACILITATOR, Role.LEADERSHIP):
        require_kept(kept)
    with pytest.raises(InvalidInput) as refused:
        require_kept(Role.TEAM)
    assert (refused.value.message, refused.value.params) == ("error.sign_in_not_kept", {"field": "role"})


def test_a_passcode_signs_in_a_facilitator_or_leadership_never_a_team() -> None:
    for staff in (Role.FACILITATOR, Role.LEADERSHIP):
        require_passcode_role(staff)
    with pytest.raises(AccessDenied) as refused:
        require_passcode_role(Role.TEAM)
    assert refused.value.message == "error.team_code_only"


def test_a_theme_gathers_only_answers_of_its_workshop() -> None:
    check_answers_known([4, 2], [2, 4, 9])
    check_answers_known([], [])
    with pytest.raises(InvalidInput) as refused:
        check_answers_known([8, 2, 5], [2])
    assert refused.value.message == "error.missing.answer"
    assert refused.value.params == {"field": "response_ids", "id": 5}


def test_a_workshops_offers_each_have_a_name_of_their_own() -> None:
    check_offer_names(["Story hour", "Maker space", "Book bus"])
    with pytest.raises(InvalidInput) as refused:
        check_offer_names(["Story hour", "Maker space", "story HOUR", "Maker space"])
    assert refused.value.message == "error.offer_name_taken"
    assert refused.value.params == {"field": "name", "offer": "story HOUR"}


def test_a_team_proposes_only_an_offer_the_register_lacks_and_it_is_taken_in_under_a_free_name() -> None:
    register = ["Story hour", "Maker space"]
    check_not_in_register("Book bus", register)
    check_name_free("Book bus", register)
    with pytest.raises(InvalidInput) as proposed:
        check_not_in_register("MAKER SPACE", register)
    assert proposed.value.message == "error.offer_in_register"
    assert proposed.value.params == {"field": "name", "name": "MAKER SPACE"}
    with pytest.raises(InvalidInput) as taken_in:
        check_name_free("story hour", register)
    assert taken_in.value.message == "error.offer_name_taken"
    assert taken_in.value.params == {"field": "name", "offer": "story hour"}


def test_a_partners_name_is_its_own_in_the_register() -> None:
    check_partner_name_free("Nordby Chess", ["Job centre", "Folk high school"])
    with pytest.raises(InvalidInput) as refused:
        check_partner_name_free("nordby chess", ["Job centre", "Nordby Chess"])
    assert (refused.value.message, refused.value.params) == (
        "error.partner_known",
        {"field": "name", "name": "nordby chess"},
    )


def test_a_teams_proposed_partner_is_taken_in_only_when_the_register_lacks_it() -> None:
    check_not_a_known_partner("Nordby Chess Club", ["Nordby Chess"])
    with pytest.raises(InvalidInput) as refused:
        check_not_a_known_partner(" nordby   CHESS ", ["Job centre", "Nordby Chess"])  # compared normalised
    assert refused.value.message == "error.partner_known"
    assert refused.value.params == {"field": "name", "name": " nordby   CHESS "}


def test_a_register_rows_primary_space_is_its_top_contribution_or_the_one_chosen_on_a_tie() -> None:
    assert offer_from_fields({"name": "Story hour", "learning": 3, "meeting": 1}).primary() == "learning"
    one_top = offer_from_fields({"name": "Story hour", "learning": 3, "meeting": 1, "primary": "meeting"})
    assert one_top.primary_space is None  # no tie: nothing to choose, and nothing kept
    chosen = offer_from_fields({"name": "Book bus", "learning": 2, "meeting": 2, "primary": "meeting"})
    assert (chosen.primary(), chosen.primary_space) == ("meeting", "meeting")
    with pytest.raises(InvalidInput) as refused:
        offer_from_fields({"name": "Book bus", "learning": 2, "meeting": 2, "primary": float("nan")})
    assert refused.value.message == "error.primary_space_tie"
    assert refused.value.params == {
        "field": "primary_space",
        "offer": "Book bus",
        "spaces": ["learning", "meeting"],
        "value": 2,
    }


def test_a_session_that_gave_wrong_codes_waits_before_it_tries_again() -> None:
    last = 1_000.0
    for failures in range(FREE_ATTEMPTS):  # the first wrong codes cost no wait
        require_waited(failures, last, last)
    failures = FREE_ATTEMPTS + 2
    wait = wait_after(failures)
    assert wait > 0
    with pytest.raises(TooManyAttempts) as refused:
        require_waited(failures, last, last + 0.5)
    assert refused.value.wait_seconds == wait  # 0.5 s after the last: the whole wait, rounded up
    assert refused.value.params == {"n": wait}
    with pytest.raises(TooManyAttempts) as almost:
        require_waited(failures, last, last + wait - 0.01)
    assert almost.value.wait_seconds == 1
    require_waited(failures, last, last + wait)  # waited out


def test_the_owner_passcode_is_chosen_once_and_never_where_the_environment_gives_it() -> None:
    require_owner_code_storable(False)
    with pytest.raises(InvalidInput) as from_environment:
        require_owner_code_storable(True)
    assert (from_environment.value.message, from_environment.value.params) == (
        "error.owner_code_from_environment",
        {"field": "owner"},
    )
    require_no_owner_code(configured=False, already_set=False)
    for configured, already_set in [(True, False), (False, True), (True, True)]:
        with pytest.raises(InvalidInput) as refused:
            require_no_owner_code(configured, already_set)
        assert (refused.value.message, refused.value.params) == ("error.owner_code_set", {"field": "owner"})
