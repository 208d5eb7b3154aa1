"""Domain models, named from the domain: the four spaces, offers, the strategy week and its answers."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from workshop.domain.messages import invalid
from workshop.domain.text_fields import MAX_LONG_TEXT, Label, LongText, Name, ShortText, no_control

SPACE_KEYS: tuple[str, ...] = ("inspiration", "learning", "meeting", "performative")
AIM_KEYS: tuple[str, ...] = ("experience", "involvement", "empowerment", "innovation")
LANGUAGES: tuple[str, ...] = ("en", "da", "nb", "nl")
DEFAULT_TARGET_GROUPS: tuple[str, ...] = (
    "children",
    "young people",
    "adults",
    "seniors",
    "families",
    "newcomers",
    "businesses",
)

MAX_REACH = 1_000_000_000  # users a year; more than any library, less than a database integer holds
Contribution = Annotated[int, Field(ge=0, le=3)]


class Role(StrEnum):
    FACILITATOR = "facilitator"
    TEAM = "team"
    LEADERSHIP = "leadership"


class OfferStatus(StrEnum):
    ACTIVE = "active"
    PLANNED = "planned"
    PAUSED = "paused"


class QuestionKind(StrEnum):
    TEXT = "text"
    RATING = "rating"
    SINGLE = "single"
    MULTIPLE = "multiple"
    SPACE_STRENGTH = "space_strength"  # "how strong are we in this space", a rating 1-5


class DayStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"


class ThemeStatus(StrEnum):
    OPEN = "open"
    ADOPT = "adopt"
    ADAPT = "adapt"
    PARK = "park"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Sector(StrEnum):
    """Public, private or civil society; unknown where a file did not say (an import without a sector column)."""

    PUBLIC = "public"
    PRIVATE = "private"
    CIVIL = "civil"
    UNKNOWN = "unknown"


class RelationStage(StrEnum):
    """The network circle: network -> collaboration -> partnership; unknown where a file did not say."""

    NETWORK = "network"
    COLLABORATION = "collaboration"
    PARTNERSHIP = "partnership"
    UNKNOWN = "unknown"


class PointStatus(StrEnum):
    """A main point leadership proposed, or one approved for the week (workshop.domain.main_points)."""

    PROPOSED = "proposed"
    APPROVED = "approved"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


DEFAULT_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 120


class Workshop(Strict):
    id: int  # a workshop is made by its service (workshops.lifecycle), never from a form: always stored
    name: Name
    description: LongText = ""
    language: str = Field(default="en", max_length=10)
    template_key: str = Field(default="", max_length=100)
    is_demo: bool = False
    publish_log_immediately: bool = False
    created_at: dt.datetime | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    uid: str = Field(default="", max_length=32)  # its identity, never another's (workshop.store.tables)
    leave_out: str = Field(default="", max_length=MAX_LONG_TEXT)  # words key terms leave out, one a line
    library_name: ShortText = ""  # the library as the leaflet names it; "" = the workshop's name
    library_contact: ShortText = ""  # how partners reach the library (address, e-mail, phone)
    mapping_prefill: bool = False  # a team's mapping starts from the register's values (else blank)
    # Months after the last day that personal data is kept (workshop.services.privacy.people, issue 30).
    retention_months: int = Field(default=DEFAULT_RETENTION_MONTHS, ge=1, le=MAX_RETENTION_MONTHS)

    @property
    def library(self) -> str:
        """The library's name: its own when set, else the workshop's."""
        return self.library_name.strip() or self.name


class Team(Strict):
    """A stored team, as a signed-in team's session knows it: always with its id and its workshop's."""

    id: int
    workshop_id: int
    name: Name


class Partner(Strict):
    id: int | None = None
    workshop_id: int | None = None
    name: Name
    sector: Sector = Sector.PUBLIC
    stage: RelationStage = RelationStage.NETWORK
    description: LongText = ""
    contact: ShortText = ""


class StageChange(Strict):
    """A partner's move in the network circle on a given day, with a short note on why."""

    stage: RelationStage
    changed_on: dt.date
    note: ShortText = ""


