"""Issue 27.7: wording corrections read as a native speaker would, kept as a regression list. A wrong
phrase is nowhere in its language's texts (the interface's locale file, the templates, the demo), and the
right one is there. Keys and YAML field names are not texts: only the values are searched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
import yaml

from ui.answering import OWN_SCALE
from workshop.config.i18n import catalog, translate
from workshop.config.spaces import spaces
from workshop.config.templates import DEMO_DIR, TEMPLATES_DIR, demo, templates
from workshop.domain.model import LANGUAGES, QuestionKind


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@cache
def texts(lang: str) -> tuple[str, ...]:
    """Every text of a language a user may read: its locale file, its templates and its demo."""
    files = [*sorted((TEMPLATES_DIR / lang).glob("*.yaml")), DEMO_DIR / f"{lang}.yaml"]
    found = list(catalog(lang).values())
    for path in files:
        found += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return tuple(found)


# (language, the wrong phrase as a pattern, the right phrase that must be there instead)
CORRECTIONS = [
    ("da", r"Screen forslag", "Vurdér forslag"),
    ("da", r"Screeningkort", "Vurderingskort"),
    ("da", r"(?i)\bscreen", "Forslag til vurdering"),  # no "screening", "screener", "screenet" left
    ("da", r"Foreslået af holdene", "Foreslået af teamene"),
    ("da", r"Holdenes reaktioner", "Teamenes reaktioner"),
    ("da", r"\b[Hh]old(et|ene|enes|ets|s)?\b(?! op\b)", "Jeres team"),  # "team" throughout ("Hold op" = stop)
    ("da", r"\{team\}s svar", "Svar fra {team}"),  # "Børn og families svar"
    ("da", r"tjener hovedpunkt", "hører til hovedpunkt"),
    ("da", r"følger med med det samme", "opdateres med det samme"),
    ("da", r"Facilitator optager dem i", "Facilitator tager dem med i"),
    ("da", r"D\{day\}\.Q", "D{day}.S{n}"),
    ("nb", r"Forslag til screening", "Forslag til vurdering"),
    ("nb", r"(?i)\bscreen", "Teamene vurderer"),
    ("nb", r"(?i)\bhasher\b", "lagres bare i en form som ikke kan leses tilbake"),
    ("nl", r"muzikale", "De musische bibliotheek"),
    ("nl", r"één aanbod per rij", "één activiteit per rij"),
    ("nl", r"Weekindeling", "Opzet van de week"),
    ("nl", r"D\{day\}\.Q", "D{day}.V{n}"),
    *((lang, r"^(Day|Dag) \d+\s*[—–-]", None) for lang in LANGUAGES),  # "Dag 1 · planlagt / Dag 1 — …"
]


@pytest.mark.parametrize(("lang", "wrong", "right"), CORRECTIONS)
def test_a_corrected_phrase_is_gone_and_its_correction_is_there(lang: str, wrong: str, right: str | None) -> None:
    found = [text for text in texts(lang) if re.search(wrong, text)]
    assert found == [], f"{lang}: {wrong!r} is still in {found[:3]}"
    if right is not None:
        assert any(right in text for text in texts(lang)), f"{lang}: {right!r} is nowhere"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("da", "Du er logget ind som facilitator."),
        ("nb", "Du er logget inn som fasilitator."),
        ("nl", "Je bent ingelogd als facilitator."),
    ],
)
def test_the_signed_in_line_names_the_role_in_lower_case(lang: str, sentence: str) -> None:
    said = translate(lang, "home.signed_in", role=translate(lang, "home.signed_in_as.facilitator"))
    assert said.startswith(sentence)


@pytest.mark.parametrize(("lang", "sentence"), [("da", "som teamet Børn og familier."), ("nb", "som teamet Barn")])
def test_a_team_is_signed_in_as_the_team_by_its_name(lang: str, sentence: str) -> None:
    name = demo(lang).teams[0].name
    said = translate(lang, "home.signed_in", role=translate(lang, "home.signed_in_as.team", team=name))
    assert sentence in said


@pytest.mark.parametrize(
    ("lang", "prose"),
    [
        ("da", "mellem erkendelse og innovation"),
        ("nb", "mellom erkjennelse og innovasjon"),
        ("nl", "tussen ervaring en innovatie"),
        ("en", "between experience and innovation"),
    ],
)
def test_a_space_lies_between_two_aims_in_prose(lang: str, prose: str) -> None:
    line = translate(lang, "home.space_line", verb="", between=spaces().between_aims("inspiration", lang))
    assert prose in line and " · " not in line.split(prose[:5])[-1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_question_with_its_own_scale_is_not_given_another_one(lang: str) -> None:
    """da: "Vurdering (1 = svag, 5 = stærk)" under a question that says "(1 = slet ikke, 5 = fuldt ud)"."""
    rated = (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
    own = [
        q.text
        for week in templates(lang).values()
        for day in week.days
        for q in day.questions
        if q.kind in rated and re.search(r"\b1 = ", q.text)
    ]
    assert own, "the templates have rating questions with their own scale"
    assert all(OWN_SCALE.search(text) for text in own)
    assert not re.search(r"\b1 = ", translate(lang, "answer.rating_own_scale"))
    assert not OWN_SCALE.search("Hvor stærke er vi i inspirationsrummet?")
