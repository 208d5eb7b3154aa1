"""Issue 27.1: every message the domain, the services and the files can raise is a locale key present in all
four languages (with the same values to fill), never an English sentence; the pages and the command line say
it from that key, each in its reader's language."""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from workshop.config.i18n import UI_LANGUAGES, catalog
from workshop.config.messages import english, error_message, render
from workshop.domain.errors import ConfigError, ImportRejected, InvalidInput, WorkshopError
from workshop.domain.messages import Message, message
from workshop.domain.model import Offer, Team
from workshop.domain.validation import BUILT_IN, validated

ROOT = Path(__file__).resolve().parents[2]
# The store speaks to the database, not to people; its RuntimeErrors are for whoever runs the server.
SOURCES = sorted(p for p in (ROOT / "workshop").rglob("*.py") if "store" not in p.relative_to(ROOT).parts)
# ConfigError names a broken data file, which may be a locale file itself: it is never translated.
UNTRANSLATED = {ConfigError.__name__}
# Calls whose first argument is a message key: the errors, a cell's error, a model validator's error, a
# message made to go inside another, and a table's rows (workshop.services.rows) with the key of a missing one.
KEYED_CALLS = {"CellError", "invalid", "message", "Message", "Rows"}  # Rows: a table's "not found" key
# Errors whose key is their class's, whatever their arguments (a report's rows, seconds to wait).
CLASS_KEYED = {"ImportRejected", "TooManyAttempts"}
# Functions that hand on a key made elsewhere (and checked there): a variable key is fine inside them.
PASS_THROUGH = {"text", "message", "error_message", "problem_of", "__init__"}


def _subclasses(cls: type) -> list[type]:
    return [cls, *(s for sub in cls.__subclasses__() for s in _subclasses(sub))]


ERRORS = {cls.__name__: cls for cls in _subclasses(WorkshopError)}


@dataclass
class Found:
    where: str
    key: str | None  # None: not a literal key (an f-string, a variable, an English sentence)


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _literal_keys(node: ast.expr) -> list[str] | None:
    """The key a first argument names: a string, or either string of `a if c else b`; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_keys(node.body), _literal_keys(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _calls(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    """Every node with the name of the function it is in."""
    found: list[tuple[ast.AST, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            found.append((child, inner))
            visit(child, inner)

    visit(tree, "")
    return found


def keyed_messages(paths: list[Path]) -> list[Found]:
    """Every error raised (by name) and every message made in the source, with the key it names."""
    found: list[Found] = []
    for path in paths:
        for node, function in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else node
            if not isinstance(call, ast.Call):
                continue
            name = _name(call.func)
            raised = isinstance(node, ast.Raise) and name in ERRORS and name not in UNTRANSLATED
            if not (raised or name in KEYED_CALLS):
                continue
            where = f"{_shown(path)}:{call.lineno} {name}"
            if not call.args or name in CLASS_KEYED:  # the class's own key
                found.append(Found(where, ERRORS[name].key if name in ERRORS else None))
                continue
            keys = _literal_keys(call.args[0])
            if keys is None and function in PASS_THROUGH:
                continue
            found += [Found(where, k) for k in keys] if keys is not None else [Found(where, None)]
    return found


def _validators(tree: ast.Module) -> set[str]:
    """The functions pydantic calls: decorated as validators, or given to an After/Before/WrapValidator."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            "validator" in _name(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list
        ):
            names.add(node.name)
        if isinstance(node, ast.Call) and _name(node.func).endswith("Validator"):
            names |= {a.id for a in node.args if isinstance(a, ast.Name)}
    return names


PLAIN_ERRORS = ("ValueError", "AssertionError", "TypeError")


