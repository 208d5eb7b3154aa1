"""`python -m workshop scores ID` (in-process): the same figures as the strengths page, as JSON or a table."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from workshop.domain.scoring import SCORE_COLUMNS, score_records
from workshop.services.register.strengths import save_weights, workshop_scores
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate


def test_scores_as_json_give_the_figures_of_the_stored_weights(store_url: str) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    wid = create_demo(engine)
    save_weights(engine, wid, {"inspiration": 5, "learning": 1, "meeting": 3, "performative": 4})
    expected = workshop_scores(engine, wid)
    engine.dispose()
    done = run_cli(store_url, "scores", str(wid))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [s["key"] for s in data["spaces"]] == ["inspiration", "learning", "meeting", "performative"]
    assert [a["key"] for a in data["aims"]] == ["experience", "involvement", "empowerment", "innovation"]
    assert set(data["spaces"][0]) == set(SCORE_COLUMNS)
    assert data["spaces"] == score_records(expected.spaces)
    assert data["aims"] == score_records(expected.aims)
    assert data["spaces"][0]["target_share"] == round(5 / 13, 4)


def test_scores_as_a_table_name_every_space_and_aim(store_url: str) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    wid = create_demo(engine)
    engine.dispose()
    done = run_cli(store_url, "scores", str(wid), "--format", "table")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "spaces:" and "target share" in lines[1]
    for key in ("inspiration", "performative", "experience", "innovation"):
        assert any(line.startswith(key) for line in lines)


def test_scores_of_an_unknown_workshop_say_so(store_url: str) -> None:
    engine = make_engine(store_url)
    migrate(engine)
    engine.dispose()
    done = run_cli(store_url, "scores", "404")
    assert done.returncode == 2
    assert "No workshop 404" in done.stderr and "Traceback" not in done.stderr
