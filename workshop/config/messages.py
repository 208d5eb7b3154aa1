"""Messages in a language: a domain error's key and values (workshop.domain.messages) made into the text a
person reads, on a page (values escaped for markdown) or on the command line (English)."""

from __future__ import annotations

from collections.abc import Callable

from workshop.config.i18n import FALLBACK, catalog, number, translate
from workshop.config.spaces import spaces
from workshop.domain.errors import AccessDenied, ConfigError, TooManyAttempts, WorkshopError
from workshop.domain.messages import Message
from workshop.domain.model import DEFAULT_TARGET_GROUPS, SPACE_KEYS

Escape = Callable[[str], str]
PLAIN_NUMBERS = frozenset({"id", "row", "byte", "day", "year"})  # numbers that name a thing, not count one


def _same(text: str) -> str:
    return text


def field_name(name: str, lang: str) -> str:
    """A field as the language names it in a sentence (the `field.` keys; a space by its name), else its own
    name in words."""
    if name in SPACE_KEYS:
        return spaces().space_name(name, lang)
    key = f"field.{name}"
    return translate(lang, key) if key in catalog(FALLBACK) else name.replace("_", " ")


def group_name(name: str, lang: str) -> str:
    """A target group as the language says it: the default groups (kept by their English names, like the
    spaces' keys) in words of the language; a workshop's own groups as written."""
    return translate(lang, f"target_group.{name.replace(' ', '_')}") if name in DEFAULT_TARGET_GROUPS else name


def render(text: Message, lang: str, escape: Escape = _same) -> str:
    """The message in `lang`: nested messages rendered first; a `field` named by its `field.` key; other
    text values (names, what the user typed) passed through `escape`; lists joined with commas."""
    values: dict[str, object] = {}
    for name, value in text.params.items():
        if isinstance(value, Message):
            values[name] = render(value, lang, escape)
        elif name in ("field", "space") and isinstance(value, str):
            values[name] = field_name(value, lang)
        elif isinstance(value, str):
            values[name] = escape(value)
        elif (
            name == "n" and isinstance(value, int) and not isinstance(value, bool) and text.key not in catalog(FALLBACK)
        ):
            values[name] = value  # the count that picks a plural form: translate picks it, then writes the number
        elif isinstance(value, int) and not isinstance(value, bool) and name not in PLAIN_NUMBERS:
            values[name] = number(value, lang, 0)
        elif name == "spaces" and isinstance(value, list | tuple):  # space keys, by their names
            values[name] = ", ".join(field_name(str(v), lang) for v in value)
        elif name == "groups" and isinstance(value, list | tuple):  # target groups: the default ones in words
            values[name] = ", ".join(escape(group_name(str(v), lang)) for v in value)
        elif isinstance(value, list | tuple):
            values[name] = ", ".join(
                render(v, lang, escape) if isinstance(v, Message) else escape(str(v)) for v in value
            )
        else:
            values[name] = value
    return translate(lang, text.key, **values)


def known(key: str) -> bool:
    """Whether a key is in the locale files (every key is in English), as itself or by its plural forms."""
    return key in catalog(FALLBACK) or f"{key}.other" in catalog(FALLBACK)


def error_message(exc: WorkshopError, lang: str, escape: Escape = _same) -> str:
    """What went wrong, in `lang`. Access errors say only that the code did not work (never why); an error
    raised with an English sentence instead of a key says its class's general message."""
    if isinstance(exc, ConfigError):
        return exc.detail
    if isinstance(exc, AccessDenied | TooManyAttempts) or not known(exc.message):
        return render(Message(exc.key, exc.params), lang, escape)
    return render(exc.text, lang, escape)


def english(exc: WorkshopError) -> str:
    """The error in English, for the command line, logs and tests; an English sentence given in place of a
    key is kept as it is."""
    if isinstance(exc, ConfigError):
        return exc.detail
    return render(exc.text, FALLBACK) if known(exc.message) else exc.message


def lines(texts: list[Message], lang: str, escape: Escape = _same) -> list[str]:
    return [render(t, lang, escape) for t in texts]


def problem_rows(problems: list[tuple[int, str, Message]], lang: str = FALLBACK) -> list[tuple[int, str, str]]:
    """An import report's (row, column, problem) rows with each problem in `lang` (English by default)."""
    return [(row, column, render(problem, lang)) for row, column, problem in problems]
