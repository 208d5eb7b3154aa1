"""Templates and the demo data are valid and tie together."""

from pathlib import Path

import pytest

from workshop.config.templates import TEMPLATES_DIR, demo, load_template, template, templates
from workshop.domain.errors import ConfigError
from workshop.domain.model import QuestionKind


def test_the_three_templates_load() -> None:
    assert {"four_spaces_week", "partnership_week", "internationalisation_week"} <= set(templates())


def test_the_four_spaces_week_asks_how_strong_we_are_in_every_space() -> None:
    week = template("four_spaces_week")
    assert len(week.days) == 5
    asked = {q.space for d in week.days for q in d.questions if q.kind == QuestionKind.SPACE_STRENGTH}
    assert asked == {"inspiration", "learning", "meeting", "performative"}


def test_the_internationalisation_week_surveys_the_barriers_as_multiple_choice() -> None:
    week = template("internationalisation_week")
    multiple = [q for d in week.days for q in d.questions if q.kind == QuestionKind.MULTIPLE]
    assert any("language" in " ".join(q.options).lower() for q in multiple)


def test_the_demo_is_big_enough_to_show_every_page() -> None:
    data = demo()
    assert len(data.offers) >= 40 and len(data.teams) == 6 and len(data.partners) >= 10
    week = template(data.template)
    assert len(week.main_points) >= 4 and len(data.day_status) == len(week.days)
    teams_answering = {a.team for a in data.answers}
    assert len(teams_answering) >= 4


def test_a_template_with_an_unknown_main_point_names_the_line(tmp_path: Path) -> None:
    text = (TEMPLATES_DIR / "four_spaces_week.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("kind: rating", "kind: essay", 1), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_template(broken)
    assert "kind" in caught.value.field and caught.value.line is not None
    line_text = broken.read_text(encoding="utf-8").splitlines()[caught.value.line - 1]
    assert "essay" in line_text
