"""Partners imported as the file has them (issue 26.8): the sector and stage columns read in the four
languages, unknown where a file has none, a name with a comma in it kept whole, the register's own export
read back the same; the weak-space flag claims nothing without a partnership; the circle shows the unknown."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine

from workshop.charts.network_circle import RINGS, circle_points, network_circle_figure
from workshop.config.messages import render
from workshop.domain.errors import ImportRejected
from workshop.domain.model import RelationStage
from workshop.files.spreadsheet import guess_mapping, read_source
from workshop.services.partnership.partners import partnerships_off_weak_spaces
from workshop.services.register.offer_import import import_offers
from workshop.services.register.offers import partners_frame, register_frame
from workshop.services.whole.register_files import register_csv
from workshop.services.workshops.lifecycle import create_workshop

# A Danish library's own Excel CSV (cp1252, ;): no sector or stage column.
DANISH = (
    "Tilbud;Inspirationsrummet;Læringsrummet;Møderummet;Det performative rum;Samarbejdspartnere\r\n"
    'Lektiecafé;0;3;2;0;"Røde Kors; Skoleafdelingen, Vestby Kommune"\r\n'
    "Klassebesøg;0;3;0;0;Skoleafdelingen, Vestby Kommune\r\n"
    'Koncerter;3;0;1;2;"Spillestedet Godset\nMusikskolen"\r\n'
).encode("cp1252")
# English headers with the sector and stage: one for all a row's partners, or one each.
WITH_COLUMNS = (
    "name,Inspiration space,Learning space,partners,sector,stage\n"
    'Homework café,0,3,"Red Cross Youth; School department, Vestby Municipality","civil; public",partnership\n'
    "Concerts,3,0,Music venue,private,collaboration\n"
    "Coding club,0,2,Red Cross Youth,public,network\n"
).encode()
# Danish headers and values.
DANISH_COLUMNS = (
    "Navn;Læringsrummet;Partnere;Sektor;Formalisering\r\n"
    "Lektiecafé;3;Røde Kors;Civilsamfund;Partnerskab\r\n"
    "Sprogcafé;2;Aftenskolen;;\r\n"
).encode("cp1252")


def _import(engine: Engine, data: bytes, name: str) -> tuple[int, pd.DataFrame]:
    wid = create_workshop(engine, "Partnerskaber", "facilitate-me", "lead-me-now", language="da")
    table = read_source(data, name)
    import_offers(engine, wid, table, guess_mapping(table.header))
    frame = partners_frame(engine, wid).set_index("name")
    return wid, frame


def test_a_file_without_sector_and_stage_gives_unknown_and_keeps_a_name_with_a_comma_whole(engine: Engine) -> None:
    wid, found = _import(engine, DANISH, "tilbud.csv")
    assert sorted(found.index) == ["Musikskolen", "Røde Kors", "Skoleafdelingen, Vestby Kommune", "Spillestedet Godset"]
    assert set(found["sector"]) == {"unknown"} and set(found["stage"]) == {"unknown"}
    offers = register_frame(engine, wid).set_index("name")
    assert offers.at["Lektiecafé", "partners"] == ["Røde Kors", "Skoleafdelingen, Vestby Kommune"]


def test_sector_and_stage_columns_are_read_one_for_all_or_one_per_partner(engine: Engine) -> None:
    _, found = _import(engine, WITH_COLUMNS, "offers.csv")
    assert found.loc[:, ["sector", "stage"]].to_dict("index") == {
        "Red Cross Youth": {"sector": "civil", "stage": "partnership"},  # the first row that says wins
        "School department, Vestby Municipality": {"sector": "public", "stage": "partnership"},
        "Music venue": {"sector": "private", "stage": "collaboration"},
    }


def test_danish_headers_and_values_are_read_and_an_empty_cell_is_unknown(engine: Engine) -> None:
    _, found = _import(engine, DANISH_COLUMNS, "tilbud.csv")
    assert found.loc["Røde Kors", ["sector", "stage"]].tolist() == ["civil", "partnership"]
    assert found.loc["Aftenskolen", ["sector", "stage"]].tolist() == ["unknown", "unknown"]


@pytest.mark.parametrize(
    ("row", "column", "problem"),
    [
        ('Café,3,"A; B; C","civil; public",network', "sector", "2 sectors for 3 partners"),
        ("Café,3,A,governmental-ish,network", "sector", "'governmental-ish' is not a sector"),
        ("Café,3,A,public,engaged", "stage", "'engaged' is not a stage"),
    ],
)
def test_a_bad_sector_or_stage_is_refused_naming_the_row_and_column(
    engine: Engine, row: str, column: str, problem: str
) -> None:
    wid = create_workshop(engine, "Partners", "facilitate-me", "lead-me-now")
    table = read_source(f"name,Learning space,partners,sector,stage\n{row}\n".encode(), "offers.csv")
    with pytest.raises(ImportRejected) as refused:
        import_offers(engine, wid, table, guess_mapping(table.header))
    [(number, where, said)] = refused.value.problems
    assert (number, where) == (2, column) and problem in render(said, "en")
    assert partners_frame(engine, wid).empty and register_frame(engine, wid).empty  # nothing changed


def test_the_registers_own_export_reads_back_with_the_comma_name_whole(engine: Engine) -> None:
    wid, _ = _import(engine, DANISH, "tilbud.csv")
    exported = register_csv(engine, wid)
    again = create_workshop(engine, "Again", "facilitate-me", "lead-me-now")
    table = read_source(exported, "offers.csv")
    import_offers(engine, again, table, guess_mapping(table.header))
    offers = register_frame(engine, again).set_index("name")
    assert offers.at["Lektiecafé", "partners"] == ["Røde Kors", "Skoleafdelingen, Vestby Kommune"]


def test_the_weak_space_flag_claims_nothing_without_a_partnership(engine: Engine) -> None:
    wid, _ = _import(engine, DANISH, "tilbud.csv")
    check = partnerships_off_weak_spaces(engine, wid)
    assert check.weak_spaces and check.checked == 0 and check.partnerships == []


def test_partners_of_unknown_stage_sit_in_a_ring_of_their_own_outside_the_circle() -> None:
    partners = pd.DataFrame(
        {"name": ["A", "B", "C"], "sector": ["unknown", "civil", "unknown"], "stage": ["unknown", "network", "unknown"]}
    )
    points = circle_points(partners)
    inner, outer = RINGS[RelationStage.UNKNOWN]
    radius = (points["x"] ** 2 + points["y"] ** 2) ** 0.5
    assert all(inner <= r <= outer for r in radius[partners["stage"] == "unknown"])
    names = {s: s for s in ("network", "collaboration", "partnership", "unknown")}
    sectors = {s: s for s in ("public", "private", "civil", "unknown")}
    figure = network_circle_figure(partners, names, sectors, "en")
    assert {trace.name for trace in figure.data} == {"unknown", "civil"}
    assert "<b>unknown</b>" in [a.text for a in figure.layout.annotations]
    known = network_circle_figure(partners[partners["stage"] != "unknown"], names, sectors, "en")
    assert "<b>unknown</b>" not in [a.text for a in known.layout.annotations]  # no empty ring
