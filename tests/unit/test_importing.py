"""The importer over files as people really have them, each with its exact outcome."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from workshop.config.messages import lines, problem_rows
from workshop.domain.errors import ImportRejected, UnreadableFile
from workshop.domain.model import DEFAULT_TARGET_GROUPS, SPACE_KEYS, Offer
from workshop.domain.offer_fields import PARTNER_FIELDS
from workshop.files.offer_cells import parse_number
from workshop.files.offer_sheet import offer_frame
from workshop.files.spreadsheet import IGNORE, guess_mapping, read_source
from workshop.services.partnership.partners import partner_register
from workshop.services.register.offer_import import import_offers
from workshop.services.register.offers import register_frame, set_target_groups
from workshop.services.workshops.lifecycle import create_workshop

DANISH = (
    "Navn;Beskrivelse;Ansvarligt team;Målgruppe;Status;Brugere pr. år;Styrke;"
    "Inspirationsrummet;Læringsrummet;Møderummet;Det performative rum;Partnere\r\n"
    "Læsekreds for voksne;Vi læser og drøfter;Voksenteamet;voksne, ældre;aktiv;1.250;4,0;2;1;3;0;"
    "Aftenskolen\r\n"
    'Lektiecafé;"Hjælp til lektier; også matematik";Børneteamet;børn;planlagt;300;3;0;3;2;0;Røde Kors Ungdom\r\n'
    "Musikværksted;Børn skaber musik;Børneteamet;børn, familier;pause;12.500;5;1;0;0;3;\r\n"
)
ENGLISH = (
    "name,description,target group,reach,strength,Inspiration space,Learning space,Meeting space,Performative space\n"
    'Baby rhyme time,"Songs, rhymes",families,1200,4,2,1,2,0\n'
    "Makerspace,3D printing,young people,800,3,0,2,0,3\n"
)


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


TWO_SHEETS = xlsx(
    {
        "Notes": [["Offers of Nordby, exported 2026"], ["see the other sheet"]],
        "Tilbud": [
            [
                "Navn",
                "Startdato",
                "Styrke",
                "Inspirationsrummet",
                "Læringsrummet",
                "Møderummet",
                "Det performative rum",
            ],
            ["Filmklub", dt.datetime(2024, 9, 1), 4, 3, 1, 2, 0],
            [None, None, None, None, None, None, None],
            ["Spilcafé", dt.datetime(2025, 1, 15), 3.0, 1, 0, 3, 2],
        ],
    }
)


def offer_fields(row: dict[str, object]) -> dict[str, object]:
    """A row of the checked frame as an offer's fields (the spaces gathered; the sheet's row number and the
    partners' sector and stage left out)."""
    plain = {k: v for k, v in row.items() if k not in (*SPACE_KEYS, *PARTNER_FIELDS) and k != "row"}
    return {**plain, "spaces": {k: row[k] for k in SPACE_KEYS}}


def read(data: bytes, name: str, sheet: str | None = None, mapping: list[str] | None = None) -> list[Offer]:
    """The offers the import stores from a file: the checked frame of workshop.files.offer_sheet, as Offers."""
    table = read_source(data, name, sheet)
    frame = offer_frame(table, mapping or guess_mapping(table.header), DEFAULT_TARGET_GROUPS)
    return [Offer.model_validate(offer_fields(row)) for row in frame.to_dict("records")]


def rejected(data: bytes, name: str) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportRejected) as caught:
        read(data, name)
    return problem_rows(caught.value.problems)


def test_a_danish_excel_csv_in_cp1252_with_semicolons_and_decimal_commas() -> None:
    data = DANISH.encode("cp1252")
    table = read_source(data, "tilbud.csv")
    assert (table.encoding, table.separator, table.row_numbers) == ("cp1252", ";", [2, 3, 4])
    offers = read(data, "tilbud.csv")
    assert [(o.name, o.reach, o.strength, o.status.value) for o in offers] == [
        ("Læsekreds for voksne", 1250, 4, "active"),
        ("Lektiecafé", 300, 3, "planned"),
        ("Musikværksted", 12500, 5, "paused"),
    ]
    assert offers[0].target_groups == ["adults", "seniors"]
    assert offers[1].description == "Hjælp til lektier; også matematik"
    assert offers[1].spaces == {"inspiration": 0, "learning": 3, "meeting": 2, "performative": 0}
    assert offers[1].partners == ["Røde Kors Ungdom"]


