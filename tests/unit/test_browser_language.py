"""The first visit's language: the link's lang=, the browser's locale, its Accept-Language (q-values)."""

from __future__ import annotations

import pytest

from workshop.config.i18n import first_visit_language, parse_accept_language, supported_language


@pytest.mark.parametrize(
    ("header", "tags"),
    [
        ("da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7", ["da-DK", "da", "en-US", "en"]),
        ("en;q=0.5, nl;q=0.9, fr", ["fr", "nl", "en"]),
        ("nb-NO, nn;q=0.9, no;q=0.9, en;q=0.1", ["nb-NO", "nn", "no", "en"]),  # equal weights keep their order
        ("de, da;q=0, *;q=0.5", ["de"]),  # q=0 means "not this one"; * names no language
        ("nl;q=abc, en", ["en"]),  # a malformed weight is left out, not a crash
        ("da;Q=0.8 , en ; q=0.9", ["en", "da"]),
        ("", []),
        (None, []),
    ],
)
def test_accept_language_is_read_most_wanted_first(header: str | None, tags: list[str]) -> None:
    assert parse_accept_language(header) == tags


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("da-DK", "da"),
        ("DA", "da"),
        ("nb_NO", "nb"),
        ("no", "nb"),
        ("nn-NO", "nb"),
        ("nl-BE", "nl"),
        ("en-GB", "en"),
        ("sv-SE", None),
        ("", None),
        (None, None),
    ],
)
def test_a_language_tag_maps_to_an_interface_language(tag: str | None, lang: str | None) -> None:
    assert supported_language(tag) == lang


@pytest.mark.parametrize(
    ("link", "locale", "header", "lang"),
    [
        (None, "da-DK", "da-DK,da;q=0.9", "da"),
        (None, None, "nn-NO,nn;q=0.9,en;q=0.5", "nb"),  # no locale yet: the header decides
        (None, "fr-FR", "fr-FR,fr;q=0.9,nl;q=0.8,en;q=0.7", "nl"),  # French first, Dutch the first we have
        ("nl", "da-DK", "da-DK", "nl"),  # the join link's lang= wins over the browser
        ("xx", "da-DK", None, "da"),  # an unknown lang= is ignored
        (None, "sv-SE", "sv-SE,sv;q=0.9", "en"),
        (None, None, None, "en"),
    ],
)
def test_the_first_visit_takes_the_link_then_the_locale_then_the_header_then_english(
    link: str | None, locale: str | None, header: str | None, lang: str
) -> None:
    assert first_visit_language(link, locale, header) == lang
