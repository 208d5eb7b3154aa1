"""The words people write in offer spreadsheets, in English, Danish, Norwegian and Dutch: column headers,
statuses and target groups. A word matches as written (any case, without punctuation or '(0-3)' hints) or
in another form of it (`Målgruppen`, `Beskrivelsen`, `Doelgroepen`): the Snowball stemmers of the four
languages join a word's forms. Space columns match by their name in spaces.yaml or by what is left once
the word for "space" is taken off (`Inspirationsrum`, `Læringsrommet`, `Leerruimte`, `Performativt rum`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cached_property

from workshop.config.spaces import spaces
from workshop.domain.keyterms import SNOWBALL_NAMES, stem
from workshop.domain.model import OfferStatus, RelationStage, Sector


def normalise(text: str) -> str:
    """A header or a word as compared: lower case, without '(0-3)' hints, punctuation or double spaces."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", str(text).casefold())
    text = re.sub(r"[_\-.:/#*?!'’\"]", " ", text)
    return " ".join(text.split())


class Vocabulary:
    """Words per meaning; find() names the meaning of a text, or None. A stem two meanings share counts
    for neither (no guessing between two columns)."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self.words = {key: frozenset(normalise(w) for w in found) for key, found in words.items()}

    @cached_property
    def _exact(self) -> dict[str, str]:
        return {word: key for key, found in self.words.items() for word in found}

    @cached_property
    def _stems(self) -> dict[str, dict[str, str]]:
        index: dict[str, dict[str, str]] = {}
        for lang in SNOWBALL_NAMES:
            seen: dict[str, set[str]] = {}
            for key, found in self.words.items():
                for word in found:
                    seen.setdefault(_stemmed(word, lang), set()).add(key)
            index[lang] = {s: next(iter(keys)) for s, keys in seen.items() if len(keys) == 1}
        return index

    def find(self, text: str) -> str | None:
        clean = normalise(text)
        if not clean:
            return None
        if clean in self._exact:
            return self._exact[clean]
        for lang, index in self._stems.items():
            if (key := index.get(_stemmed(clean, lang))) is not None:
                return key
        return None


def _stemmed(phrase: str, lang: str) -> str:
    return " ".join(stem(word, lang) for word in phrase.split())


HEADERS = Vocabulary(
    {
        "name": [
            "name", "offer", "offer name", "title", "activity", "activity name", "service",
            "navn", "tilbud", "tilbuddets navn", "tilbudsnavn", "navn på tilbud", "titel", "aktivitet",
            "tilbudets navn", "navn på tilbudet", "tittel",
            "naam", "aanbod", "activiteit", "naam activiteit", "naam van het aanbod",
        ],
        "description": [
            "description", "desc", "about", "details", "summary",
            "beskrivelse", "indhold", "om tilbuddet", "innhold", "om tilbudet",
            "beschrijving", "omschrijving", "inhoud", "toelichting",
        ],
        "owner_team": [
            "owner team", "owner", "team", "responsible", "responsible team", "department",
            "ansvarlig", "ansvarligt team", "ejer", "afdeling", "ansvarlig afdeling",
            "ansvarlig team", "eier", "avdeling", "ansvarlig avdeling",
            "eigenaar", "verantwoordelijke", "verantwoordelijk team", "afdeling", "eigenaar team",
        ],
        "target_groups": [
            "target group", "target groups", "audience", "audiences", "for whom",
            "målgruppe", "målgrupper", "for hvem",
            "doelgroep", "doelgroepen", "publiek", "voor wie",
        ],
        "status": ["status", "state", "tilstand", "stand", "staat"],
        "reach": [
            "reach", "users per year", "users a year", "users", "visitors", "visitors per year", "participants",
            "attendance", "annual users",
            "brugere", "brugere pr år", "brugere per år", "brugere år", "rækkevidde", "antal brugere",
            "besøgende", "deltagere", "antal deltagere", "besøg pr år",
            "brukere", "brukere per år", "brukere pr år", "brukere år", "antall brukere", "besøkende",
            "deltakere", "antall deltakere", "rekkevidde",
            "bereik", "gebruikers", "gebruikers per jaar", "bezoekers", "bezoekers per jaar", "deelnemers",
            "aantal deelnemers", "aantal bezoekers", "aantal gebruikers",
        ],
        "strength": [
            "strength", "rating", "quality",
            "styrke", "vurdering", "kvalitet",
            "sterkte", "kracht", "beoordeling", "kwaliteit",
        ],
        "primary_space": [
            "primary space", "main space",
            "primært rum", "primær rum", "hovedrum", "primært rom", "primær rom", "hovedrom",
            "primaire ruimte", "hoofdruimte",
        ],
        "partners": [
            "partners", "partner", "collaborators", "partner organisations", "partner organizations",
            "partnere", "samarbejdspartnere", "samarbejdspartner", "samarbeidspartnere", "samarbeidspartner",
            "samenwerkingspartners", "partnerorganisaties",
        ],
        # The partners' sector and stage: one for all the row's partners, or one each (offer_cells).
        "partner_sector": [
            "sector", "partner sector", "sectors", "partner type", "type of partner", "kind of partner",
            "sektor", "partnersektor", "partnertype", "type partner", "sektorer", "partnerens sektor",
            "sector partner", "sectoren", "soort partner", "partners sector", "partnernes sektor",
            "sector van de partners",
        ],
        "partner_stage": [
            "stage", "partner stage", "formalisation", "formalization", "relation", "relationship",
            "network circle", "level of partnership", "collaboration level",
            "stadie", "formalisering", "samarbejdsform", "netværkscirkel",
            "stadium", "relasjon", "samarbeidsform", "nettverkssirkel",
            "relatie", "samenwerkingsvorm", "netwerkcirkel", "formaliseringsgraad", "partners formalisation",
            "partners stage", "partnernes formalisering", "partnernes formaliseringsgrad", "fase van de partners",
        ],
        "tags": [
            "tags", "tag", "keywords", "topics",
            "nøgleord", "emneord", "emner", "nøkkelord", "stikkord",
            "trefwoorden", "labels", "onderwerpen", "sleutelwoorden",
        ],
    }
)  # fmt: skip

# What a space column is called once the word for "space" is off: short, indefinite and foreign forms.
SPACE_WORDS = Vocabulary(
    {
        "inspiration": ["inspiration", "insp", "inspirasjon", "inspiratie", "inspirerende"],
        "learning": ["learning", "læring", "lær", "læringen", "leer", "leren", "lering"],
        "meeting": ["meeting", "møde", "møder", "mødested", "møte", "møtested", "møteplass", "ontmoeting"],
        "performative": [
            "performative", "performativ", "performativt", "performativet", "perf", "performance",
            "performatief", "performatieve", "performatiewe",
        ],
    }
)  # fmt: skip
SPACE_SUFFIX = re.compile(r"(?:s?(?:rummet|rum|rommet|rom|ruimte)|\s*space)$")
SPACE_FILLERS = {"the", "det", "den", "de", "het", "space", "rum", "rummet", "rom", "rommet", "ruimte", "score"}

STATUSES = Vocabulary(
    {
        OfferStatus.ACTIVE: [
            "active", "ongoing", "in progress", "running", "current",
            "aktiv", "aktive", "i gang", "kører", "igangværende",
            "pågår", "pågående", "løpende", "actief", "lopend", "loopt", "bezig",
        ],
        OfferStatus.PLANNED: [
            "planned", "upcoming", "planning", "planlagt", "planlagte", "kommende", "på vej",
            "gepland", "komend", "in voorbereiding", "in planning",
        ],
        OfferStatus.PAUSED: [
            "paused", "on hold", "pause", "suspended", "på pause", "sat på pause", "pauseret", "i bero",
            "stillet i bero", "satt på pause", "pauset", "gepauzeerd", "stilgelegd",
            "tijdelijk gestopt",
        ],
    }
)  # fmt: skip

# A partner's sector and stage as files write them (offer_cells.partner_sectors, partner_stages).
SECTORS = Vocabulary(
    {
        Sector.PUBLIC: [
            "public", "public sector", "municipal", "government", "offentlig", "offentlige", "det offentlige",
            "kommunal", "kommune", "offentlig sektor", "publiek", "publieke sector", "overheid", "gemeentelijk",
        ],
        Sector.PRIVATE: [
            "private", "private sector", "business", "company", "commercial", "privat", "erhverv",
            "virksomhed", "privat sektor", "næringsliv", "bedrift", "privé", "bedrijf",
            "commercieel", "bedrijfsleven",
        ],
        Sector.CIVIL: [
            "civil", "civil society", "ngo", "non profit", "nonprofit", "voluntary", "association", "charity",
            "civilsamfund", "civilsamfundet", "frivillig", "forening", "foreninger", "frivillig forening",
            "frivillige foreninger",
            "sivilsamfunn", "sivilsamfunnet", "frivillig organisasjon", "lag og foreninger",
            "maatschappelijk middenveld", "middenveld", "vereniging", "vrijwilligersorganisatie", "civiel",
        ],
        Sector.UNKNOWN: ["unknown", "not known", "ukendt", "ved ikke", "ukjent", "vet ikke", "onbekend", "?"],
    }
)  # fmt: skip
STAGES = Vocabulary(
    {
        RelationStage.NETWORK: ["network", "contact", "netværk", "kontakt", "nettverk", "netwerk"],
        RelationStage.COLLABORATION: [
            "collaboration", "cooperation", "samarbejde", "samarbeid", "samenwerking",
        ],
        RelationStage.PARTNERSHIP: [
            "partnership", "partner", "partnerskab", "partnerskap", "partnerschap",
        ],
        RelationStage.UNKNOWN: ["unknown", "not known", "ukendt", "ved ikke", "ukjent", "vet ikke", "onbekend", "?"],
    }
)  # fmt: skip

# The default target groups (workshop.domain.model.DEFAULT_TARGET_GROUPS) in the four languages.
TARGET_GROUPS = Vocabulary(
    {
        "children": ["children", "child", "kids", "børn", "barn", "barna", "kinderen", "kind"],
        "young people": [
            "young people", "youth", "teenagers", "teens", "unge", "de unge", "ungdom", "ungdommen",
            "teenagere", "tenåringer", "jongeren", "jeugd", "tieners",
        ],
        "adults": ["adults", "adult", "voksne", "volwassenen", "volwassene"],
        "seniors": [
            "seniors", "senior", "elderly", "older people", "seniorer", "ældre", "eldre", "senioren", "ouderen",
        ],
        "families": [
            "families", "family", "familier", "børnefamilier", "barnefamilier", "gezinnen", "gezin",
        ],
        "newcomers": [
            "newcomers", "newcomer", "nytilkomne", "tilflyttere", "nyankomne", "innflyttere", "nieuwkomers",
        ],
        "businesses": [
            "businesses", "business", "companies", "virksomheder", "erhverv", "erhvervsliv", "bedrifter",
            "næringsliv", "bedrijven", "ondernemers",
        ],
    }
)  # fmt: skip


def space_of_header(header: str) -> str | None:
    """The space a column header names, in any of the four languages and in any common form."""
    found = spaces().key_for_name(normalise(header)) or spaces().key_for_name(header)
    if found:
        return found
    clean = normalise(header)
    core = " ".join(w for w in clean.split() if w not in SPACE_FILLERS)
    core = SPACE_SUFFIX.sub("", core).strip() or core
    return SPACE_WORDS.find(core) if core else None


def field_of_header(header: str) -> str | None:
    """The offer field a column header names (a space's key for a space column), or None."""
    return HEADERS.find(header) or space_of_header(header)