def test_utf8_with_bom_and_commas_reads_the_first_header_clean() -> None:
    table = read_source(b"\xef\xbb\xbf" + ENGLISH.encode(), "offers.csv")
    assert (table.encoding, table.separator, table.header[0]) == ("UTF-8 with BOM", ",", "name")
    assert [o.name for o in read(b"\xef\xbb\xbf" + ENGLISH.encode(), "offers.csv")] == ["Baby rhyme time", "Makerspace"]


def test_a_tab_separated_file_is_detected() -> None:
    data = ENGLISH.replace(",", "\t").replace('"Songs\t rhymes"', "Songs, rhymes").encode()
    table = read_source(data, "offers.txt")
    assert (table.encoding, table.separator) == ("UTF-8", "\t")
    assert read(data, "offers.txt")[0].description == "Songs, rhymes"


def test_an_xlsx_with_two_sheets_reads_the_chosen_one_and_ignores_the_date_column() -> None:
    table = read_source(TWO_SHEETS, "tilbud.xlsx", "Tilbud")
    assert (table.kind, table.sheets, table.sheet) == ("xlsx", ("Notes", "Tilbud"), "Tilbud")
    assert guess_mapping(table.header)[1] == IGNORE  # Startdato
    assert table.row_numbers == [2, 4]  # the blank row 3 is skipped, the numbering is kept
    offers = read(TWO_SHEETS, "tilbud.xlsx", "Tilbud")
    assert [(o.name, o.strength, o.primary()) for o in offers] == [
        ("Filmklub", 4, "inspiration"),
        ("Spilcafé", 3, "meeting"),
    ]


def test_an_xlsx_read_on_its_first_sheet_says_there_is_no_offer_column() -> None:
    problems = rejected(TWO_SHEETS, "tilbud.xlsx")
    assert [p[1] for p in problems] == ["name", "spaces"]


def test_an_unknown_sheet_is_named_with_the_sheets_there_are() -> None:
    with pytest.raises(UnreadableFile, match="no sheet named 'Offers'; the sheets are Notes, Tilbud"):
        read_source(TWO_SHEETS, "tilbud.xlsx", "Offers")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "Beskrivelse;Inspirationsrummet\nx;1\n",
            [(1, "name", "no column holds the offer names (e.g. 'name' or 'navn')")],
        ),
        (
            "Navn;Styrke\nx;1\n",
            [(1, "spaces", "no column holds a space (e.g. 'Inspiration space' or 'Læringsrummet')")],
        ),
        ("Navn;Name;Møderummet\nx;y;1\n", [(1, "Navn, Name", "2 columns are mapped to name; keep one")]),
        (
            "Navn;Møderummet\nLæsekreds;1\nFilm;2\nlæsekreds;3\n",
            [(4, "Navn", "'læsekreds' is already the name of row 2")],
        ),
        ("Navn;Inspirationsrummet\nKoncert;7\n", [(2, "Inspirationsrummet", "7 is not between 0 and 3")]),
        ("Navn;Styrke;Møderummet\nKoncert;3,5;1\n", [(2, "Styrke", "3,5 is not a whole number")]),
        (
            "Navn;Møderummet;Status\nKoncert;1;lukket\n",
            [(2, "Status", "'lukket' is not a status (active, planned, paused / aktiv, planlagt, pause)")],
        ),
        (
            "Navn;Møderummet;Læringsrummet\nKoncert;0;\n",
            [(2, "Læringsrummet, Møderummet", "the offer contributes to no space: give at least one space 1, 2 or 3")],
        ),
        ("Navn;Møderummet\n", [(1, "", "the file has a header but no offers below it")]),
    ],
    ids=[
        "no-name-column",
        "no-space-column",
        "duplicate-columns",
        "duplicate-names",
        "contribution-7",
        "strength-3,5",
        "unknown-status",
        "no-space",
        "header-only",
    ],
)
def test_a_bad_file_is_refused_with_each_row_column_and_problem(
    content: str, expected: list[tuple[int, str, str]]
) -> None:
    assert rejected(content.encode("cp1252"), "bad.csv") == expected


