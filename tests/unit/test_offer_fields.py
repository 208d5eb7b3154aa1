"""The one list of offer fields: the import, the register and the offers table agree with it."""

import functools

from pydantic.fields import FieldInfo

from workshop.domain import offer_fields
from workshop.domain.model import SPACE_KEYS, OfferStatus
from workshop.domain.offer_fields import DETAIL_FIELDS, FIELDS, LIST_FIELDS, default
from workshop.files.offer_sheet import offer_frame
from workshop.files.spreadsheet import SourceTable
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


def test_an_import_asks_the_model_for_its_defaults_once_per_field_not_once_per_row(monkeypatch):
    """pydantic's get_default inspects the default factory on every call (~0.4 ms): asked per row, an import
    of 50,000 offers spent 20 s there. A sheet of names and one space leaves every other field to its default."""
    asked = []
    real = FieldInfo.get_default

    def counted(self, *args, **kwargs):
        asked.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FieldInfo, "get_default", counted)
    getattr(offer_fields, "_model_default", functools.lru_cache()(lambda f: f)).cache_clear()
    rows = 2_000
    table = SourceTable(["name", "learning"], [[f"Offer {n}", 2] for n in range(rows)], list(range(2, rows + 2)))
    frame = offer_frame(table, ["name", "learning"], [])
    assert len(frame) == rows and frame["tags"].map(id).nunique() == rows  # still a list of its own per row
    assert len(asked) <= len(FIELDS)
