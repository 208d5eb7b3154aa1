"""Every page of every role, in Danish, Norwegian and Dutch on the demo in that language, shows no English
text of a locale key whose translation differs: no English left on screen where a translation exists
(issue 13). One AppTest per page and language; one demo database per language for the whole module."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of
from tests.app.english_words import english_words
from tests.app.test_danish_tables import chart_texts, headers
from ui.navigation import BY_ROLE, PRIVACY, PUBLIC
from ui.overview_tabs import SHOW
from ui.score_sections import STRENGTH_TABS
from workshop.config.i18n import catalog, translate
from workshop.domain.model import Role
from workshop.services.whole.demo import create_demo, demo_codes_hint
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE

LANGUAGES = ["da", "nb", "nl"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MARKS = re.compile(r"[*_`\\]")  # markdown emphasis and escapes: "**Workshop**" is the text "Workshop"


def _normal(text: str) -> str:
    return " ".join(MARKS.sub("", text).split())


@cache
def english_only(lang: str) -> dict[str, re.Pattern[str]]:
    """Each locale key whose English differs from its translation (and is no text of this language at
    all), as a pattern matching the English with any value in its placeholders (compiled once per language:
    hundreds of patterns overflow re's own cache, and compiling them was a sixth of this module's time)."""
    theirs = {_normal(v) for v in catalog(lang).values()}
    found = {}
    for key, english in catalog("en").items():
        if key.startswith("format.") or _normal(catalog(lang).get(key, "")) == _normal(english):
            continue
        fixed = [_normal(part) for part in PLACEHOLDER.split(english)]
        if _normal(english) in theirs or not any(len(part) >= 4 for part in fixed):
            continue  # the same word in this language (another key's translation), or nothing fixed to see
        found[key] = re.compile(".+?".join(re.escape(part) for part in fixed))
    return found


def english_on_screen(texts: list[str], lang: str) -> list[str]:
    """The texts that are a key's English (the whole text, or a line of it), with the key."""
    patterns = english_only(lang)
    leaks = []
    for text in texts:
        for line in {_normal(text), *(_normal(line) for line in text.splitlines())} - {""}:
            leaks += [f"{key}: {line!r}" for key, pattern in patterns.items() if pattern.fullmatch(line)]
    return sorted(set(leaks))


TEXT_FIELDS = ("body", "label", "placeholder", "help")
# An st.html element that is only a <style> block draws nothing: its CSS (":has(", "gap") is no visible text.
STYLE_ONLY = re.compile(r"(?:\s*<style>[^<]*</style>)+\s*")


class _VisibleText(HTMLParser):
    """The text of an st.html element, as a reader or a screen reader gets it: the text between the tags,
    without the style sheets and scripts (their CSS and code are no text on screen), one piece per line."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skipping += tag in {"style", "script"}

    def handle_endtag(self, tag: str) -> None:
        self._skipping -= tag in {"style", "script"} and self._skipping > 0

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.pieces.append(data.strip())


def visible_text(markup: str) -> str:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return "\n".join(parser.pieces)


def _proto_texts(proto: Any) -> list[str]:
    found = []
    for name in TEXT_FIELDS:
        try:
            value = getattr(proto, name)
        except AttributeError:
            continue
        if isinstance(value, str) and type(proto).__name__ == "Html":  # markup: only its text is on screen
            value = visible_text(value)
        if isinstance(value, str) and value and not STYLE_ONLY.fullmatch(value):
            found.append(value)
    for name in ("options", "display_values"):
        found += [str(o) for o in getattr(proto, name, [])]
    return found


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def screen_texts(at: AppTest) -> list[str]:
    """Every text the page shows: titles, headers, captions, markdown, alerts, buttons, widget labels,
    options and placeholders, tab, expander and metric labels, table headers, chart titles and legends."""
    found: list[str] = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if node.type == "metric":
            found += [proto.label, proto.body]
        if getattr(node, "key", None) == "lang":  # the language switch names each language in itself
            found.append(proto.label)
            continue
        found += _proto_texts(proto)
        oneof = proto.DESCRIPTOR.oneofs_by_name.get("type") if hasattr(proto, "DESCRIPTOR") else None
        if oneof is not None and proto.WhichOneof("type"):  # a block: its expander, tab or form
            found += _proto_texts(getattr(proto, proto.WhichOneof("type")))
    return found + headers(at) + chart_texts(at) + chart_labels(at)


HOVER_PARTS = re.compile(r"%\{[^}]*\}|<[^>]*>")  # a hover template's placeholders and its HTML tags


def chart_labels(at: AppTest) -> list[str]:
    """The words drawn inside every chart: bar and point texts, category axes, hover texts, annotations."""
    found: list[str] = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec.get("data", []):
            for name in ("text", "x", "y", "theta", "labels", "hovertext"):
                values = trace.get(name)
                values = values if isinstance(values, list) else [values]
                found += [v for v in values if isinstance(v, str)]
            found += HOVER_PARTS.split(str(trace.get("hovertemplate") or ""))
        layout = spec.get("layout", {})
        found += [str(a.get("text")) for a in layout.get("annotations", []) if a.get("text")]
        for axis in (v for k, v in layout.items() if k.startswith(("xaxis", "yaxis", "polar")) and isinstance(v, dict)):
            found += [str(tick) for tick in axis.get("ticktext", [])]
    return [HOVER_PARTS.sub(" ", text) for text in found]


@pytest.fixture(scope="module")
def demo_urls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One SQLite file per language holding the demo in that language, shared by the module's tests."""
    urls = {}
    for lang in LANGUAGES:
        path = tmp_path_factory.mktemp(f"demo_{lang}") / "demo.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        migrate(engine)
        create_demo(engine, lang)
        engine.dispose()
        urls[lang] = f"sqlite:///{path}"
    return urls