def english_in_validators(paths: list[Path]) -> list[str]:
    """A `raise ValueError("...")` in a validator of a domain model: pydantic shows its English to the user."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        validators = _validators(tree)
        for node, function in _calls(tree):
            raised = node.exc if isinstance(node, ast.Raise) else None
            if function in validators and isinstance(raised, ast.Call) and _name(raised.func) in PLAIN_ERRORS:
                found.append(f"{_shown(path)}:{node.lineno}")
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(lang: str, key: str) -> list[str]:
    """The texts of a key in a language: its own, or each of its plural forms (`key.one`, `key.other`, ...)."""
    texts = catalog(lang)
    if key in texts:
        return [texts[key]]
    return [text for name, text in texts.items() if name.rsplit(".", 1)[0] == key and name.rsplit(".", 1)[-1] in PLURAL]


PLURAL = {"zero", "one", "two", "few", "many", "other"}


def _keys(lang: str) -> set[str]:
    """The keys of a language as the code names them: a key with plural forms by its base."""
    return {key for key in catalog(lang)} | {
        k.rsplit(".", 1)[0] for k in catalog(lang) if k.rsplit(".", 1)[-1] in PLURAL
    }


def test_every_message_the_domain_services_and_files_raise_has_a_key_in_all_four_languages() -> None:
    found = keyed_messages(SOURCES)
    assert len(found) > 150  # the scan sees today's raises: it would pass on nothing otherwise
    not_keys = [f.where for f in found if f.key is None]
    assert not_keys == [], "raise errors by a literal locale key, not a sentence"
    for lang in UI_LANGUAGES:
        missing = sorted({f"{f.where}: {f.key}" for f in found if f.key not in _keys(lang)})
        assert missing == [], f"missing in {lang}.yaml"


def test_every_error_class_and_every_pydantic_type_has_its_key_in_all_four_languages() -> None:
    keys = {cls.key for cls in ERRORS.values()} | set(BUILT_IN.values()) | {"problem.field_invalid"}
    for lang in UI_LANGUAGES:
        assert sorted(keys - _keys(lang)) == [], lang


def test_no_domain_model_validator_raises_an_english_sentence() -> None:
    assert english_in_validators(sorted((ROOT / "workshop" / "domain").glob("*.py"))) == []


def test_a_translation_fills_the_same_values_as_the_english() -> None:
    keys = {f.key for f in keyed_messages(SOURCES) if f.key}
    uneven = [
        f"{lang}: {key}"
        for key in sorted(keys)
        for lang in UI_LANGUAGES
        for form in _forms(lang, key) or [""]
        if _placeholders(form) != set().union(*map(_placeholders, _forms("en", key)))
    ]
    assert uneven == []


def test_the_scan_finds_an_english_sentence_and_an_unknown_key(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text(
        "def f(n):\n"
        "    raise InvalidInput(f'no workshop {n}', field='id')\n"
        "def g():\n"
        "    raise NotFound('error.no.such.key')\n"
        "def h():\n"
        "    raise DayClosed()\n"
    )
    found = keyed_messages([source])
    assert [f.key for f in found] == [None, "error.no.such.key", "error.day_closed"]
    source.write_text(
        "class M(BaseModel):\n    @field_validator('x')\n    def v(cls, x):\n"
        "        raise ValueError('choose at least one option')\n"
    )
    assert len(english_in_validators([source])) == 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("da", "Vælg mindst én svarmulighed."),
        ("nb", "Velg minst ett svaralternativ."),
        ("nl", "Kies minstens één optie."),
        ("en", "Choose at least one option."),
    ],
)
def test_a_refused_choice_is_said_in_the_readers_language(lang: str, said: str) -> None:
    error = InvalidInput("error.choose_an_option", field="choices")
    assert error_message(error, lang) == said
    assert english(error) == str(error) == "Choose at least one option."


def test_an_import_report_is_said_in_danish_with_the_workshops_values() -> None:
    rejected = ImportRejected(
        [
            (2, "Styrke", message("problem.not_whole", value="2,5")),
            (3, "Målgrupper", message("problem.not_a_target_group", value="Alle", groups=["Voksne", "Seniorer"])),
        ]
    )
    said = "Filen blev ikke importeret: 2 problemer. Ret rækkerne nedenfor og prøv igen; intet er ændret."
    assert error_message(rejected, "da") == said
    assert [render(line, "da") for line in rejected.lines()] == [
        "række 2, Styrke: 2,5 er ikke et helt tal",
        "række 3, Målgrupper: 'Alle' er ikke en målgruppe i denne workshop (Voksne, Seniorer)",
    ]


PLURAL_KEYS = sorted({key.rsplit(".", 1)[0] for key in catalog("en") if key.endswith(".other")})


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_every_message_with_plural_forms_is_said_not_shown_as_its_key(lang: str) -> None:
    """A count is the value that picks a plural form: rendered as a number first, it picked none, and every
    page showed "error.import_rejected" in place of the import's refusal."""
    for key in PLURAL_KEYS:
        for n in (1, 2, 1200):
            said = render(Message(key, {"n": n}), lang)
            assert key not in said, f"{key} with n={n} is shown as its key in {lang}"
    assert error_message(ImportRejected([], total=1200), lang) == render(
        Message("error.import_rejected", {"n": 1200}), lang
    )
    assert "1200" not in error_message(ImportRejected([], total=1200), lang)  # written as the language groups it


def test_a_pydantic_error_names_the_field_in_the_readers_language() -> None:
    error = InvalidInput(
        "error.problems", field="name", problems=[message("problem.field_too_long", field="name", limit=200)]
    )
    assert error_message(error, "da") == "navn: højst 200 tegn."
    assert error_message(error, "nl") == "naam: hoogstens 200 tekens."


def test_an_error_raised_with_an_english_sentence_shows_its_general_message_not_the_english() -> None:
    """An error still raised the old way (a sentence for a key) says its class's message in the reader's
    language; the command line keeps the sentence."""
    from workshop.domain.errors import NotFound

    error = NotFound("no workshop 12")
    assert error_message(error, "da") == catalog("da")["error.not_found"]
    assert english(error) == "no workshop 12"


def _refused(data: dict[str, object]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        validated(Offer, data, message("subject.offer", name=str(data.get("name", ""))))
    return caught.value


def test_pydantics_own_errors_and_the_models_rules_are_said_in_danish_naming_the_field() -> None:
    too_long = _refused({"name": "x" * 201, "spaces": {"meeting": 1}})
    assert error_message(too_long, "da") == "Tilbuddet '" + "x" * 201 + "': navn: højst 200 tegn."
    no_space = _refused({"name": "Læsekreds", "spaces": {}})
    assert (
        error_message(no_space, "da") == "Tilbuddet 'Læsekreds': rum: et tilbud skal bidrage til mindst ét rum (0-3)."
    )
    not_a_number = _refused({"name": "Læsekreds", "spaces": {"meeting": 1}, "reach": "mange"})
    assert error_message(not_a_number, "da") == "Tilbuddet 'Læsekreds': rækkevidde: skriv et tal."
    missing = validated_error(Team, {"id": 1, "workshop_id": 1})  # a stored team without its name
    assert error_message(missing, "nb") == "navn: må fylles ut."
    other = _refused({"name": "Læsekreds", "spaces": {"meeting": 1}, "tags": "not a list"})
    assert error_message(other, "nl") == "Activiteit 'Læsekreds': trefwoorden: deze waarde wordt niet geaccepteerd."


def validated_error(model: type[BaseModel], data: dict[str, object]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        validated(model, data)
    return caught.value
