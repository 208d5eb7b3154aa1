"""Issue 27.2: content words follow the workshop's language: the default target groups in the workshop's
words, a theme's decision as a participle that teams and leadership read alike, and the aims a space sits
between written as prose."""

from __future__ import annotations

import pytest

from tests.app.test_every_language import demo_urls, opened, screen_texts, signed_in
from workshop.domain.model import Role

__all__ = ["demo_urls"]  # the module's demo databases, one per language

DECIDED = {
    "da": ["vedtaget", "tilpasset", "parkeret"],
    "nb": ["vedtatt", "tilpasset", "parkert"],
    "nl": ["overgenomen", "aangepast", "geparkeerd"],
}


@pytest.mark.parametrize("lang", list(DECIDED))
def test_teams_and_leadership_read_the_same_participles_for_a_themes_decision(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    team = signed_in(opened(lang, demo_urls, monkeypatch), lang, Role.TEAM)
    team.switch_page("pages/decisions.py").run()
    leadership = signed_in(opened(lang, demo_urls, monkeypatch), lang, Role.LEADERSHIP)
    leadership.switch_page("pages/themes.py").run()
    seen_by_teams = " ".join(screen_texts(team)).lower()
    seen_by_leadership = " ".join(screen_texts(leadership)).lower()
    for word in DECIDED[lang]:
        assert word in seen_by_teams, f"teams do not read {word!r}"
        assert word in seen_by_leadership, f"leadership does not read {word!r}"


@pytest.mark.parametrize(
    ("lang", "prose"),
    [
        ("da", "mellem erkendelse og innovation"),
        ("nb", "mellom erkjennelse og innovasjon"),
        ("nl", "tussen ervaring en innovatie"),
    ],
)
def test_the_aims_a_space_sits_between_are_written_as_prose(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str, prose: str
) -> None:
    at = opened(lang, demo_urls, monkeypatch)
    captions = [c.value for c in at.caption]
    assert any(c.endswith(prose) for c in captions), captions
    assert not any("·" in c.split("·", 1)[1] for c in captions if c.count("·") > 1)  # no "X · Y" list of aims


@pytest.mark.parametrize(
    ("lang", "groups"),
    [
        ("da", ["børn", "unge", "voksne", "ældre"]),
        ("nb", ["barn", "unge", "voksne", "eldre"]),
        ("nl", ["kinderen", "jongeren", "volwassenen", "ouderen"]),
    ],
)
def test_a_workshops_default_target_groups_are_listed_in_its_words(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str, groups: list[str]
) -> None:
    at = signed_in(opened(lang, demo_urls, monkeypatch), lang, Role.FACILITATOR)
    at.switch_page("pages/offers.py").run()
    listed = at.text_area[-1].value.splitlines()
    assert listed[:4] == groups
    assert not {"children", "young people", "adults", "seniors"} & set(listed)
