"""The demo library's file format (data/demo/<lang>.yaml): a template plus teams, partners, offers, answers,
themes, votes, mappings and screened proposals of a fictional library. Loaded by templates.demo()."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workshop.domain.assets import Asset, PartnerProposal
from workshop.domain.loop import REACTION_MAX, Stance
from workshop.domain.model import (
    ActionStatus,
    DayStatus,
    Offer,
    Partner,
    StageChange,
    ThemeStatus,
)
from workshop.domain.screening import QUESTION_COUNT, ScreeningAnswer, Verdict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DemoTeam(_Strict):
    name: str
    code: str


class DemoAnswer(_Strict):
    team: str
    day: int = Field(ge=1)
    question: int = Field(ge=1)
    text: str = ""
    rating: int | None = Field(default=None, ge=1, le=5)
    choices: list[str] = Field(default_factory=list)
    spaces: list[str] = Field(default_factory=list)


class DemoAnswerRef(_Strict):
    """An answer of the demo named by its team, day and question (as in `answers`)."""

    team: str
    day: int = Field(ge=1)
    question: int = Field(ge=1)


class DemoAction(_Strict):
    title: str = Field(min_length=1, max_length=200)
    owner: str = ""
    due_in_days: int | None = None  # relative to the day the demo is made: it never goes stale
    status: ActionStatus = ActionStatus.PLANNED


class DemoReaction(_Strict):
    team: str
    stance: Stance
    comment: str = Field(default="", max_length=REACTION_MAX)


class DemoTheme(_Strict):
    """A theme leadership made from the demo's answers, with its decision, actions and the teams' reactions."""

    title: str = Field(min_length=1, max_length=200)
    status: ThemeStatus = ThemeStatus.OPEN
    decision: str = ""
    reactions_open: bool = False
    answers: list[DemoAnswerRef] = Field(default_factory=list)
    actions: list[DemoAction] = Field(default_factory=list)
    reactions: list[DemoReaction] = Field(default_factory=list)


class DemoDots(_Strict):
    team: str
    theme: str  # a theme's title in `themes`
    dots: int = Field(ge=1)


class DemoVote(_Strict):
    """A finished dot vote on the demo's themes."""

    title: str = Field(min_length=1, max_length=200)
    dots: int = Field(ge=1)
    is_open: bool = False
    given: list[DemoDots] = Field(default_factory=list)


class DemoMapped(_Strict):
    """A team's mapping of an offer that differs from the register (or a proposal, when `proposed`)."""

    team: str
    offer: str
    spaces: dict[str, int]
    strength: int = Field(ge=1, le=5)
    note: str = ""
    proposed: bool = False
    description: str = ""


class DemoMapping(_Strict):
    """The teams' mapping in the demo: which teams mapped every offer (as the register has it, except
    where `differ` says otherwise), the phase's status and scope."""

    status: DayStatus = DayStatus.CLOSED
    scope: str = "all"
    teams: list[str] = Field(default_factory=list)
    differ: list[DemoMapped] = Field(default_factory=list)


class DemoPartner(Partner):
    """A demo partner with its moves in the network circle over the years (oldest first); its stage is
    its last move's."""

    history: list[StageChange] = Field(default_factory=list)

    @model_validator(mode="after")
    def _stage_is_the_last_move(self) -> DemoPartner:
        days = [c.changed_on for c in self.history]
        if days != sorted(days):
            raise ValueError(f"partner {self.name!r}: history is not oldest first")
        if self.history and self.history[-1].stage != self.stage:
            raise ValueError(f"partner {self.name!r}: stage {self.stage} is not its last move's")
        return self


class DemoScreening(_Strict):
    """One team's screening of a demo proposal: its 14 answers in order as letters (y yes, n no, u unsure,
    - not answered), notes by question number."""

    team: str
    answers: str = Field(pattern=f"^[ynu-]{{{QUESTION_COUNT}}}$")
    notes: dict[int, str] = Field(default_factory=dict)

    def answered(self) -> list[tuple[int, ScreeningAnswer]]:
        letters = {"y": ScreeningAnswer.YES, "n": ScreeningAnswer.NO, "u": ScreeningAnswer.UNSURE}
        return [(n, letters[c]) for n, c in enumerate(self.answers, start=1) if c in letters]


class DemoProposal(_Strict):
    """A screened proposal of the demo, with leadership's verdict; `partner` names a demo partner."""

    title: str
    proposer: str = ""
    description: str = ""
    spaces: list[str] = Field(default_factory=list)
    target_groups: list[str] = Field(default_factory=list)
    partner: str | None = None
    is_open: bool = False
    verdict: Verdict | None = None
    verdict_reason: str = ""
    screenings: list[DemoScreening] = Field(default_factory=list)


class DemoAssetProposal(Asset):
    """An asset a team proposed that the facilitator has not decided yet."""

    team: str


class DemoPartnerProposal(PartnerProposal):
    """A partner a team proposed ("who do we know?") that the facilitator has not decided yet."""

    team: str


class Demo(_Strict):
    """The fictional demo library: a template plus teams, partners, offers and answers."""

    name: str
    description: str
    template: str
    facilitator_code: str
    leadership_code: str
    day_status: list[DayStatus]
    teams: list[DemoTeam] = Field(min_length=1)
    partners: list[DemoPartner] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    answers: list[DemoAnswer] = Field(default_factory=list)
    published: bool = False  # leadership's decisions shown to the teams
    themes: list[DemoTheme] = Field(default_factory=list)
    votes: list[DemoVote] = Field(default_factory=list)
    mapping: DemoMapping | None = None
    proposals: list[DemoProposal] = Field(default_factory=list)
    assets: list[Asset] = Field(default_factory=list)  # the library's assets, in the leaflet's order
    asset_proposals: list[DemoAssetProposal] = Field(default_factory=list)
    partner_proposals: list[DemoPartnerProposal] = Field(default_factory=list)
