"""The Import page survives a workbook that makes the spreadsheet reader abort (issue 24.1): the reader's
worker dies, the page says "this file could not be read" in the user's words, and the next file imports.
The size checks that refuse such a file first are switched off, to reach the worker; the page runs in
AppTest in a subprocess limited to 3 GB, so a regression (the reader aborting the process that serves
the page) fails this test instead of killing pytest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.unit.test_hostile_files import workbook
from tests.unit.test_sheet_worker import FAR, LIMITED, WITHOUT_CHECKS
from workshop.store.engine import URL_VARIABLE

PAGE = (
    LIMITED
    + WITHOUT_CHECKS
    + """
import sys
from tests.app.test_offers import facilitator_on
at = facilitator_on("pages/import_offers.py")
xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
at.file_uploader(key="import_file").set_value(("far.xlsx", open(sys.argv[1], "rb").read(), xlsx)).run()
print("shown:", [e.value for e in at.error] + [str(e.value) for e in at.exception])
good = "Navn;Møderummet\\nSkakklub;3\\n".encode("cp1252")
at.file_uploader(key="import_file").set_value(("tilbud.csv", good, "text/csv")).run()
next(b for b in at.button if b.label == "Import").click()
at.run()
print("then:", [s.value for s in at.success])
"""
)


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.dat", "xl/worksheets/sheet1"])
def test_the_import_page_says_the_file_could_not_be_read_and_goes_on(
    member: str, tmp_path: Path, demo_file: Path
) -> None:
    path = tmp_path / "far.xlsx"
    path.write_bytes(workbook(FAR, member=member))
    # The demo already there: the subprocess would build it at scrypt's full cost (seconds on a loaded machine).
    shutil.copyfile(demo_file, tmp_path / "app.sqlite3")
    env = {**os.environ, URL_VARIABLE: f"sqlite:///{tmp_path / 'app.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-c", PAGE, str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == [
        "shown: ['far.xlsx: this file could not be read: reading it needs more memory than the reader may take "
        "(1024 MB)']",
        "then: ['Imported — new offers: 1; updated offers: 0; new partners: 0.']",
    ]
