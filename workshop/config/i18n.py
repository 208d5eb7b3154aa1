"""Interface strings: every UI text comes from data/locales/<lang>.yaml through translate(); numbers,
shares, dates and plurals are written as each language writes them, from the Unicode CLDR through Babel
(number, whole, percent, date_text, date_time, time_text, chart_separators, plural_category) — the one
place the app formats a figure or a date for people.

A text that counts something has one key per CLDR plural category of its language (`key.one`,
`key.other`); translate(lang, "key", n=3) picks the form by Babel's plural rule and writes n with the
language's group mark."""

from __future__ import annotations

import copy
import datetime as dt
import numbers
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import NumberPattern
from pydantic import RootModel

from workshop.config.loading import DATA_DIR, load_model

LOCALES_DIR = DATA_DIR / "locales"
UI_LANGUAGES: dict[str, str] = {"en": "English", "da": "Dansk", "nb": "Norsk (bokmål)", "nl": "Nederlands"}
FALLBACK = "en"
# The CLDR locale behind each interface language. English is written the European way (5 January 2026,
# a 24-hour clock) for libraries in Europe; its numbers and plural rule are those of every English.
CLDR_LOCALES: dict[str, str] = {"en": "en_GB", "da": "da_DK", "nb": "nb_NO", "nl": "nl_NL"}


class Catalog(RootModel[dict[str, str]]):
    pass


def locale_file(lang: str) -> Path:
    return LOCALES_DIR / f"{lang}.yaml"


@cache
def catalog(lang: str) -> dict[str, str]:
    """The validated key -> text mapping of one locale."""
    return load_model(locale_file(lang), Catalog).root


@cache
def cldr(lang: str) -> Locale:
    """Babel's CLDR data for an interface language (English's for an unknown one)."""
    return Locale.parse(CLDR_LOCALES.get(lang, CLDR_LOCALES[FALLBACK]))


def plural_category(lang: str, count: float) -> str:
    """The CLDR plural category ('one', 'other', ...) of a count in a language."""
    return str(cldr(lang).plural_form(abs(count)))


def _text(lang: str, key: str, params: dict[str, object]) -> str | None:
    """The text of a key in one language: the key itself, else its plural form for params['n']."""
    texts = catalog(lang)
    if key in texts:
        return texts[key]
    count = params.get("n")
    if _is_count(count):
        return texts.get(f"{key}.{plural_category(lang, float(count))}") or texts.get(f"{key}.other")  # type: ignore[arg-type]
    return None


def _is_count(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def translate(lang: str, key: str, **params: object) -> str:
    """The text for a key in a language (English if the language lacks it), with {params} filled. A key
    with plural forms takes the form for n, and n is written as the language writes a whole number."""
    lang = lang if lang in UI_LANGUAGES else FALLBACK
    text = _text(lang, key, params)
    if text is None:
        lang = FALLBACK
        text = _text(lang, key, params) or key
    if key not in catalog(lang) and isinstance(params.get("n"), numbers.Integral) and _is_count(params["n"]):
        params = {**params, "n": whole(int(params["n"]), lang)}  # type: ignore[call-overload]
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text


def _pattern(base: NumberPattern, digits: int) -> NumberPattern:
    pattern = copy.copy(base)
    pattern.frac_prec = (digits, digits)
    return pattern


def _signed(text: str, rounded: Decimal, lang: str, sign: bool) -> str:
    if sign and rounded > 0:
        return cldr(lang).number_symbols["latn"]["plusSign"] + text
    return text


def _rounded(value: float, digits: int) -> Decimal:
    # + 0 turns -0.0 into 0: no "-0,0" for a value that rounds to nothing
    return round(Decimal(repr(float(value))), digits) + 0


def number(value: float, lang: str, digits: int = 1, *, sign: bool = False) -> str:
    """A number as the language writes it (CLDR): 1,234.5 in English, 1.234,5 in Danish and Dutch,
    1 234,5 in Norwegian (a no-break space); `sign` writes a plus before a positive number (a gap, a
    difference): +2,1."""
    locale = cldr(lang)
    rounded = _rounded(value, digits)
    text = _pattern(locale.decimal_formats[None], digits).apply(rounded, locale)
    return _signed(text, rounded, lang, sign)


def whole(value: int, lang: str) -> str:
    """A count as the language writes it: 1,234 in English, 1.234 in Danish, 1 234 in Norwegian."""
    return number(value, lang, 0)


def percent(share: float, lang: str, digits: int = 0, *, sign: bool = False) -> str:
    """A share (0.25) as a percentage the language's way (CLDR): 25% in English and Dutch, 25 % in Danish
    and Norwegian (a no-break space)."""
    locale = cldr(lang)
    rounded = _rounded(100 * float(share), digits)
    text = _pattern(locale.percent_formats[None], digits).apply(rounded / 100, locale)
    return _signed(text, rounded, lang, sign)


def date_text(day: dt.date, lang: str) -> str:
    """A date as the language writes it in a sentence: 5 January 2026, 5. januar 2026, 5 januari 2026."""
    return format_date(day, "long", locale=cldr(lang))


def time_text(stamp: dt.datetime | dt.time, lang: str, *, weekday: bool = False, seconds: bool = False) -> str:
    """A time of day the language's way (06:04, 06.04 in Danish), with the short weekday or the seconds
    when asked (søn. 06.04, 06.04.12)."""
    when = stamp if isinstance(stamp, dt.datetime) else dt.datetime.combine(dt.date(2000, 1, 1), stamp)
    skeleton = ("E" if weekday else "") + ("Hms" if seconds else "Hm")
    return format_skeleton(skeleton, when, locale=cldr(lang))


def date_time(stamp: dt.datetime, lang: str) -> str:
    """A day and a time the language's way: 6 Dec 06:04, 6. dec. 06.04, 6. des. 06:04, 6 dec 06:04."""
    locale = cldr(lang)
    day = format_skeleton("MMMd", stamp, locale=locale)
    return str(locale.datetime_formats["medium"]).format(time_text(stamp, lang), day)


def percent_suffix(lang: str) -> str:
    """What follows the number in a percentage (CLDR): '%' in English and Dutch, a no-break space and '%'
    in Danish and Norwegian — for chart axes, which write the number themselves."""
    return str(cldr(lang).percent_formats[None].suffix[0])


def chart_separators(lang: str) -> str:
    """Plotly's `separators` layout value (decimal mark, then group mark) for a language, from the CLDR."""
    symbols = cldr(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


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
