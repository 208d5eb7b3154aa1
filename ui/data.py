"""The heavy reads the pages share, cached by the versions of the tables each one reads."""

from __future__ import annotations

import streamlit as _st

from ui.cache import cached
from workshop.files import spreadsheet as _importing
from workshop.services.loop import publication as _publication
from workshop.services.loop import reactions as _reactions
from workshop.services.partnership import partners as _partners
from workshop.services.partnership import proposals as _proposals
from workshop.services.partnership import screening as _screening
from workshop.services.register import mapping as _mapping
from workshop.services.register import mapping_review as _review
from workshop.services.register import offers
from workshop.services.register import profile_ratings as _profile
from workshop.services.register import stages as _history
from workshop.services.register import strengths as _strengths
from workshop.services.week import answers as _answers
from workshop.services.week import days as week
from workshop.services.week import morning_view as _morning
from workshop.services.week import week_log as _week_log
from workshop.services.whole import guide as _guide
from workshop.services.whole import overview as _overview
from workshop.services.workshops import lifecycle as workshops

ANSWER_TABLES = ("responses", "questions", "days", "teams", "main_points")

offers_frame = cached(offers.offers_frame, "offers")
answers_frame = cached(week.answers_frame, *ANSWER_TABLES)
list_main_points = cached(week.list_main_points, "main_points")
# Which phases are on decides a team's menu: read on every run of a team's session, so cached.
team_phases = cached(_guide.team_phases, "mapping_phases", "proposals", "votes", "publications")
list_days = cached(week.list_days, "days")
list_questions = cached(week.list_questions, "questions")
# The answers page's cards: every team's first run at 9:00 reads them, so one cached read, not three queries.
week_plan = cached(week.week_plan, "days", "main_points", "questions")
# A team's own answers and unsent texts: every run of its answer page, on each of its devices.
team_sheet = cached(_answers.team_sheet, *_answers.SHEET_TABLES)
list_teams = cached(workshops.list_teams, "teams")
# The session's workshop, which every run checks (its uid): from the cache, as the run already asks which
# tables changed (ui.context.workshop_by_id keeps it for the run).
get_workshop = cached(workshops.get_workshop, "workshops")
# The week's log read whole (workshop.services.week.week_log): every team's log, on every run, asks once whether
# anything it shows changed, not five times.
week_log = cached(_week_log.log, *_week_log.LOG_TABLES)
# The wall and the morning view, each read whole (workshop.services.week.morning_view): redrawn every 5 s by
# every projector and morning view, read once per change of a table they show, not per refresh.
morning_board = cached(_morning.board, *_morning.BOARD_TABLES)
morning_desk = cached(_morning.desk, *_morning.DESK_TABLES)  # the facilitator's controls below the board

# The offers pages (offers, offer map, partners, strengths, profile).


register_frame = cached(offers.register_frame, "offers")
list_target_groups = cached(offers.list_target_groups, "target_groups")
partners_frame = cached(offers.partners_frame, "partners")
partner_register = cached(_partners.partner_register, "partners", "offers")
partners_by_space = cached(_partners.partners_by_space, "partners", "offers")
partners_by_target_group = cached(_partners.partners_by_target_group, "partners", "offers")
stage_history = cached(_history.stage_history, "partner_stages", "partners")
profile_frame = cached(_profile.profile_frame, "profile_ratings")
load_weights = cached(_strengths.load_weights, "space_weights", "workshops")
workshop_scores = cached(_strengths.workshop_scores, "offers", "space_weights", "workshops")
offer_details = cached(_strengths.offer_details, "offers")
staff_ratings = cached(_strengths.staff_ratings, "responses", "questions", "person_answers", "teams", "days")


# Uploads are bounded by workshop.files.limits; at most two read tables are kept, for ten minutes.
@_st.cache_data(show_spinner=False, max_entries=2, ttl=600)
def uploaded_source(file_id: str, filename: str, sheet: str | None, _data: bytes) -> _importing.SourceTable:
    """An uploaded spreadsheet read once per upload and sheet (an XLSX of 50,000 rows takes seconds to read),
    not again on every click on the import page. The upload's id is the key; its bytes are not hashed."""
    return _importing.read_source(_data, filename, sheet)


@_st.cache_data(show_spinner=False, max_entries=4, ttl=600)
def uploaded_sheets(file_id: str, _data: bytes) -> tuple[str, ...]:
    """The sheets of an uploaded workbook, read once per upload."""
    return _importing.sheet_names(_data)


# The leadership overview, one cached piece per tab and filter (workshop.services.whole.overview).

overview_options = cached(_overview.options, *_overview.OPTION_TABLES)
overview_by_main_point = cached(_overview.by_main_point, *_overview.TABLES)
overview_side_by_side = cached(_overview.side_by_side, *_overview.TABLES)
overview_ratings = cached(_overview.ratings, *_overview.TABLES)
overview_choices = cached(_overview.choices, *_overview.TABLES)
overview_participation = cached(_overview.participation, *_overview.TABLES)
overview_key_terms = cached(_overview.key_terms, *_overview.TABLES, "workshops")  # its words to leave out
overview_against_the_gaps = cached(_overview.against_the_gaps, *_overview.GAP_TABLES)
overview_unthemed = cached(_overview.unthemed, *_overview.TABLES)
answer_labels = cached(_overview.answer_labels, *_overview.TABLES)
answers_of = cached(_overview.answers_of, *_overview.TABLES)
question_labels = cached(_overview.question_labels, "questions", "days")

# Closing the loop: the teams' view of leadership's decisions, and the reactions leadership reads.

team_outcomes = cached(_publication.team_outcomes, *_publication.OUTCOME_TABLES)
reactions_frame = cached(_reactions.reactions_frame, "reactions", "teams")

# The teams' mapping of offers (workshop.services.register.mapping).

mapping_phase = cached(_mapping.mapping_phase, "mapping_phases")
mapping_review = cached(_review.review, "mappings", "mapping_decisions", "offers", "teams")
mapping_proposals = cached(_review.pending_proposals, "mappings", "teams")
staff_beside_register = cached(_review.staff_beside_register, "mappings", "offers", "teams")

# Proposals screened with the "How to Say No" questions (workshop.services.partnership.proposals, .screening).

list_proposals = cached(_proposals.list_proposals, "proposals")
screening_cards = cached(_screening.screening_cards, *_screening.CARD_TABLES)
own_screening = cached(_screening.own_screening, "screenings")
