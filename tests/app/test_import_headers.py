"""The import page maps a Norwegian sheet's headers and says which columns it will not read (issue 13.6)."""

from __future__ import annotations

from tests.app.conftest import errors_of
from tests.app.test_offers import facilitator_on


def test_a_norwegian_sheet_is_mapped_and_the_page_names_the_columns_it_leaves_out(app_db: str) -> None:
    at = facilitator_on("pages/import_offers.py")
    data = "Navn;Brukere per år;Inspirasjonsrom;Møterom;Merknad\nLeksehjelp;1.250;0;3;ring Kari\n".encode("cp1252")
    at.file_uploader(key="import_file").set_value(("tilbud.csv", data, "text/csv")).run()
    mapped = sorted((int(s.key.rsplit("_", 1)[1]), s.value) for s in at.selectbox if s.key.startswith("map_"))
    assert [field for _, field in mapped] == ["name", "reach", "inspiration", "meeting", ""]
    assert [i.value for i in at.info] == ["Not read (no field chosen): Merknad. Choose a field above to read a column."]
    next(s for s in at.selectbox if s.key.endswith("_4")).set_value("tags").run()
    assert not at.info
    next(b for b in at.button if b.label == "Import").click()
    at.run()
    assert errors_of(at) == []
    assert [s.value for s in at.success] == ["Imported — new offers: 1; updated offers: 0; new partners: 0."]
