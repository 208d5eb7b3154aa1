"""Every person's own voice, anonymous to leadership (issue 29.2): who "a person" is, and the small-group rule.

A question the facilitator marks "each person answers" takes one answer per person instead of one per team.
A person is an opaque key, never a name or an address: a keyed hash of the signed-in e-mail (the key is the
server's secret, kept out of the database and its backups), or, without sign-in, a random key per device
session. Leadership sees only distributions, and `distribution` is the one place the small-group rule is
applied: a team with fewer than MIN_GROUP people who answered is shown only merged into "other"; when "other"
itself stays under MIN_GROUP, its answers are withheld from every figure (the overall too: the overall minus
the teams shown would otherwise be their answers). Every chart, export and report is made from its result."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from workshop.domain.errors import InvalidInput
from workshop.domain.model import Label, QuestionKind, Strict

MIN_GROUP = 3  # the fewest people a shown group may have
OWN_KINDS = (QuestionKind.RATING, QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SPACE_STRENGTH)
RATED = (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
SCALE = ("1", "2", "3", "4", "5")
SIGNED_IN, DEVICE = "p-", "d-"  # a key's prefix: a signed-in person's, or one device session's
_KEY = re.compile(r"^[pd]-[0-9a-f]{32,64}$")
GroupKind = Literal["team", "other", "all"]
VOICE_COLUMNS = ("question_id", "question", "group", "team", "people", "answer", "count")  # voice_rows' keys


class PersonAnswer(Strict):
    """One person's own answer to a question each person answers: a rating or choices, under an opaque key."""

    id: int | None = None
    workshop_id: int | None = None
    question_id: int
    team_id: int
    person_key: str = Field(min_length=1, max_length=80)
    rating: int | None = Field(default=None, ge=1, le=5)
    choices: list[Label] = Field(default_factory=list, max_length=50)
    idempotency_key: str | None = Field(default=None, max_length=100)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None


def signed_in_person(secret: str, workshop_uid: str, email: str) -> str:
    """A signed-in person's key in one workshop: a keyed hash (HMAC-SHA256) of the e-mail address. The same
    person gets the same key on every device; without the secret no one can tell whose key it is."""
    if not secret:
        raise ValueError("a person's key needs the server's secret")
    message = f"{workshop_uid}\n{email.strip().lower()}".encode()
    return SIGNED_IN + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def device_person() -> str:
    """A new person on a shared device: a random key, valid for one device session."""
    return DEVICE + secrets.token_hex(16)


def check_person_key(key: str) -> str:
    """The key, or InvalidInput when it is not an opaque person key (an e-mail or a name is never stored)."""
    if not isinstance(key, str) or not _KEY.match(key):
        raise InvalidInput("error.voice.person_unknown", field="person")
    return key


def each_person_fits(kind: QuestionKind) -> bool:
    """Whether a question of this kind can be answered by each person (a rating or a choice, never free text:
    a person's own words would name them)."""
    return QuestionKind(kind) in OWN_KINDS


def check_each_person(kind: QuestionKind, each_person: bool) -> None:
    """InvalidInput when a question that each person answers is of a kind they cannot answer alone."""
    if each_person and not each_person_fits(kind):
        raise InvalidInput("error.voice.kind", field="each_person")


def require_answered_alone(kind: QuestionKind, each_person: bool) -> None:
    """A person answers alone only a question marked each person, of a kind they can answer alone: InvalidInput
    on the question's each-person mark otherwise."""
    if not each_person or not each_person_fits(kind):
        raise InvalidInput("error.voice.not_each_person", field="each_person")


