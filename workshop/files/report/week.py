"""What the report shows of a workshop (Week, as the services read it), and the words and numbers it
writes: labels from the locale files (the `report.` keys, passed in as `t`), numbers the language's way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from workshop.config.i18n import FALLBACK, UI_LANGUAGES, number, percent, translate
from workshop.config.spaces import spaces
from workshop.domain.model import MainPoint, Theme
from workshop.domain.screening import Proposal, QuestionSpread
from workshop.domain.space_detail import verdict
from workshop.domain.voices import Voices

Words = Callable[..., str]  # t(key, **params): a `report.` text of the locale files, values filled in
TERMS = 5  # key terms named per main point in the summary


@dataclass(frozen=True)
class VoteResult:
    """One dot vote as the report shows it: what it was on and every item with its dots, most first."""

    title: str
    target: str  # "themes" or "actions"
    dots: int  # per team
    is_open: bool
    ranked: Sequence[tuple[int, str, int]]  # services.votes.vote_results
    each_person: bool = False  # each person spent their own dots (the ranking under the small-group rule)


@dataclass(frozen=True)
class Screened:
    """One proposal screened with the How to Say No questions: the spread per question and the verdict."""

    proposal: Proposal
    partner: str
    raters: int
    spread: Sequence[QuestionSpread]


@dataclass(frozen=True)
class Week:
    """What the report shows of a workshop, as the services read it."""

    name: str
    language: str
    answers: pd.DataFrame  # services.week_material.consolidation_answers
    points: Sequence[MainPoint]
    questions: pd.DataFrame  # services.week_material.questions_frame
    options: dict[int, list[str]]  # services.week_material.question_options
    drafts: pd.DataFrame  # services.week_material.drafts_frame
    teams: list[str]
    space_scores: pd.DataFrame  # services.priorities.workshop_scores(...).spaces
    themes: Sequence[Theme]
    actions: pd.DataFrame  # services.actions.with_overdue(actions_frame(...), today)
    aim_scores: pd.DataFrame = field(default_factory=pd.DataFrame)  # workshop_scores(...).aims
    staff: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.space_detail.staff_comparison
    reactions: pd.DataFrame = field(default_factory=pd.DataFrame)  # services.reactions.reactions_frame
    votes: Sequence[VoteResult] = ()
    screened: Sequence[Screened] = ()  # services.screening.screening_cards
    partners: pd.DataFrame = field(default_factory=pd.DataFrame)  # services.partners.partner_register
    assets: Sequence[tuple[str, str]] = ()  # services.assets.list_assets: title, description
    leave_out: Sequence[str] = ()  # the workshop's own words key terms leave out (services.leave_out)
    contacts: bool = False  # the partners' contact persons shown (the owner asked for contact details)
    voices: Sequence[tuple[str, Voices]] = ()  # each person's own answers: question text, distribution


class Numbers:
    """Shares, points and means written the way the report's language writes them (workshop.config.i18n)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def share(self, value: object) -> str:
        return percent(float(value), self.lang)  # type: ignore[arg-type]

    def points(self, value: object) -> str:
        return number(100 * float(value), self.lang, 0, sign=True)  # type: ignore[arg-type]

    def mean(self, value: object, *, sign: bool = False) -> str:
        if value is None or value != value:
            return ""
        return number(float(value), self.lang, 1, sign=sign)  # type: ignore[arg-type]


def name(key: str, lang: str) -> str:
    """A space's or aim's name in the language (the key itself for anything else)."""
    config = spaces()
    if key in config.spaces:
        return config.space_name(key, lang)
    return config.aim_name(key, lang) if key in config.aims else key


def verdict_text(weak: object, strong: object, t: Words) -> str:
    found = verdict(bool(weak), bool(strong))
    return t(f"report.verdict.{found}") if found else ""


def report_language(workshop_language: str, ui_lang: str | None) -> str:
    """The workshop's language when the report has words in it, else the reader's interface language."""
    for candidate in (workshop_language, ui_lang):
        if candidate in UI_LANGUAGES:
            return str(candidate)
    return FALLBACK


def report_words(lang: str) -> Words:
    """The report's labels in `lang`, from the locale files."""

    def t(key: str, **params: object) -> str:
        return translate(lang, key, **params)

    return t