class Offer(Strict):
    id: int | None = None
    workshop_id: int | None = None
    name: Name
    description: LongText = ""
    owner_team: ShortText = ""
    target_groups: list[Label] = Field(default_factory=list, max_length=100)
    status: OfferStatus = OfferStatus.ACTIVE
    reach: int = Field(default=0, ge=0, le=MAX_REACH)
    strength: int = Field(default=3, ge=1, le=5)
    spaces: dict[str, Contribution] = Field(default_factory=dict)
    partners: list[Label] = Field(default_factory=list, max_length=100)
    tags: list[Label] = Field(default_factory=list, max_length=100)
    primary_space: str | None = None  # chosen by the user only when the top contributions tie

    @field_validator("spaces")
    @classmethod
    def _known_spaces_touching_one(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(SPACE_KEYS))
        if unknown:
            raise invalid("problem.unknown_space", space=", ".join(unknown))
        full = {key: int(value.get(key, 0)) for key in SPACE_KEYS}
        if not any(full.values()):
            raise invalid("problem.no_space")
        return full

    def primary_spaces(self) -> list[str]:
        """The spaces with the highest contribution: one, or several on a tie."""
        top = max(self.spaces.values())
        return [key for key in SPACE_KEYS if self.spaces.get(key, 0) == top]

    def primary(self) -> str | None:
        """The primary space: the highest contribution, or the user's choice on a tie (None: not chosen)."""
        top = self.primary_spaces()
        if len(top) == 1:
            return top[0]
        return self.primary_space if self.primary_space in top else None


class NewMainPoint(Strict):
    """A main point as leadership or the facilitator writes it, before it is stored (no id yet)."""

    position: int = 0
    title: Name
    description: LongText = ""
    spaces: list[str] = Field(default_factory=list)
    status: PointStatus = PointStatus.APPROVED

    @field_validator("spaces")
    @classmethod
    def _known_spaces(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(SPACE_KEYS))
        if unknown:
            raise invalid("problem.unknown_space", space=", ".join(unknown))
        return value


class MainPoint(NewMainPoint):
    """A stored main point: always with its id and its workshop's."""

    id: int
    workshop_id: int


class NewDay(Strict):
    """A day as the facilitator sets it up, before it is stored (no id yet)."""

    position: int = 0
    date: dt.date | None = None
    title: Name
    status: DayStatus = DayStatus.PLANNED


class Day(NewDay):
    """A stored day: always with its id and its workshop's."""

    id: int
    workshop_id: int


class NewQuestion(Strict):
    """A question as the facilitator writes it, before it is stored (no id, no day yet)."""

    main_point_id: int | None = None
    position: int = 0
    kind: QuestionKind = QuestionKind.TEXT
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(no_control)
    ]
    options: list[Label] = Field(default_factory=list, max_length=50)
    space: str | None = None
    each_person: bool = False  # each person answers for themselves (workshop.domain.voices), not the team

    @field_validator("space")
    @classmethod
    def _known_space(cls, value: str | None) -> str | None:
        if value is not None and value not in SPACE_KEYS:
            raise invalid("problem.unknown_space", space=value)
        return value


class Question(NewQuestion):
    """A stored question: always with its id, its workshop's and its day's."""

    id: int
    workshop_id: int
    day_id: int


class Response(Strict):
    id: int | None = None
    workshop_id: int | None = None
    question_id: int
    team_id: int
    text: LongText = ""
    rating: int | None = Field(default=None, ge=1, le=5)
    choices: list[Label] = Field(default_factory=list, max_length=50)
    spaces: list[str] = Field(default_factory=list, max_length=4)
    idempotency_key: str | None = Field(default=None, max_length=100)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    edited_by: ShortText = ""  # the signed-in person who last edited it ("" = no one signed in); the team's only


class Theme(Strict):
    """A stored theme: leadership makes one by naming it, and it is stored at once."""

    id: int
    workshop_id: int
    title: Name
    status: ThemeStatus = ThemeStatus.OPEN
    decision: LongText = ""
    reactions_open: bool = False  # teams may react to it (once leadership has published its decisions)
    response_ids: list[int] = Field(default_factory=list)


class Action(Strict):
    id: int | None = None
    workshop_id: int | None = None
    theme_id: int | None = None
    title: Name
    owner: ShortText = ""
    space: str | None = None
    main_point_id: int | None = None
    due: dt.date | None = None
    status: ActionStatus = ActionStatus.PLANNED
