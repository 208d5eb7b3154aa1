"""The four spaces and the four aims, loaded once from data/spaces.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workshop.config.i18n import translate
from workshop.config.loading import DATA_DIR, load_model
from workshop.domain.model import AIM_KEYS, LANGUAGES, SPACE_KEYS

SPACES_FILE = DATA_DIR / "spaces.yaml"


class Names(BaseModel):
    model_config = ConfigDict(extra="forbid")
    en: str = Field(min_length=1)
    da: str = Field(min_length=1)
    nb: str = Field(min_length=1)
    nl: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return str(getattr(self, lang if lang in LANGUAGES else "en"))


class Aim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Names
    side: str = Field(pattern="^(top|right|bottom|left)$")


class Space(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Names
    verb: Names
    aims: tuple[str, str]
    colour: str = Field(pattern="^#[0-9a-fA-F]{6}$")
    question: Names | None = None  # asked when a team maps an offer onto this space
    example: Names | None = None  # an example from the model (Roskilde's focus area)


class SpacesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    aims: dict[str, Aim]
    spaces: dict[str, Space]
    mapping_scale: list[Names] = Field(default_factory=list)  # what 0, 1, 2, 3 mean, in that order

    @model_validator(mode="after")
    def _exactly_the_model(self) -> SpacesConfig:
        if tuple(self.aims) != AIM_KEYS:
            raise ValueError(f"aims must be {', '.join(AIM_KEYS)} in this order")
        if tuple(self.spaces) != SPACE_KEYS:
            raise ValueError(f"spaces must be {', '.join(SPACE_KEYS)} in this order")
        for key, space in self.spaces.items():
            bad = [a for a in space.aims if a not in self.aims]
            if bad:
                raise ValueError(f"space {key} sits between unknown aim {bad[0]}")
        if self.mapping_scale and len(self.mapping_scale) != 4:
            raise ValueError("mapping_scale must say what 0, 1, 2 and 3 mean (four entries)")
        return self

    def space_name(self, key: str, lang: str) -> str:
        return self.spaces[key].name.get(lang)

    def aim_name(self, key: str, lang: str) -> str:
        return self.aims[key].name.get(lang)

    def between_aims(self, key: str, lang: str) -> str:
        """Where a space sits, as prose: "between experience and innovation", "mellem erkendelse og innovation"
        (the aims' names inside a sentence, in lower case)."""
        first, second = (self.aim_name(a, lang).lower() for a in self.spaces[key].aims)
        return translate(lang, "space.between_aims", first=first, second=second)

    def spaces_of_aim(self, aim: str) -> tuple[str, str]:
        """The two spaces that sit next to an aim."""
        found = tuple(k for k, s in self.spaces.items() if aim in s.aims)
        return (found[0], found[1])

    def aim_spaces(self) -> dict[str, tuple[str, str]]:
        """Every aim with the two spaces that sit next to it, in AIM_KEYS order."""
        return {aim: self.spaces_of_aim(aim) for aim in AIM_KEYS}

    def key_for_name(self, text: str) -> str | None:
        """The space key a name means, in any of the four languages (for import headers)."""
        wanted = text.strip().casefold()
        for key, space in self.spaces.items():
            names = {key, *(space.name.get(lang).casefold() for lang in LANGUAGES)}
            if wanted in names:
                return key
        return None


def load_spaces(path: Path | None = None) -> SpacesConfig:
    """Read and validate spaces.yaml (raises ConfigError naming file, key and line)."""
    return load_model(path or SPACES_FILE, SpacesConfig)


@cache
def spaces() -> SpacesConfig:
    """The validated spaces and aims, read once per process."""
    return load_spaces()
