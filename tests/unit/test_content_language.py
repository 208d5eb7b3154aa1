"""Issue 13.3: a workshop's content comes in its language: a template's main points, questions and
options, from the service and the command line, and the demo with its teams and answers."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import Engine, select

from tests.conftest import run_cli
from tests.unit.test_report_document import text_of
from workshop.config.i18n import catalog, translate
from workshop.config.templates import demo, screening_questions, templates
from workshop.domain.errors import InvalidInput
from workshop.domain.model import LANGUAGES
from workshop.services.register.assets import leaflet_html
from workshop.services.week.days import list_main_points, list_questions
from workshop.services.whole.demo import create_demo, demo_codes_hint, working_demo_team_codes
from workshop.services.whole.reports import html_report
from workshop.services.workshops.lifecycle import create_workshop, get_workshop
from workshop.store import read
from workshop.store.tables import responses

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
    made = run_cli(
        store_url,
        "new",
        "--template",
        "partnership_week",
        "--language",
        "nl",
        "--name",
        "Partnerweek",
        "--facilitator-code",
        PASSCODES[0],
        "--leadership-code",
        PASSCODES[1],
    )
    assert made.returncode == 0, made.stderr
    wid = int(made.stdout.strip())
    assert get_workshop(engine, wid).language == "nl"
    assert _texts(engine, wid)[0][0] == "Overzicht van ons netwerk"
    refused = run_cli(store_url, "new", "--language", "sv", "--name", "Veckan")
    assert refused.returncode == 2 and "invalid choice: 'sv'" in refused.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_is_built_in_its_language_and_stores_it(sqlite_engine: Engine, lang: str) -> None:
    wid = create_demo(sqlite_engine, lang)
    assert get_workshop(sqlite_engine, wid).language == lang
    assert _texts(sqlite_engine, wid) == _template_texts(lang, demo(lang).template)
    shown = working_demo_team_codes(sqlite_engine, wid)
    assert list(shown) == [t.name for t in demo(lang).teams] and demo_codes_hint(lang)["teams"] == shown
    with read(sqlite_engine) as conn:
        chosen = {c for (choices,) in conn.execute(select(responses.c.choices)) for c in choices}
    options = {o for d in templates(lang)["four_spaces_week"].days for q in d.questions for o in q.options}
    assert chosen and chosen <= options  # the teams' choices are the options in the demo's language


def test_the_demo_command_takes_a_language(store_url: str, engine: Engine) -> None:
    made = run_cli(store_url, "demo", "--language", "da")
    assert made.returncode == 0, made.stderr
    created = get_workshop(engine, int(made.stdout.strip()))
    assert created.language == "da" and created.name == "Demo: Nordby Bibliotek — strategiuge"


FIRST_SCREENING = [
    ("en", "Does the project"),
    ("da", "Understøtter projektet"),
    ("nb", "Støtter prosjektet"),
    ("nl", "Ondersteunt het project"),
]


@pytest.mark.parametrize(("lang", "first"), FIRST_SCREENING)
def test_the_fourteen_screening_questions_come_in_every_content_language(lang: str, first: str) -> None:
    asked = screening_questions(lang)
    assert len(asked) == 14 and asked[0].startswith(first)
    assert not any(q.startswith(("Screening", "Vurdering", "Toets")) for q in asked)  # the lead-in is gone


@pytest.mark.parametrize(
    ("lang", "made"), [("da", "Lavet 1. marts 2026"), ("nb", "Laget 1. mars 2026"), ("nl", "Gemaakt op 1 maart 2026")]
)
def test_the_demos_report_is_all_in_its_language(sqlite_engine: Engine, lang: str, made: str) -> None:
    wid = create_demo(sqlite_engine, lang)
    text = text_of(html_report(sqlite_engine, wid, lang="en", today=dt.date(2026, 3, 1)))
    english, own = catalog("en"), catalog(lang)
    labels = {
        part.strip()
        for key, words in english.items()
        if key.startswith("report.") and words != own[key]
        for part in re.split(r"\{[a-z_]+\}", words)
        if len(part.strip()) >= 6
    }
    assert made in text and demo(lang).name in text
    # whole words: the English "Partners" is in the Danish "Partnerskab" without being English there
    assert sorted(label for label in labels if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)) == []
    assert re.findall(r"\b\d+\.(?!\d{3}\b)\d+\b", text) == []  # a decimal comma, never a point (6.000 is a thousand)


def test_a_norwegian_demos_leaflet_lists_its_assets_in_norwegian(sqlite_engine: Engine) -> None:
    leaflet = leaflet_html(sqlite_engine, create_demo(sqlite_engine, "nb"), lang="en")
    assert '<html lang="nb">' in leaflet and translate("nb", "leaflet.heading") in leaflet
    assert "En bred kontaktflate" in leaflet and "A broad contact surface" not in leaflet
