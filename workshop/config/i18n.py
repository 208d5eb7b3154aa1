"""Interface strings: every UI text comes from data/locales/<lang>.yaml through translate()."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import RootModel

from workshop.config.loading import DATA_DIR, load_model

LOCALES_DIR = DATA_DIR / "locales"
UI_LANGUAGES: dict[str, str] = {"en": "English", "da": "Dansk", "nb": "Norsk (bokmål)", "nl": "Nederlands"}
FALLBACK = "en"


class Catalog(RootModel[dict[str, str]]):
    pass


def locale_file(lang: str) -> Path:
    return LOCALES_DIR / f"{lang}.yaml"


@cache
def catalog(lang: str) -> dict[str, str]:
    """The validated key -> text mapping of one locale."""
    return load_model(locale_file(lang), Catalog).root


def translate(lang: str, key: str, **params: object) -> str:
    """The text for a key in a language (English if the language lacks it), with {params} filled."""
    lang = lang if lang in UI_LANGUAGES else FALLBACK
    text = catalog(lang).get(key) or catalog(FALLBACK).get(key) or key
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text
