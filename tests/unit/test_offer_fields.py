"""The one list of offer fields: the import, the register and the offers table agree with it."""

from workshop.domain.model import SPACE_KEYS, OfferStatus
from workshop.domain.offer_fields import DETAIL_FIELDS, FIELDS, LIST_FIELDS, default
from workshop.store.tables import offers


def test_every_offer_field_is_a_column_of_the_offers_table():
    assert set(FIELDS) <= set(offers.c.keys())


def test_a_field_left_out_of_a_sheet_gets_the_offers_default():
    assert LIST_FIELDS == ("target_groups", "partners", "tags")
    assert [default(f) for f in ("description", "status", "reach", "strength", "primary_space")] == [
        "",
        OfferStatus.ACTIVE,
        0,
        3,
        None,
    ]
    assert all(default(k) == 0 for k in SPACE_KEYS)
    first, second = default("tags"), default("tags")
    assert first == [] and first is not second  # a fresh list each time: rows never share one
    assert "name" not in DETAIL_FIELDS and not set(SPACE_KEYS) & set(DETAIL_FIELDS)
