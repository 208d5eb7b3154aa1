"""Every table's rows in a backup held to the rules the app holds input to: the domain's models and
limits (workshop.domain), never a second set. One rule per table, keyed by its name; a table without a
rule is not restored (workshop.files.backup refuses it), so a table added later cannot slip through.
A rule gets one row, already typed by workshop.files.backup_check, and raises RowFault naming the column."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from workshop.config.i18n import FALLBACK
from workshop.config.messages import render
from workshop.domain.assets import Asset, PartnerProposal, ReviewStatus
from workshop.domain.codes import stored_hash_problem, team_code_salt_problem
from workshop.domain.comments import Comment
from workshop.domain.errors import InvalidInput
from workshop.domain.history import entry_problem
from workshop.domain.identity import TeamAccess, email_list, email_problem, group_list, normalise_email
from workshop.domain.keyterms import leave_out_words
from workshop.domain.loop import Reaction
from workshop.domain.mapping import Contribution, MappingScope, check_proposed, checked
from workshop.domain.messages import Message
from workshop.domain.model import (
    MAX_LONG_TEXT,
    SPACE_KEYS,
    Action,
    Day,
    DayStatus,
    MainPoint,
    Offer,
    Partner,
    Question,
    QuestionKind,
    Response,
    StageChange,
    Team,
    Theme,
    Workshop,
)
from workshop.domain.profile import LEADERSHIP, check_rating
from workshop.domain.profile import team_rater as profile_rater
from workshop.domain.scoring import Thresholds, checked_weights
from workshop.domain.screening import FACILITATOR_RATER, Answered, Proposal, team_rater
from workshop.domain.text_fields import text_problem
from workshop.domain.validation import (
    check_dates,
    check_language,
    check_question_space,
    clean_options,
    clean_target_groups,
    problem_of,
)
from workshop.domain.voices import PersonAnswer, check_person_key
from workshop.domain.voting import MAX_DOTS, Vote

Row = Mapping[str, Any]
SETTING_LIMIT = 300  # a setting's value: a workshop's id or a passcode's hash
OWNER_HASH = "owner_code_hash"  # the setting workshop.services.access.owner keeps the owner's passcode hash in


class RowFault(ValueError):
    """What is wrong with one row: the column and the problem in words."""

    def __init__(self, column: str, problem: str | Message) -> None:
        # A backup is restored from the command line only: its faults are told in English.
        problem = render(problem, FALLBACK) if isinstance(problem, Message) else problem
        super().__init__(f"{column}: {problem}")
        self.column, self.problem = column, problem


def _model(model: type[BaseModel], row: Row, spread: str = "", **given: Any) -> None:
    """The row's columns that the model has (and `given`), held to the model; `spread` names a field
    the row keeps in a column per key (an offer's spaces), so a fault names that column."""
    data = {name: row[name] for name in model.model_fields if name in row} | given
    try:
        model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(part) for part in first["loc"]]
        column = loc[1] if spread and loc[:1] == [spread] and len(loc) > 1 else (loc[0] if loc else model.__name__)
        raise RowFault(column, problem_of(first, column)) from None


def _rule(check: Callable[..., object], *args: Any, column: str = "") -> None:
    """A domain rule that raises InvalidInput, its fault named by the column (or the field it names)."""
    try:
        check(*args)
    except InvalidInput as exc:
        raise RowFault(column or str(exc.params.get("field", "value")), str(exc)) from None


def _spaces(row: Row) -> dict[str, int]:
    return {key: row.get(key, 0) for key in SPACE_KEYS}


def _types_only(row: Row) -> None:
    """A table whose rows hold nothing beyond their columns' types and references (checked elsewhere)."""


def _setting(row: Row) -> None:
    if problem := text_problem(row["value"], SETTING_LIMIT):
        raise RowFault("value", problem)
    if row["key"] == OWNER_HASH and (hash_problem := stored_hash_problem(row["value"])):
        raise RowFault("value", hash_problem)


def _workshop(row: Row) -> None:
    _model(Workshop, row)
    _rule(check_language, row.get("language", "en"))
    _model(Thresholds, row)
    _rule(check_dates, row.get("start_date"), row.get("end_date"))
    _rule(leave_out_words, row.get("leave_out", ""), column="leave_out")
    for column in ("facilitator_code_hash", "leadership_code_hash"):
        if problem := stored_hash_problem(row[column]):
            raise RowFault(column, problem)
    if problem := team_code_salt_problem(row["team_code_salt"]):
        raise RowFault("team_code_salt", problem)


def _question(row: Row) -> None:
    _model(Question, row)
    kind = QuestionKind(row.get("kind", QuestionKind.TEXT))
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        _rule(clean_options, kind, row.get("options", []))
    _rule(check_question_space, kind, row.get("space"))


def _person_answer(row: Row) -> None:
    _model(PersonAnswer, row)
    _rule(check_person_key, row.get("person_key", ""), column="person_key")


def _person_dot(row: Row) -> None:
    _rule(check_person_key, row.get("person_key", ""), column="person_key")
    _vote_dot(row)


def _draft(row: Row) -> None:
    if problem := text_problem(row.get("text", ""), MAX_LONG_TEXT):
        raise RowFault("text", problem)


