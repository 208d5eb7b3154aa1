"""The workbook writer: what goes in comes back out of openpyxl, cell for cell; text is never a formula."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from workshop.files.xlsx import workbook


def test_values_come_back_with_their_types_and_empty_cells_stay_empty() -> None:
    rows = [
        ["name", "n", "share", "ok", "gap"],
        ['Café <b>&</b> "quiet"', 3, 0.25, True, None],
        ["  spaced  ", -1, 1e20, False, "x"],
    ]
    book = load_workbook(io.BytesIO(workbook([("answers", rows)])))
    assert book.sheetnames == ["answers"]
    assert [list(r) for r in book["answers"].iter_rows(values_only=True)] == rows


def test_characters_xml_cannot_hold_are_dropped_not_the_whole_file() -> None:
    book = load_workbook(io.BytesIO(workbook([("s", [["bell\x07 and tab\tkept"]])])))
    assert book["s"]["A1"].value == "bell and tab\tkept"


def test_wide_sheets_and_several_sheets_keep_their_order() -> None:
    wide = [list(range(30))]
    book = load_workbook(io.BytesIO(workbook([("first", wide), ("second", [["only"]]), ("empty", [])])))
    assert book.sheetnames == ["first", "second", "empty"]
    assert [c.value for c in book["first"][1]] == list(range(30))


def test_text_that_looks_like_a_formula_or_number_stays_text() -> None:
    book = load_workbook(io.BytesIO(workbook([("s", [["=1+1", "0042", "http://x.example"]])])))
    assert [c.value for c in book["s"][1]] == ["=1+1", "0042", "http://x.example"]
    assert book["s"]["A1"].data_type == "s"
