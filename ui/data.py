"""The heavy reads the pages share, cached by the versions of the tables each one reads."""

from __future__ import annotations

from ui.cache import cached
from workshop.services import offers, week

ANSWER_TABLES = ("responses", "questions", "days", "teams", "main_points")

offers_frame = cached(offers.offers_frame, "offers")
answers_frame = cached(week.answers_frame, *ANSWER_TABLES)
list_main_points = cached(week.list_main_points, "main_points")
list_days = cached(week.list_days, "days")
list_questions = cached(week.list_questions, "questions")

# The leadership overview, one cached piece per tab and filter (workshop.services.overview).
from workshop.services import overview as _overview  # noqa: E402

overview_options = cached(_overview.options, *_overview.OPTION_TABLES)
overview_by_main_point = cached(_overview.by_main_point, *_overview.TABLES)
overview_side_by_side = cached(_overview.side_by_side, *_overview.TABLES)
overview_ratings = cached(_overview.ratings, *_overview.TABLES)
overview_choices = cached(_overview.choices, *_overview.TABLES)
overview_participation = cached(_overview.participation, *_overview.TABLES)
overview_key_terms = cached(_overview.key_terms, *_overview.TABLES)
overview_against_the_gaps = cached(_overview.against_the_gaps, *_overview.GAP_TABLES)
overview_unthemed = cached(_overview.unthemed, *_overview.TABLES)
answer_labels = cached(_overview.answer_labels, *_overview.TABLES)
answers_of = cached(_overview.answers_of, *_overview.TABLES)
question_labels = cached(_overview.question_labels, "questions", "days")