def _rater(row: Row, alone: str, team_named: Callable[[int], str]) -> None:
    """Who rated: `alone` without a team, or the team named by its id, and no other."""
    team_id = row.get("team_id")
    expected = alone if team_id is None else team_named(int(team_id))
    if row["rater"] != expected:
        raise RowFault("rater", f"{row['rater']!r} does not match the row's team (expected {expected!r})")


def _profile_rating(row: Row) -> None:
    _rule(check_rating, row["pair"], row["value"], column="value")
    _rater(row, LEADERSHIP, profile_rater)


def _vote_dot(row: Row) -> None:
    if not 0 <= row["dots"] <= MAX_DOTS:
        raise RowFault("dots", f"{row['dots']} is not 0-{MAX_DOTS}")


def _mapping_phase(row: Row) -> None:
    for column, words in (("status", DayStatus), ("scope", MappingScope)):
        if column in row and row[column] not in {w.value for w in words}:
            raise RowFault(column, f"{row[column]!r} is not one of {', '.join(w.value for w in words)}")


def _contribution(row: Row, complete: bool) -> None:
    given = Contribution(_spaces(row), row.get("strength", 3), note=row.get("note", ""))
    _rule(checked, given, complete)


def _mapping(row: Row) -> None:
    _contribution(row, complete=bool(row.get("done")))
    if row.get("proposed"):
        _rule(check_proposed, row.get("proposed_name", ""), row.get("description", ""))
    elif problem := text_problem(row.get("description", ""), MAX_LONG_TEXT):
        raise RowFault("description", problem)


def _screening(row: Row) -> None:
    _model(Answered, row)
    _rater(row, FACILITATOR_RATER, team_rater)


def _reviewed(model: type[BaseModel]) -> Callable[[Row], None]:
    def rule(row: Row) -> None:
        _model(model, row)
        if row.get("status", ReviewStatus.PENDING) not in {s.value for s in ReviewStatus}:
            raise RowFault("status", f"{row['status']!r} is not one of {', '.join(s.value for s in ReviewStatus)}")

    return rule


def _history(row: Row) -> None:
    if found := entry_problem(row):
        raise RowFault(*found)


def _held_to(model: type[BaseModel], spread: str = "", **given: Callable[[Row], Any]) -> Callable[[Row], None]:
    def rule(row: Row) -> None:
        _model(model, row, spread, **{name: make(row) for name, make in given.items()})

    return rule


def _addresses(row: Row, column: str) -> None:
    """A column of e-mail addresses as the app stores them: a list of strings, each an address, normalised."""
    values = row.get(column, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RowFault(column, "not a list of e-mail addresses")
    _rule(email_list, "\n".join(values), column, column=column)
    if any(v != normalise_email(v) for v in values):
        raise RowFault(column, "an address not written as the app stores it (lower case, no spaces)")


def _sign_in_rules(row: Row) -> None:
    if row.get("team_access", TeamAccess.CODE.value) not in {a.value for a in TeamAccess}:
        raise RowFault("team_access", f"{row['team_access']!r} is not one of {', '.join(a.value for a in TeamAccess)}")
    for column in ("facilitator_emails", "leadership_emails"):
        _addresses(row, column)
    for column in ("facilitator_groups", "leadership_groups"):
        values = row.get(column, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() == v and v for v in values):
            raise RowFault(column, "not a list of group names")
        _rule(group_list, "\n".join(values), column, column=column)


def _team_member(row: Row) -> None:
    if row["source"] not in {a.value for a in TeamAccess}:
        raise RowFault("source", f"{row['source']!r} is not one of {', '.join(a.value for a in TeamAccess)}")
    if row["email"] != normalise_email(row["email"]):
        raise RowFault("email", "an address not written as the app stores it (lower case, no spaces)")
    if problem := email_problem(row["email"]):
        raise RowFault("email", problem)


ROW_RULES: dict[str, Callable[[Row], None]] = {
    "settings": _setting,
    "workshops": _workshop,
    "space_weights": lambda row: _rule(checked_weights, {row["space"]: row["weight"]}, column="weight"),
    "teams": _held_to(Team),
    "partners": _held_to(Partner),
    "partner_stages": _held_to(StageChange),
    "offers": _held_to(Offer, "spaces", spaces=_spaces),
    "main_points": _held_to(MainPoint),
    "days": _held_to(Day),
    "questions": _question,
    "responses": _held_to(Response),
    "person_answers": _person_answer,
    "person_dots": _person_dot,
    "drafts": _draft,
    "themes": _held_to(Theme),
    "theme_responses": _types_only,
    "actions": _held_to(Action),
    "profile_ratings": _profile_rating,
    "target_groups": lambda row: _rule(clean_target_groups, [row["name"]], column="name"),
    "publications": _types_only,
    "reactions": _held_to(Reaction),
    "votes": _held_to(Vote),
    "vote_dots": _vote_dot,
    "mapping_phases": _mapping_phase,
    "mappings": _mapping,
    "mapping_decisions": lambda row: _contribution(row, complete=True),
    "comments": _held_to(Comment),
    "projector_links": _types_only,
    "recap_quotes": _types_only,
    "proposals": _held_to(Proposal),
    "screenings": _screening,
    "assets": _held_to(Asset),
    "asset_proposals": _reviewed(Asset),
    "partner_proposals": _reviewed(PartnerProposal),
    "sign_in_rules": _sign_in_rules,
    "team_members": _team_member,
    "history": _history,
}
