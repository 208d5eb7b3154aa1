"""Every UI string has a key in every locale, and every locale key is used by the code."""

import datetime as dt
import re
from pathlib import Path

import pytest

from workshop.config.i18n import UI_LANGUAGES, catalog, date_text, number, percent, translate
from workshop.domain.errors import FileNotRead, WorkshopError
from workshop.domain.history import ByRole, Change, Kind
from workshop.domain.model import DayStatus, QuestionKind, Role
from workshop.files.history_export import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
# The HTML report (the `report.` keys), the code sheet, the leaflet (issue 16: its `leaflet.` keys) and the
# number and date formats (the `format.` keys) take their words from the locale files too.
PRINTED = [
    *sorted((ROOT / "workshop" / "files" / "report").glob("*.py")),
    ROOT / "workshop" / "files" / "leaflet.py",
    ROOT / "workshop" / "services" / "week" / "teams.py",
    ROOT / "workshop" / "config" / "i18n.py",
]
# The domain, the services and the files name their messages by key (workshop/domain/messages.py).
MESSAGES = sorted(p for p in (ROOT / "workshop").rglob("*.py") if p not in PRINTED and "store" not in p.parts)
CODE = [
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "ui").glob("*.py")),
    *PRINTED,
    *MESSAGES,
]
LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
DYNAMIC = re.compile(r"""\btr?\(\s*f["']([a-z_.]+)\{""")


def _all_subclasses(cls: type) -> list[type]:
    return [cls, *(s for sub in cls.__subclasses__() for s in _all_subclasses(sub))]


def _keys_in_code() -> tuple[set[str], set[str]]:
    sections = {key.split(".")[0] for key in catalog("en")}
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in CODE:
        source = path.read_text(encoding="utf-8")
        literals |= {k for k in LITERAL.findall(source) if k.split(".")[0] in sections and not k.endswith(".py")}
        prefixes |= set(DYNAMIC.findall(source))
    # A field's name in a message and a default target group's words (workshop.config.messages).
    # The record's field names are looked up by the field a change names (history_export.field_name).
    return literals, prefixes | {"field.", "target_group.", "history.field."}


def _dynamic_keys() -> set[str]:
    keys = {f"role.{r.value}" for r in Role} | {f"day.{s.value}" for s in DayStatus}
    keys |= {f"kind.{k.value}" for k in QuestionKind}
    keys |= {f"error.not_read.{reason}" for reason in FileNotRead.REASONS}  # one class, a key per reason
    # The record of who changed what (workshop.files.history_export): a key per kind, change, role and column.
    keys |= {f"history.kind.{k.value}" for k in Kind} | {f"history.by.{r.value}" for r in ByRole}
    keys |= {f"history.{word}.{c.value}" for c in Change for word in ("change", "change_word")}
    keys |= {f"history.column.{c}" for c in CSV_COLUMNS} | {"history.by.team_named"}
    keys |= {"history.value.true", "history.value.false"}  # a theme open for reactions, or not
    return keys | {cls.key for cls in _all_subclasses(WorkshopError)}


PLURAL_FORM = re.compile(r"\.(zero|one|two|few|many|other)$")


def _base_keys(lang: str) -> set[str]:
    """The keys of a locale as the code names them: `x.one` and `x.other` are the plural forms of `x`."""
    texts = catalog(lang)
    return {PLURAL_FORM.sub("", key) if f"{PLURAL_FORM.sub('', key)}.one" in texts else key for key in texts}


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_no_key_the_code_uses_is_missing(lang: str) -> None:
    literals, _ = _keys_in_code()
    missing = sorted((literals | _dynamic_keys()) - _base_keys(lang))
    assert missing == [], f"missing in {lang}.yaml: {missing}"


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_no_locale_key_is_unused(lang: str) -> None:
    literals, prefixes = _keys_in_code()
    used = literals | _dynamic_keys()
    unused = sorted(k for k in _base_keys(lang) if k not in used and not any(k.startswith(p) for p in prefixes))
    assert unused == [], f"unused in {lang}.yaml: {unused}"


def test_translate_fills_values_and_falls_back_to_english() -> None:
    assert translate("da", "setup.day_n", n=2) == "Dag 2"
    assert translate("xx", "setup.day_n", n=2) == "Day 2"
    assert translate("da", "no.such.key") == "no.such.key"


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "mean", "big", "gap", "share", "day"),
    [
        ("en", "1.5", "12,345.7", "+2.3", "25%", "5 January 2026"),
        ("da", "1,5", "12.345,7", "+2,3", f"25{NBSP}%", "5. januar 2026"),
        ("nb", "1,5", f"12{NBSP}345,7", "+2,3", f"25{NBSP}%", "5. januar 2026"),
        ("nl", "1,5", "12.345,7", "+2,3", "25%", "5 januari 2026"),
    ],
)
def test_numbers_shares_and_dates_are_written_as_each_language_writes_them(
    lang: str, mean: str, big: str, gap: str, share: str, day: str
) -> None:
    assert number(1.5, lang) == mean and number(12345.67, lang) == big
    assert number(2.26, lang, sign=True) == gap and number(-0.04, lang, sign=True) == number(0, lang)
    assert percent(0.25, lang) == share and date_text(dt.date(2026, 1, 5), lang) == day


PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.mark.parametrize("lang", [lang for lang in UI_LANGUAGES if lang != "en"])
def test_every_translation_fills_the_same_values_as_the_english(lang: str) -> None:
    english = catalog("en")
    differ = {
        key: (sorted(set(PLACEHOLDER.findall(text))), sorted(set(PLACEHOLDER.findall(english[key]))))
        for key, text in catalog(lang).items()
        if key in english and set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(english[key]))
    }
    assert differ == {}, f"{lang}.yaml: placeholders differ from en.yaml (theirs, english): {differ}"


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_no_locale_file_gives_a_key_twice(lang: str) -> None:
    """YAML keeps the last of two equal keys without a word: a later line silently overrode the pager's
    `{first}–{last}` caption with one whose placeholders the code never fills."""
    lines = (ROOT / "data" / "locales" / f"{lang}.yaml").read_text(encoding="utf-8").splitlines()
    keys = [line.split(":", 1)[0] for line in lines if re.match(r"^[a-z_][a-z0-9_.]*:", line)]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
