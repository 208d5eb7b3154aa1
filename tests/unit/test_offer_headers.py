"""Spreadsheet headers, statuses and target groups as people write them, in all four languages (issue 13.6)."""

from __future__ import annotations

import pytest

from workshop.domain.model import OfferStatus
from workshop.files.offer_cells import CellError, status_of, target_groups_of
from workshop.files.spreadsheet import IGNORE, guess_field, guess_mapping

HEADERS = [
    # the spaces: definite, indefinite, compound, short and foreign forms
    ("Inspirationsrum", "inspiration"),
    ("Inspirationsrummet", "inspiration"),
    ("Inspiration", "inspiration"),
    ("Inspiration space (0-3)", "inspiration"),
    ("Inspirasjonsrom", "inspiration"),
    ("Inspirasjonsrommet", "inspiration"),
    ("Inspiratieruimte", "inspiration"),
    ("Insp.", "inspiration"),
    ("Læringsrum", "learning"),
    ("Læring", "learning"),
    ("Læringsrommet", "learning"),
    ("Leerruimte", "learning"),
    ("Learning space", "learning"),
    ("Møderum", "meeting"),
    ("Møde", "meeting"),
    ("Møderummet", "meeting"),
    ("Møterom", "meeting"),
    ("Ontmoeting", "meeting"),
    ("Ontmoetingsruimte", "meeting"),
    ("Meeting", "meeting"),
    ("Performativt rum", "performative"),
    ("Det performative rum", "performative"),
    ("Performativ", "performative"),
    ("Performativt rom", "performative"),
    ("Det performative rommet", "performative"),
    ("Performatieve ruimte", "performative"),
    ("Perf.", "performative"),
    # the other columns
    ("Navn", "name"),
    ("Tilbuddets navn", "name"),
    ("Tilbudets navn", "name"),
    ("Naam", "name"),
    ("Activiteit", "name"),
    ("Offer name", "name"),
    ("Beskrivelse", "description"),
    ("Beskrivelsen", "description"),
    ("Omschrijving", "description"),
    ("Ansvarligt team", "owner_team"),
    ("Ansvarlig avdeling", "owner_team"),
    ("Eier", "owner_team"),
    ("Eigenaar", "owner_team"),
    ("Målgrupper", "target_groups"),
    ("Målgruppene", "target_groups"),
    ("Doelgroepen", "target_groups"),
    ("Target group(s)", "target_groups"),
    ("Status", "status"),
    ("Brukere per år", "reach"),
    ("Brugere pr. år", "reach"),
    ("Brukere/år", "reach"),
    ("Antall deltakere", "reach"),
    ("Bezoekers per jaar", "reach"),
    ("Bereik", "reach"),
    ("Users per year", "reach"),
    ("Styrke (1-5)", "strength"),
    ("Styrken", "strength"),
    ("Sterkte", "strength"),
    ("Primært rum", "primary_space"),
    ("Hovedrom", "primary_space"),
    ("Hoofdruimte", "primary_space"),
    ("Samarbejdspartnere", "partners"),
    ("Samarbeidspartnere", "partners"),
    ("Samenwerkingspartners", "partners"),
    ("Nøgleord", "tags"),
    ("Stikkord", "tags"),
    ("Trefwoorden", "tags"),
    # not an offer field: left out, never guessed
    ("Kommentar", IGNORE),
    ("Notes", IGNORE),
    ("Opmerkingen", IGNORE),
    ("Forum", IGNORE),
    ("Rum", IGNORE),
    ("", IGNORE),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_a_real_world_header_names_its_field(header: str, field: str) -> None:
    assert guess_field(header) == field


def test_the_danish_export_that_was_refused_now_maps_every_space() -> None:
    header = ["Navn", "Inspirationsrum", "Læringsrum", "Møderum", "Performativt rum"]
    assert guess_mapping(header) == ["name", "inspiration", "learning", "meeting", "performative"]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Aktiv", OfferStatus.ACTIVE),
        ("i gang", OfferStatus.ACTIVE),
        ("Pågår", OfferStatus.ACTIVE),
        ("In progress", OfferStatus.ACTIVE),
        ("Actief", OfferStatus.ACTIVE),
        ("Planlagt", OfferStatus.PLANNED),
        ("Gepland", OfferStatus.PLANNED),
        ("Planned", OfferStatus.PLANNED),
        ("På pause", OfferStatus.PAUSED),
        ("Satt på pause", OfferStatus.PAUSED),
        ("Gepauzeerd", OfferStatus.PAUSED),
        ("On hold", OfferStatus.PAUSED),
    ],
)
def test_a_status_word_in_any_of_the_four_languages_is_read(word: str, status: OfferStatus) -> None:
    assert status_of(word) == status


def test_an_unknown_status_is_a_clear_cell_problem() -> None:
    with pytest.raises(CellError, match="'maybe' is not a status"):
        status_of("maybe")


DEFAULT_GROUPS = {
    g: g for g in ("children", "young people", "adults", "seniors", "families", "newcomers", "businesses")
}


@pytest.mark.parametrize(
    ("cell", "groups"),
    [
        ("Børn; Unge", ["children", "young people"]),
        ("Barn, ungdom, eldre", ["children", "young people", "seniors"]),
        ("Kinderen, jongeren, ouderen", ["children", "young people", "seniors"]),
        ("Børnene, børnefamilier", ["children", "families"]),
        ("Nieuwkomers; bedrijven", ["newcomers", "businesses"]),
        ("Voksne", ["adults"]),
        ("Volwassenen", ["adults"]),
        ("Næringsliv", ["businesses"]),
        ("Kids, Families", ["children", "families"]),
    ],
)
def test_target_groups_are_read_in_any_of_the_four_languages(cell: str, groups: list[str]) -> None:
    assert target_groups_of(cell, DEFAULT_GROUPS) == groups


def test_an_unknown_target_group_names_the_workshops_groups() -> None:
    with pytest.raises(CellError, match="'astronauts' is not a target group of this workshop"):
        target_groups_of("astronauts", DEFAULT_GROUPS)
