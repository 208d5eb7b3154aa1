"""The offer and partner registers as files to download or hand to another tool (formats:
workshop.files.register_files)."""

from __future__ import annotations

from sqlalchemy import Engine

from workshop.files.register_files import csv_bytes, offers_table, partners_table, xlsx_bytes
from workshop.services.partnership.partners import partner_register
from workshop.services.register.offers import register_frame


def register_csv(engine: Engine, workshop_id: int, what: str = "offers") -> bytes:
    """The offer register (or with what="partners" the partner register) as CSV."""
    if what == "offers":
        return csv_bytes(offers_table(register_frame(engine, workshop_id)))
    return csv_bytes(partners_table(partner_register(engine, workshop_id)))


def register_xlsx(engine: Engine, workshop_id: int) -> bytes:
    """A workbook with an `offers` and a `partners` sheet."""
    offers = offers_table(register_frame(engine, workshop_id))
    return xlsx_bytes({"offers": offers, "partners": partners_table(partner_register(engine, workshop_id))})