def test_every_bad_row_is_reported_not_only_the_first() -> None:
    data = "Navn;Målgruppe;Inspirationsrummet\nA;studerende;1\n;børn;1\nC;børn;x\n".encode("cp1252")
    assert rejected(data, "bad.csv") == [
        (
            2,
            "Målgruppe",
            "'studerende' is not a target group of this workshop (" + ", ".join(DEFAULT_TARGET_GROUPS) + ")",
        ),
        (3, "Navn", "the offer has no name"),
        (4, "Inspirationsrummet", "'x' is not a number"),
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\r\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not a spreadsheet (binary content)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "an old Excel file (.xls); save it as .xlsx or CSV"),
        (b"PK\x03\x04 broken zip", "not a readable XLSX workbook"),
    ],
    ids=["empty", "blank-lines", "png-named-csv", "xls", "broken-xlsx"],
)
def test_a_file_that_is_no_spreadsheet_is_named_and_refused(data: bytes, problem: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_source(data, "offers.csv")
    assert str(caught.value) == f"offers.csv: {problem}"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250", 1250),
        ("3,5", 3.5),
        ("1.250,5", 1250.5),
        ("1,250.5", 1250.5),
        ("12 500", 12500),
        ("3.5", 3.5),
        ("-2", -2),
    ],
)
def test_numbers_are_read_as_danish_excel_writes_them(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_a_header_hint_like_0_3_and_the_norwegian_and_dutch_space_names_are_recognised() -> None:
    header = ["Titel", "Inspirasjonsrommet (0-3)", "Leerruimte", "MØDERUMMET", "performative", "Samarbejdspartnere"]
    assert guess_mapping(header) == ["name", "inspiration", "learning", "meeting", "performative", "partners"]


def test_a_column_the_user_maps_by_hand_is_used() -> None:
    table = read_source(b"Hvad;Rum A\nFilmklub;2\n", "x.csv")
    assert guess_mapping(table.header) == [IGNORE, IGNORE]
    assert [o.name for o in read(b"Hvad;Rum A\nFilmklub;2\n", "x.csv", mapping=["name", "meeting"])] == ["Filmklub"]


def test_imported_offers_are_exactly_what_validating_them_gives() -> None:
    for data, name, sheet in ((DANISH.encode("cp1252"), "t.csv", None), (TWO_SHEETS, "t.xlsx", "Tilbud")):
        table = read_source(data, name, sheet)
        for row in offer_frame(table, guess_mapping(table.header), DEFAULT_TARGET_GROUPS).to_dict("records"):
            fields = offer_fields(row)
            validated = Offer.model_validate(fields).model_dump(exclude={"id", "workshop_id"}, mode="json")
            assert validated == fields


def test_a_rejected_file_changes_nothing_and_a_good_one_adds_everything(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate", "leadership")
    good = read_source(DANISH.encode("cp1252"), "tilbud.csv")
    bad = read_source((DANISH + "Koncert;;;;;;;7;0;0;0;\r\n").encode("cp1252"), "tilbud.csv")
    with pytest.raises(ImportRejected):
        import_offers(engine, wid, bad, guess_mapping(bad.header))
    assert register_frame(engine, wid).empty and partner_register(engine, wid).empty
    seen: list[float] = []
    result = import_offers(engine, wid, good, guess_mapping(good.header), progress=seen.append)
    assert (result.added, result.updated, result.new_partners) == (3, 0, 2)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert sorted(partner_register(engine, wid)["name"]) == ["Aftenskolen", "Røde Kors Ungdom"]


def test_importing_the_same_names_again_updates_instead_of_doubling(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate", "leadership")
    table = read_source(DANISH.encode("cp1252"), "tilbud.csv")
    import_offers(engine, wid, table, guess_mapping(table.header))
    again = read_source(DANISH.replace("1.250", "2.000").encode("cp1252"), "tilbud.csv")
    result = import_offers(engine, wid, again, guess_mapping(again.header))
    frame = register_frame(engine, wid)
    assert (result.added, result.updated, len(frame)) == (0, 3, 3)
    assert frame.set_index("name").loc["Læsekreds for voksne", "reach"] == 2000


def test_the_workshops_own_target_groups_are_what_an_import_accepts(engine: Engine) -> None:
    wid = create_workshop(engine, "Week", "facilitate", "leadership")
    set_target_groups(engine, wid, ["Students", "Researchers"])
    table = read_source(b"name;target group;Meeting space\nThesis clinic;students;2\nStory time;children;1\n", "x.csv")
    with pytest.raises(ImportRejected) as caught:
        import_offers(engine, wid, table, guess_mapping(table.header))
    assert problem_rows(caught.value.problems) == [
        (3, "target group", "'children' is not a target group of this workshop (Students, Researchers)")
    ]


def test_a_big_file_reports_at_most_a_thousand_problems_and_counts_the_rest(tmp_path: Path) -> None:
    data = ("Navn;Møderummet\n" + "".join(f"Tilbud {i};9\n" for i in range(1500))).encode()
    with pytest.raises(ImportRejected) as caught:
        read(data, "big.csv")
    assert (len(caught.value.problems), caught.value.count) == (1000, 1500)
    assert lines(caught.value.lines(), "en")[-1].endswith("... and 500 more")


BAD_FILES = [
    "Navn;Møderummet\nLæsekreds;1\nFilm;2\nlæsekreds;3\nFILM;0\n",
    "Navn;Inspirationsrummet;Styrke\nKoncert;7;3,5\nFilm;1;x\n;2;2\n",
    "Navn;Møderummet;Status;Målgruppe\nKoncert;1;lukket;studerende\nFilm;;aktiv;børn\nSpil;2;pause;ældre\n",
    "Navn;Møderummet;Læringsrummet;Primært rum\nKoncert;2;2;Inspirationsrummet\nFilm;2;2;Møderummet\n",
    "Navn;Møderummet;Beskrivelse\n" + "x" * 201 + ";1;a\nLang;1;" + "y" * 5001 + "\nGod;1;b\ngod;2;c\n",
]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            BAD_FILES[0],
            [
                (4, "Navn", "'læsekreds' is already the name of row 2"),
                (5, "Møderummet", "the offer contributes to no space: give at least one space 1, 2 or 3"),
            ],
        ),
        (
            BAD_FILES[1],
            [
                (2, "Inspirationsrummet", "7 is not between 0 and 3"),
                (2, "Styrke", "3,5 is not a whole number"),
                (3, "Styrke", "'x' is not a number"),
                (4, "Navn", "the offer has no name"),
            ],
        ),
        (
            BAD_FILES[2],
            [
                (2, "Status", "'lukket' is not a status (active, planned, paused / aktiv, planlagt, pause)"),
                (
                    2,
                    "Målgruppe",
                    "'studerende' is not a target group of this workshop (" + ", ".join(DEFAULT_TARGET_GROUPS) + ")",
                ),
                (3, "Møderummet", "the offer contributes to no space: give at least one space 1, 2 or 3"),
            ],
        ),
        (BAD_FILES[3], [(2, "Primært rum", "Inspiration space is not among the highest contributions")]),
        (
            BAD_FILES[4],
            [
                (2, "Navn", "the name is 201 characters long; at most 200"),
                (3, "Beskrivelse", "the description is 5,001 characters long; at most 5,000"),
                (5, "Navn", "'god' is already the name of row 4"),
            ],
        ),
    ],
    ids=["names", "numbers", "status-groups", "primary", "lengths"],
)
def test_every_problem_of_every_row_is_reported_in_row_order(
    content: str, expected: list[tuple[int, str, str]]
) -> None:
    assert rejected(content.encode("cp1252"), "bad.csv") == expected


def test_an_xlsx_table_that_starts_lower_and_further_right_keeps_the_sheets_row_numbers() -> None:
    data = xlsx(
        {"A": [[None], [None], [None, "Navn", "Møderummet", None], [None, "Film", 2.0, True], [], [None, "Spil", 1]]}
    )
    table = read_source(data, "t.xlsx")
    assert (table.header_row, table.header, table.row_numbers) == (3, ["(A)", "Navn", "Møderummet", "(D)"], [4, 6])
    assert table.rows == [[None, "Film", 2, True], [None, "Spil", 1, None]]
