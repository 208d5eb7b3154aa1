"""Workshop templates and the demo library, one file per content language: data/templates/<lang>/<key>.yaml
and data/demo/<lang>.yaml. Every language has the same templates with the same structure (a test
compares them), so a workshop's main points, questions and options come in its own language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workshop.config.demo_library import Demo
from workshop.config.loading import DATA_DIR, line_of, load_model, read_yaml, validate
from workshop.domain.errors import ConfigError, NotFound
from workshop.domain.model import (
    LANGUAGES,
    SPACE_KEYS,
    QuestionKind,
)
from workshop.domain.screening import questions_from

TEMPLATES_DIR = DATA_DIR / "templates"
DEMO_DIR = DATA_DIR / "demo"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TemplateMainPoint(_Strict):
    key: str = Field(pattern="^[a-z0-9_]+$")
    title: str = Field(min_length=1)
    description: str = ""
    spaces: list[str] = Field(default_factory=list)


class TemplateQuestion(_Strict):
    kind: QuestionKind = QuestionKind.TEXT
    text: str = Field(min_length=1)
    main_point: str | None = None
    options: list[str] = Field(default_factory=list)
    space: str | None = None

    @model_validator(mode="after")
    def _options_fit_kind(self) -> TemplateQuestion:
        choice = self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        if choice and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if not choice and self.options:
            raise ValueError(f"a {self.kind.value} question takes no options")
        if (self.kind == QuestionKind.SPACE_STRENGTH) != (self.space is not None):
            raise ValueError("a space_strength question names exactly one space, other kinds none")
        if self.space is not None and self.space not in SPACE_KEYS:
            raise ValueError(f"unknown space {self.space}")
        return self


class TemplateDay(_Strict):
    title: str = Field(min_length=1)
    questions: list[TemplateQuestion] = Field(min_length=1)


class Template(_Strict):
    key: str = Field(pattern="^[a-z0-9_]+$")
    name: str = Field(min_length=1)
    description: str = ""
    language: str = "en"  # the folder the file is in (data/templates/<lang>/), set by the loader
    main_points: list[TemplateMainPoint] = Field(default_factory=list)
    days: list[TemplateDay] = Field(min_length=1)
    # The 14 "How to Say No" questions ("Screening n of 14: ..."), screened per proposal on the screening pages;
    # not questions of the week's days, whose answers could not say which proposal they were about.
    screening: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _main_points_exist(self) -> Template:
        keys = [mp.key for mp in self.main_points]
        if len(set(keys)) != len(keys):
            raise ValueError("main point keys must be unique")
        for mp in self.main_points:
            bad = [s for s in mp.spaces if s not in SPACE_KEYS]
            if bad:
                raise ValueError(f"main point {mp.key}: unknown space {bad[0]}")
        for d, day in enumerate(self.days, start=1):
            for q, question in enumerate(day.questions, start=1):
                if question.main_point is not None and question.main_point not in keys:
                    raise ValueError(f"day {d} question {q}: unknown main point {question.main_point}")
        return self


def _checked_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise NotFound("error.unknown_language", language=lang, known=list(LANGUAGES))
    return lang


def load_template(path: Path) -> Template:
    """One template file; its language is the folder it is in (a `language:` key in the file is refused)."""
    data, node = read_yaml(path)
    if isinstance(data, dict):
        if "language" in data:
            raise ConfigError(str(path), "language", line_of(node, ("language",)), "the folder names the language")
        data = {**data, "language": path.parent.name}
    return validate(Template, data, node, str(path))


@cache
def templates(lang: str = "en") -> dict[str, Template]:
    """Every template in one content language (data/templates/<lang>), by key, validated."""
    found = [load_template(p) for p in sorted((TEMPLATES_DIR / _checked_language(lang)).glob("*.yaml"))]
    return {t.key: t for t in found}


def template(key: str, lang: str = "en") -> Template:
    """A template in a content language; NotFound names the known ones."""
    try:
        return templates(lang)[key]
    except KeyError:
        raise NotFound("error.unknown_template", template=key, language=lang, known=list(templates(lang))) from None


def demo_file(lang: str) -> Path:
    return DEMO_DIR / f"{_checked_language(lang)}.yaml"


@cache
def demo(lang: str = "en") -> Demo:
    """The demo library in one content language (data/demo/<lang>.yaml)."""
    return load_model(demo_file(lang), Demo)


SCREENING_TEMPLATE, SCREENING_LIST = "partnership_week", "screening"


@cache
def screening_questions(lang: str = "en") -> tuple[str, ...]:
    """The 14 "How to Say No" questions in a content language, read from the partnership template's
    `screening` list (their one source)."""
    source = template(SCREENING_TEMPLATE, lang)
    try:
        return questions_from(source.screening)
    except ValueError as exc:
        raise ConfigError(f"templates/{lang}/{SCREENING_TEMPLATE}.yaml", SCREENING_LIST, None, str(exc)) from None
