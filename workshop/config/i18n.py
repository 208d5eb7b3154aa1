"""Interface strings: every UI text comes from data/locales/<lang>.yaml through translate(); numbers,
shares and dates are written as each language writes them (number, percent, date_text), their marks and
month names from the same files (the `format.` keys)."""

from __future__ import annotations

import datetime as dt
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


def number(value: float, lang: str, digits: int = 1, *, sign: bool = False) -> str:
    """A number as the language writes it: 1,234.5 in English, 1.234,5 in Danish and Dutch, 1 234,5 in
    Norwegian; `sign` writes a + before a positive number (a gap, a difference)."""
    rounded = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0: no "-0,0"
    text = f"{rounded:{'+' if sign and rounded else ''},.{digits}f}"
    decimal, thousands = translate(lang, "format.decimal"), translate(lang, "format.thousands")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def percent(share: float, lang: str, digits: int = 0) -> str:
    """A share (0.25) as a percentage the language's way: 25% in English and Dutch, 25 % in Danish and Norwegian."""
    return translate(lang, "format.percent", n=number(100 * float(share), lang, digits))


def date_text(day: dt.date, lang: str) -> str:
    """A date as the language writes it in a sentence: 5 January 2026, 5. januar 2026, 5 januari 2026."""
    months = translate(lang, "format.months").split()
    return translate(lang, "format.date", day=day.day, month=months[day.month - 1], year=day.year)


def chart_separators(lang: str) -> str:
    """Plotly's `separators` layout value (decimal mark, then thousands mark) for a language."""
    return translate(lang, "format.decimal") + translate(lang, "format.thousands")


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
