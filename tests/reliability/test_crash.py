"""A writer process killed with SIGKILL partway through a stream of answers: every answer it reported
as saved is there when the database is opened again, and SQLite's integrity check says ok."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from sqlalchemy import Engine, select, text

from tests.conftest import ROOT
from tests.reliability.conftest import open_week
from workshop.store import make_engine, migrate, read
from workshop.store.tables import responses

REPORTED_BEFORE_KILL = 60


def test_answers_reported_saved_survive_a_killed_writer(engine: Engine) -> None:
    week = open_week(engine, teams=6)  # 6 x 27 answers: far more than the writer gets to write
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_writer", url, str(week.workshop_id)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    reported = []
    for line in writer.stdout:
        reported.append(line.rstrip("\n"))
        if len(reported) == REPORTED_BEFORE_KILL:
            os.kill(writer.pid, signal.SIGKILL)  # mid-stream: the next answer is being written
            break
    reported += writer.stdout.read().splitlines()  # anything it printed before it died counts too
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL, f"the writer was not killed partway: {writer.stderr.read()}"
    assert len(reported) >= REPORTED_BEFORE_KILL

    reopened = make_engine(url)
    migrate(reopened)
    with read(reopened) as conn:
        rows = {r.id: r for r in conn.execute(select(responses))}
        if reopened.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    for line in reported:
        _, response_id, team_id, question_id, answer = line.split(" ", 4)
        row = rows.get(int(response_id))
        assert row is not None, f"reported saved but lost: {line}"
        assert (row.team_id, row.question_id, row.text) == (int(team_id), int(question_id), answer)
    assert len(reported) <= len(rows) <= len(reported) + 1  # at most the one in flight, never half of it
    reopened.dispose()
