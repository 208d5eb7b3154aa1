"""`import-offers` reads a Norwegian sheet as people write it, says which columns it left out, and takes
--map for the rest (issue 13.6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from workshop.cli import main
from workshop.services.register.offers import register_frame
from workshop.services.workshops.lifecycle import create_workshop

NORWEGIAN = (
    "Navn;Beskrivelse;Ansvarlig avdeling;Målgrupper;Status;Brukere per år;Styrke;"
    "Inspirasjonsrom;Læringsrom;Møterom;Performativt rom;Merknad;Antall\n"
    "Leksehjelp;Hjelp med lekser;Barn og unge;Barn, ungdom;Pågår;1.250;4;0;3;1;0;ring Kari;12\n"
    "Strikkekafé;Vi strikker sammen;Voksne;Voksne, eldre;Planlagt;300;3;1;0;3;1;;7\n"
    "Sommerles;Lesekampanje;Barn og unge;Barn;På pause;2.400;5;2;3;0;0;;3\n"
)


@pytest.fixture
def norwegian_file(tmp_path: Path) -> Path:
    path = tmp_path / "tilbud.csv"
    path.write_bytes(NORWEGIAN.encode("cp1252"))
    return path


def test_a_norwegian_sheet_is_read_with_its_reach_and_the_ignored_columns_are_named(
    cli_db: Engine, norwegian_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wid = create_workshop(cli_db, "Uke", "facilitate", "leadership")
    assert main(["import-offers", str(wid), str(norwegian_file)]) == 0
    out = capsys.readouterr().out
    assert "ignored columns (not read): 'Merknad', 'Antall'" in out
    assert "added 3, updated 0 offers" in out
    register = register_frame(cli_db, wid).set_index("name")
    assert register.loc["Leksehjelp", "reach"] == 1250  # `Brukere per år` used to be dropped: every reach 0
    assert register.loc["Sommerles", "reach"] == 2400
    assert register.loc["Strikkekafé", "status"] == "planned"
    assert register.loc["Sommerles", "status"] == "paused"
    assert list(register.loc["Strikkekafé", "target_groups"]) == ["adults", "seniors"]
    assert register.loc["Leksehjelp", "learning"] == 3 and register.loc["Strikkekafé", "meeting"] == 3


def test_map_reads_a_column_the_headers_do_not_name(
    cli_db: Engine, norwegian_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wid = create_workshop(cli_db, "Uke", "facilitate", "leadership")
    args = ["import-offers", str(wid), str(norwegian_file), "--map", "brukere per år=ignore, Antall=reach"]
    assert main(args) == 0
    assert "ignored columns (not read): 'Brukere per år', 'Merknad'" in capsys.readouterr().out
    register = register_frame(cli_db, wid).set_index("name")
    assert register["reach"].to_dict() == {"Leksehjelp": 12, "Strikkekafé": 7, "Sommerles": 3}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Antall", "--map 'Antall': write Header=field"),
        ("Besøk=reach", "--map: no column is headed 'Besøk'"),
        ("Antall=visitors", "--map 'Antall=visitors': 'visitors' is not a field"),
    ],
)
def test_a_wrong_map_is_a_one_line_error_and_imports_nothing(
    cli_db: Engine, norwegian_file: Path, capsys: pytest.CaptureFixture[str], spec: str, message: str
) -> None:
    wid = create_workshop(cli_db, "Uke", "facilitate", "leadership")
    assert main(["import-offers", str(wid), str(norwegian_file), "--map", spec]) == 2
    assert message in capsys.readouterr().err
    assert register_frame(cli_db, wid).empty