def opened(lang: str, demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(URL_VARIABLE, demo_urls[lang])
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang  # a first visit in this language; the session keeps it
    return at.run()


def signed_in(at: AppTest, lang: str, role: Role) -> AppTest:
    """Sign in through the home page's form, in the page's language."""
    codes = demo_codes_hint(lang)
    if role == Role.TEAM:
        box = next(w for w in at.text_input if w.label == translate(lang, "gate.team_code"))
        box.input(next(iter(codes["teams"].values())))  # type: ignore[attr-defined]
        next(b for b in at.button if b.label == translate(lang, "gate.join")).click()
    else:
        at.radio[0].set_value(role)
        next(w for w in at.text_input if w.label == translate(lang, "gate.passcode")).input(str(codes[role.value]))
        next(b for b in at.button if b.label == translate(lang, "gate.sign_in")).click()
    at.run()
    team = next(iter(codes["teams"])) if role == Role.TEAM else ""  # type: ignore[call-overload]
    who = translate(lang, f"home.signed_in_as.{role}", team=team)
    assert [s.value for s in at.success] == [translate(lang, "home.signed_in", role=who)]
    return at


# The home page signed in shows each role's sidebar (AppTest draws no sidebar after a switch_page).
PAGES = [(None, file) for file, _, _ in [*PUBLIC, PRIVACY]] + [
    (role, file) for role in Role for file in ["home.py", *(file for file, _, _ in BY_ROLE[role])]
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("role", "page"), PAGES, ids=[f"{r.value if r else 'public'}-{p[:-3]}" for r, p in PAGES])
def test_a_page_shows_no_english_where_a_translation_exists(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str, role: Role | None, page: str
) -> None:
    at = opened(lang, demo_urls, monkeypatch)
    if role is not None:
        signed_in(at, lang, role)
    if page != "home.py":
        at.switch_page(f"pages/{page}").run()
    assert errors_of(at) == []
    assert at.title, f"{page} shows no title"
    texts = screen_texts(at)
    assert english_on_screen(texts, lang) == []
    filled = [w.value for w in [*at.text_area, *at.text_input] if w.value]  # what a box holds, e.g. the groups
    assert english_words(texts + filled, lang) == [], f"{role}, {page}: common English words on screen"


def test_the_check_sees_english_that_is_left() -> None:
    assert english_on_screen(["**Week setup**"], "da") == ["nav.week_setup: 'Week setup'", "setup.title: 'Week setup'"]
    found = english_on_screen(["Ugens opsætning", "Too many wrong codes. Wait 30 seconds and try again."], "da")
    assert found == ["error.too_many_attempts.other: 'Too many wrong codes. Wait 30 seconds and try again.'"]
    assert english_on_screen(["Workshop", "Teams", "OK"], "da") == []  # the same word in Danish


# Tabs whose content runs only while open (on_change="rerun"): each tab is opened in turn.
LAZY_TABS = {
    "overview.py": ("overview_tab", [f"overview.tab_{name}" for name in SHOW]),
    "strengths.py": ("strengths-tab", [f"strengths.tab.{name}" for name in STRENGTH_TABS]),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(LAZY_TABS))
def test_every_tab_that_runs_when_opened_shows_no_english(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str, page: str
) -> None:
    at = signed_in(opened(lang, demo_urls, monkeypatch), lang, Role.LEADERSHIP)
    at.switch_page(f"pages/{page}").run()
    state, keys = LAZY_TABS[page]
    for key in keys:
        at.session_state[state] = translate(lang, key)
        at.run()
        assert errors_of(at) == [], key
        assert english_on_screen(screen_texts(at), lang) == [], key
        assert english_words(screen_texts(at), lang) == [], key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_choice_labelled_in_the_sessions_language_can_be_picked(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Radio and select labels are made during the run, in the session's language: picking an option by its
    value finds its label (the test runner formats the value outside the run, where the language is unknown)."""
    at = signed_in(opened(lang, demo_urls, monkeypatch), lang, Role.LEADERSHIP)
    at.switch_page("pages/reports.py").run()
    at.radio[0].set_value("csv").run()
    assert at.radio[0].value == "csv"
    assert translate(lang, "reports.about_csv") in [c.value for c in at.caption]


def _calls(node: ast.AST, names: set[str]) -> bool:
    return any(
        isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in names
        for call in ast.walk(node)
    )


def _translating_names(trees: list[ast.Module]) -> set[str]:
    """The functions of pages/ and ui/ (def or a lambda assigned to a name) that translate, however deep."""
    bodies: dict[str, ast.AST] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                bodies[node.name] = node
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                bodies |= {target.id: node.value for target in node.targets if isinstance(target, ast.Name)}
    names = {"t", "tr", "lang"}
    while grown := {name for name, body in bodies.items() if name not in names and _calls(body, names)}:
        names |= grown
    return names


def test_every_translated_choice_label_is_made_during_the_run() -> None:
    """A format_func that translates is a lookup made during the run (labels_now): one that translates when
    called labels the choice in English whenever it is called outside the run (as the test runner does)."""
    root = Path(__file__).resolve().parents[2]
    files = [*sorted((root / "pages").glob("*.py")), *sorted((root / "ui").glob("*.py"))]
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    translating = _translating_names(list(trees.values()))
    loose = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.keyword) and node.arg == "format_func"):
                continue
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "labels_now":
                continue
            if (isinstance(value, ast.Name) and value.id in translating) or (
                isinstance(value, ast.Lambda) and _calls(value, translating)
            ):
                loose.append(f"{path.relative_to(root)}:{value.lineno}")
    assert loose == [], "make the labels first: format_func=labels_now(options, label)"
