"""Issue 13.3: a workshop's content comes in its language: a template's main points, questions and
options, from the service, the command line and the demo."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.conftest import run_cli
from workshop.config.templates import templates
from workshop.domain.errors import InvalidInput
from workshop.services.week import list_main_points, list_questions
from workshop.services.workshops import create_workshop, get_workshop

PASSCODES = ("facilitate-the-week", "lead-the-week-well")


def _texts(engine: Engine, wid: int) -> tuple[list[str], list[str], list[list[str]]]:
    asked = list_questions(engine, wid)
    return [p.title for p in list_main_points(engine, wid)], [q.text for q in asked], [q.options for q in asked]


def _template_texts(lang: str, key: str) -> tuple[list[str], list[str], list[list[str]]]:
    week = templates(lang)[key]
    asked = [q for d in week.days for q in d.questions]
    return [p.title for p in week.main_points], [q.text for q in asked], [q.options for q in asked]


def test_a_norwegian_partnership_week_has_norwegian_main_points_questions_and_options(engine: Engine) -> None:
    wid = create_workshop(engine, "Partnerskapsuka", *PASSCODES, template_key="partnership_week", language="nb")
    assert get_workshop(engine, wid).language == "nb"
    points, texts, options = _texts(engine, wid)
    assert (points, texts, options) == _template_texts("nb", "partnership_week")
    assert points[0] == "Oversikt over nettverket vårt"
    assert "Nettverk: vi kjenner hverandre, men har ingen felles aktivitet akkurat nå" in options[1]
    assert (points, texts) != _template_texts("en", "partnership_week")[:2]


def test_a_workshop_in_an_unknown_language_is_refused_naming_the_field(engine: Engine) -> None:
    with pytest.raises(InvalidInput) as caught:
        create_workshop(engine, "Veckan", *PASSCODES, template_key="partnership_week", language="sv")
    assert caught.value.params["field"] == "language" and "en, da, nb, nl" in str(caught.value)


def test_the_command_line_creates_a_template_week_in_the_language_asked_for(store_url: str, engine: Engine) -> None:
    made = run_cli(store_url, "new", "--template", "partnership_week", "--language", "nl", "--name", "Partnerweek",
                   "--facilitator-code", PASSCODES[0], "--leadership-code", PASSCODES[1])  # fmt: skip
    assert made.returncode == 0, made.stderr
    wid = int(made.stdout.strip())
    assert get_workshop(engine, wid).language == "nl"
    assert _texts(engine, wid)[0][0] == "Overzicht van ons netwerk"
    refused = run_cli(store_url, "new", "--language", "sv", "--name", "Veckan")
    assert refused.returncode == 2 and "invalid choice: 'sv'" in refused.stderr