@dataclass(frozen=True)
class Voice:
    """One person's answer as the rule reads it: their team, their opaque key, the values they gave."""

    team: str
    person: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A group leadership may see: a team, "other" (small teams merged) or all; counts per answer value."""

    kind: GroupKind
    team: str  # the team's name for a team, "" for other and all
    people: int
    counts: tuple[tuple[str, int], ...]  # (value, people who gave it), in the question's order


@dataclass(frozen=True)
class Voices:
    """One question's distribution as leadership may see it: never a name, never a group under MIN_GROUP."""

    question_id: int
    values: tuple[str, ...]
    groups: tuple[Group, ...]  # the teams shown (by name), then other, then all (when any is shown)
    withheld: int  # people whose answers are in no figure (their merged group stayed under MIN_GROUP)


def answer_values(kind: QuestionKind, options: Sequence[str]) -> tuple[str, ...]:
    """The values a distribution counts: the scale 1-5 for a rating, else the options."""
    return SCALE if QuestionKind(kind) in RATED else tuple(options)


def voice_of(team: str, person: str, rating: int | None, choices: Iterable[str]) -> Voice:
    """A stored answer as a Voice: a rating as its digit, choices as they are."""
    return Voice(team, person, (str(rating),) if rating is not None else tuple(choices))


def _group(kind: GroupKind, team: str, values: Sequence[str], people: dict[str, tuple[str, ...]]) -> Group:
    counts = {value: 0 for value in values}
    for given in people.values():
        for value in set(given):
            if value in counts:
                counts[value] += 1
    return Group(kind, team, len(people), tuple(counts.items()))


def _rule(sizes: Mapping[str, int]) -> tuple[list[str], list[str], bool]:
    """The small-group rule over the teams' numbers of people: the teams shown by name, the teams merged into
    "other", and whether "other" is shown (else its people are withheld)."""
    order = sorted(sizes, key=str.casefold)
    named = [team for team in order if sizes[team] >= MIN_GROUP]
    merged = [team for team in order if sizes[team] < MIN_GROUP]
    return named, merged, sum(sizes[team] for team in merged) >= MIN_GROUP


def people_shown(team_of: Mapping[str, str]) -> set[str]:
    """Of the people (key -> team), those an overall figure may count: the people of the groups shown."""
    by_team: dict[str, list[str]] = {}
    for person, team in team_of.items():
        by_team.setdefault(team, []).append(person)
    named, merged, other_shown = _rule({team: len(people) for team, people in by_team.items()})
    shown = {p for team in named + (merged if other_shown else []) for p in by_team[team]}
    return shown if len(shown) >= MIN_GROUP else set()


def distribution(question_id: int, values: Sequence[str], voices: Iterable[Voice]) -> Voices:
    """The small-group rule, the one place it is applied: teams with at least MIN_GROUP people are shown by
    name; smaller ones only merged into "other", which is itself shown only with at least MIN_GROUP people
    (else withheld, from the overall too); the overall counts the people of the groups shown."""
    by_team: dict[str, dict[str, tuple[str, ...]]] = {}
    for voice in voices:
        by_team.setdefault(voice.team, {})[voice.person] = voice.values
    named, merged, other_shown = _rule({team: len(people) for team, people in by_team.items()})
    groups = [_group("team", team, values, by_team[team]) for team in named]
    shown = {f"{team}\n{p}": v for team in named for p, v in by_team[team].items()}
    other = {f"{team}\n{p}": v for team in merged for p, v in by_team[team].items()}
    if other_shown:
        groups.append(_group("other", "", values, other))
        shown.update(other)
    if len(shown) >= MIN_GROUP:
        groups.append(_group("all", "", values, shown))
    return Voices(question_id, tuple(values), tuple(groups), 0 if other_shown else len(other))


def voice_rows(found: Iterable[tuple[str, Voices]]) -> list[dict[str, object]]:
    """Distributions as flat rows for a file (one per question, group and value): question id and text,
    group (team, other, all), the team's name for a team, people in the group, the value, and how many gave it."""
    return [
        {
            "question_id": voices.question_id,
            "question": text,
            "group": group.kind,
            "team": group.team,
            "people": group.people,
            "answer": value,
            "count": count,
        }
        for text, voices in found
        for group in voices.groups
        for value, count in group.counts
    ]
