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
log_answers = cached(week.log_answers, "responses", "teams")
from workshop.services import workshops as _workshops  # noqa: E402  (appended: others append here too)

list_teams = cached(_workshops.list_teams, "teams")
