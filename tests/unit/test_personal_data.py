"""Every text column of every table is declared, once, as personal data (what kind, and how retention erases it)
or as not personal (issue 30): a table added later fails here until its author has decided. The matching of one
person ignores case and spacing, as "who do we know?" does, and exports can drop a contact's e-mail and phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, Text

from workshop.domain.assets import normalised
from workshop.domain.errors import InvalidInput
from workshop.domain.personal import mentions, names_whole, person, replaced, without_contact_details, without_words
from workshop.services.privacy.people import _scope, personal_tables
from workshop.services.privacy.retention import add_months
from workshop.store.personal_data import NOT_PERSONAL, PERSONAL, text_columns, unclassified
from workshop.store.tables import metadata


def test_every_text_column_of_every_table_is_declared_personal_or_not() -> None:
    assert unclassified() == [], (
        "declare these columns in workshop/store/personal_data.py: PERSONAL (what personal data, how retention "
        "erases it) or NOT_PERSONAL (why not)"
    )


def test_a_new_table_with_an_undeclared_text_column_is_caught() -> None:
    schema = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(schema)
    Table(  # what a sign-in roster added in parallel might look like
        "sign_in_rosters",
        schema,
        Column("id", Integer, primary_key=True),
        Column("workshop_id", ForeignKey("workshops.id")),
        Column("email", String(200)),
        Column("note", Text),
    )
    assert unclassified(schema) == ["sign_in_rosters.email", "sign_in_rosters.note"]


def test_the_data_protection_officers_document_names_every_personal_field() -> None:
    document = (Path(__file__).resolve().parents[2] / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert [f"{t}.{c}" for t, c in PERSONAL if f"`{t}.{c}`" not in document] == []


def test_no_column_is_declared_twice_and_every_declared_column_exists() -> None:
    assert not set(PERSONAL) & set(NOT_PERSONAL)
    existing = {(t.name, c) for t in metadata.sorted_tables for c in text_columns(t)}
    assert set(PERSONAL) | set(NOT_PERSONAL) <= existing


def test_every_table_with_personal_fields_can_be_narrowed_to_one_workshop() -> None:
    for name in personal_tables():
        assert _scope(metadata.tables[name], 1) is not None


@pytest.mark.parametrize(
    ("field", "given"),
    [("Lise Holm", "lise holm"), ("lise   holm", "Lise Holm"), ("LISE HOLM, job centre", " lise\tholm ")],
)
def test_a_name_is_matched_in_any_case_and_spacing_like_who_do_we_know(field: str, given: str) -> None:
    assert names_whole(field, person(given))
    assert normalised(given) == person(given).key  # the very rule "who do we know?" compares names by


def test_a_name_is_not_matched_inside_another_word_or_by_half() -> None:
    who = person("Lise Holm")
    assert not names_whole("Elise Holmberg", who)
    assert not names_whole("Lise Hansen", who)
    assert mentions("Elise likes Holmegaard", who) == []


def test_an_embedded_name_is_replaced_and_the_sentence_kept() -> None:
    who = person("Lise Holm")
    text = "Day 2: LISE holm runs the workshops. Lise asked whether they could be held here; Elise agreed."
    assert replaced(text, who, "[removed]") == (
        "Day 2: [removed] runs the workshops. [removed] asked whether they could be held here; Elise agreed."
    )
    assert mentions(text, who) == ["full", "first name"]


def test_an_email_address_is_matched_in_any_case_and_replaced() -> None:
    who = person("Lise.Holm@Jobcentre.dk")
    assert names_whole("Lise, lise.holm@jobcentre.DK", who)
    assert replaced("write to LISE.HOLM@jobcentre.dk today", who, "[fjernet]") == "write to [fjernet] today"
    assert not names_whole("lise.holm@jobcentre.dk.evil.example", who)


@pytest.mark.parametrize("given", ["", " ", "a", "x" * 201])
def test_a_request_without_a_usable_name_is_refused_naming_the_field(given: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        person(given)
    assert caught.value.params["field"] == "name"


@pytest.mark.parametrize(
    ("contact", "kept"),
    [
        ("Lise Holm, lise@jobcentre.dk, +45 12 34 56 78", "Lise Holm"),
        ("Jonas Berg (jonas.berg@makers.org; 020-123 4567)", "Jonas Berg"),
        ("Anne Holm, children's", "Anne Holm, children's"),
        ("Jonas <b>Berg</b>", "Jonas <b>Berg</b>"),  # nothing to take out: the field as it is
        ("Lise Holm, tel. +45 12345678, E-mail: lise@jc.dk", "Lise Holm"),
        ("Lise Holm / 12 34 56 78 / Jobcentre", "Lise Holm / Jobcentre"),
        ("lise@jobcentre.dk", ""),
        ("Opened in 2024", "Opened in 2024"),  # a year is not a phone number
        ("", ""),
    ],
)
def test_exports_keep_a_contacts_name_and_drop_their_email_and_phone(contact: str, kept: str) -> None:
    assert without_contact_details(contact) == kept


def test_the_leave_out_list_loses_the_erased_persons_words_only() -> None:
    assert without_words("lise\nNordby\nHOLM\njonas", person("Lise Holm")) == "Nordby\njonas"


@pytest.mark.parametrize(
    ("day", "months", "until"),
    [
        (dt.date(2025, 6, 5), 12, dt.date(2026, 6, 5)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 11, 30), 3, dt.date(2025, 2, 28)),
        (dt.date(2023, 12, 15), 120, dt.date(2033, 12, 15)),
    ],
)
def test_a_retention_period_ends_the_same_day_months_later(day: dt.date, months: int, until: dt.date) -> None:
    assert add_months(day, months) == until
