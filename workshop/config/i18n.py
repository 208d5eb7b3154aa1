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


# Norwegian: "no" is the macro language, "nn" nynorsk; bokmål is what we have and what nynorsk readers read.
LANGUAGE_ALIASES: dict[str, str] = {"no": "nb", "nn": "nb"}


def supported_language(tag: str | None) -> str | None:
    """The interface language for a language tag ('da-DK', 'nn', 'NL', 'nb_NO'), or None when we have none."""
    primary = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    primary = LANGUAGE_ALIASES.get(primary, primary)
    return primary if primary in UI_LANGUAGES else None


def parse_accept_language(header: str | None) -> list[str]:
    """The language tags of an Accept-Language header, most wanted first (equal weights keep their order;
    q=0, '*' and malformed weights are left out)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, *params = (p.strip() for p in part.split(";"))
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and tag != "*" and 0 < weight <= 1:
            weighted.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def first_visit_language(link: str | None, locale: str | None, accept_language: str | None) -> str:
    """A session's first language: the link's lang=, else the browser's locale, else the first supported
    language of its Accept-Language header, else English."""
    for candidate in (link, locale, *parse_accept_language(accept_language)):
        found = supported_language(candidate)
        if found is not None:
            return found
    return FALLBACK
