"""The facilitator's checklist and the team's phases: the pure rules (which state a step is in, which page a
team's menu shows) and the one read model each comes from, on an empty workshop and on the demo."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from workshop.domain.checklist import Progress, StepKey, StepState, checklist
from workshop.domain.model import DayStatus, Role
from workshop.domain.phases import Phases, team_sees
from workshop.services.loop.publication import set_published
from workshop.services.loop.votes import open_vote, set_vote_open
from workshop.services.partnership.proposals import save_proposal
from workshop.services.register.mapping import set_mapping_phase
from workshop.services.week.days import list_days, set_day_status
from workshop.services.week.morning import new_projector_link
from workshop.services.week.planning import approve_main_point, save_day, save_main_point, save_question
from workshop.services.whole.demo import create_demo
from workshop.services.whole.guide import team_phases, week_checklist
from workshop.services.workshops.lifecycle import create_workshop

S = StepState


def states(steps: list) -> list[StepState]:  # type: ignore[type-arg]
    return [s.state for s in steps]


def test_nothing_done_makes_the_first_step_now_and_every_other_to_do() -> None:
    assert states(checklist({})) == [S.NOW] + [S.TODO] * (len(StepKey) - 1)


def test_the_first_step_not_complete_is_now_and_a_later_step_done_out_of_order_stays_done() -> None:
    steps = checklist({StepKey.OFFERS: Progress(1), StepKey.PROJECTOR: Progress(1)})
    by_key = {s.key: s.state for s in steps}
    assert by_key[StepKey.OFFERS] == S.DONE and by_key[StepKey.TEAMS] == S.NOW
    assert by_key[StepKey.PROJECTOR] == S.DONE and by_key[StepKey.MAPPING_OPENED] == S.TODO


@pytest.mark.parametrize(
    ("progress", "complete"),
    [
        (Progress(0), False),
        (Progress(1), True),
        (Progress(3, 5), False),
        (Progress(5, 5), True),
        (Progress(0, 0), False),
    ],
)
def test_a_step_of_several_parts_is_done_only_when_every_part_is(progress: Progress, complete: bool) -> None:
    assert checklist({StepKey.OFFERS: progress})[0].state == (S.DONE if complete else S.NOW)


def test_every_step_complete_makes_every_step_done() -> None:
    assert states(checklist({k: Progress(2, 2) for k in StepKey})) == [S.DONE] * len(StepKey)


ALWAYS = ["answer", "week_log", "profile", "home"]
NOTHING = Phases()
MAPPING, SCREENING = Phases(mapping_open=True), Phases(proposal_open=True)
VOTE, PUBLISHED = Phases(vote_open=True), Phases(published=True)


@pytest.mark.parametrize(
    ("phases", "shown"),
    [
        (NOTHING, ALWAYS),
        (MAPPING, [*ALWAYS, "mapping", "offers", "offer_map"]),
        (SCREENING, [*ALWAYS, "screening", "partners", "partner_proposals", "assets"]),
        (VOTE, [*ALWAYS, "spend_dots"]),
        (PUBLISHED, [*ALWAYS, "decisions"]),
        (
            Phases(True, True, True, True),
            [
                *ALWAYS,
                "mapping",
                "offers",
                "offer_map",
                "screening",
                "partners",
                "partner_proposals",
                "assets",
                "spend_dots",
                "decisions",
            ],
        ),
    ],
)
def test_a_team_sees_a_page_only_while_its_phase_is_on(phases: Phases, shown: list[str]) -> None:
    every = ["answer", "week_log", "profile", "home", "mapping", "offers", "offer_map", "screening", "partners"]
    every += ["partner_proposals", "assets", "spend_dots", "decisions"]
    assert sorted(p for p in every if team_sees(p, phases)) == sorted(shown)


def test_an_empty_workshop_has_every_step_to_do_but_the_first(engine: Engine) -> None:
    wid = create_workshop(engine, "Empty week", "facilitator-code-1", "leadership-code-1")
    steps = week_checklist(engine, wid)
    assert [s.key for s in steps] == list(StepKey)
    assert states(steps) == [S.NOW] + [S.TODO] * (len(StepKey) - 1)
    assert team_phases(engine, wid) == Phases()


def test_the_demo_checklist_shows_what_its_facilitator_did_and_what_is_next(engine: Engine) -> None:
    wid = create_demo(engine)
    by_key = {s.key: s for s in week_checklist(engine, wid)}
    done = [k for k, s in by_key.items() if s.state == S.DONE]
    assert done == [
        StepKey.OFFERS,
        StepKey.TEAMS,
        StepKey.MAPPING_OPENED,
        StepKey.MAPPING_CLOSED,
        StepKey.WEEK_PLANNED,
        StepKey.HANDOVER,
    ]
    assert by_key[StepKey.MAPPING_RESOLVED].state == S.NOW  # the demo leaves disagreements to resolve
    assert (by_key[StepKey.DAYS_OPENED].progress, by_key[StepKey.DAYS_CLOSED].progress) == (
        Progress(3, 5),
        Progress(2, 5),
    )
    new_projector_link(engine, wid)
    for day in list_days(engine, wid):
        set_day_status(engine, wid, int(day.id or 0), DayStatus.CLOSED)
    by_key = {s.key: s for s in week_checklist(engine, wid)}
    assert by_key[StepKey.PROJECTOR].state == by_key[StepKey.DAYS_CLOSED].state == S.DONE
    assert by_key[StepKey.DAYS_CLOSED].progress == Progress(5, 5)


def test_the_phases_follow_the_mapping_the_proposals_the_votes_and_the_publication(engine: Engine) -> None:
    wid = create_workshop(engine, "Phased week", "facilitator-code-1", "leadership-code-1")
    set_mapping_phase(engine, wid, status=DayStatus.OPEN)
    assert team_phases(engine, wid) == Phases(mapping_open=True)
    set_mapping_phase(engine, wid, status=DayStatus.CLOSED)
    vote = open_vote(engine, wid, "First?", "themes", 3)
    assert team_phases(engine, wid) == Phases(vote_open=True)
    set_vote_open(engine, wid, vote, False)
    save_proposal(engine, wid, {"title": "Maker camp"})
    set_published(engine, wid, True)
    assert team_phases(engine, wid) == Phases(proposal_open=True, published=True)


def test_a_main_point_leadership_only_proposed_does_not_plan_the_week(engine: Engine) -> None:
    """Issue 26.7: the days are built on approved main points; one waiting for approval plans nothing."""
    wid = create_workshop(engine, "Strategy week", "facilitate-fx", "lead-fixture")
    point = save_main_point(engine, wid, "Reading first", "Decided at the seminar", role=Role.LEADERSHIP)
    day = save_day(engine, wid, "Monday")
    save_question(engine, wid, int(day.id or 0), "What do we do for early readers?")

    def planned() -> StepState:
        return next(s.state for s in week_checklist(engine, wid) if s.key == StepKey.WEEK_PLANNED)

    assert planned() != S.DONE
    approve_main_point(engine, wid, int(point.id or 0), Role.LEADERSHIP)
    assert planned() == S.DONE
