"""Templates and the demo data are valid, tie together, and exist in every content language with the
same structure (a missing or half-done translation fails here)."""

from pathlib import Path

import pytest

from workshop.config.templates import TEMPLATES_DIR, Template, demo, load_template, template, templates
from workshop.domain.errors import ConfigError, NotFound
from workshop.domain.model import LANGUAGES, QuestionKind

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


def _shape(week: Template) -> object:
    """Everything but the words: keys, kinds, spaces, links and the number of options."""
    points = [(p.key, tuple(p.spaces)) for p in week.main_points]
    days = [[(q.kind, q.main_point, q.space, len(q.options)) for q in d.questions] for d in week.days]
    return week.key, points, days


def _words(week: Template) -> list[str]:
    return [
        week.name,
        week.description,
        *(p.title for p in week.main_points),
        *(d.title for d in week.days),
        *(q.text for d in week.days for q in d.questions),
    ]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_template_exists_in_every_language_with_the_same_structure(lang: str) -> None:
    english, translated = templates("en"), templates(lang)
    assert set(translated) == set(english)
    for key, week in translated.items():
        assert week.language == lang
        assert _shape(week) == _shape(english[key]), f"{lang}/{key}.yaml differs in structure from en/{key}.yaml"
        same = [w for w, e in zip(_words(week), _words(english[key]), strict=True) if w == e]
        assert same == [], f"{lang}/{key}.yaml still has English text: {same[:3]}"


def test_a_language_without_templates_is_refused() -> None:
    with pytest.raises(NotFound, match="not 'sv'"):
        templates("sv")


def test_a_template_file_may_not_name_its_own_language(tmp_path: Path) -> None:
    folder = tmp_path / "da"
    folder.mkdir()
    text = (TEMPLATES_DIR / "da" / "four_spaces_week.yaml").read_text(encoding="utf-8")
    (folder / "four_spaces_week.yaml").write_text("language: en\n" + text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_template(folder / "four_spaces_week.yaml")
    assert caught.value.field == "language" and caught.value.line == 1


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


KEPT = {
    "code",
    "facilitator_code",
    "leadership_code",
    "template",
    "day_status",
    "sector",
    "stage",
    "status",
    "scope",
    "stance",
    "target_groups",
    "spaces",
    "verdict",
    "answers",  # a screening's letters
}


def _skeleton(node: object, key: str = "") -> object:
    """The demo without its words: every number, key, status and list length, strings as a dot."""
    if isinstance(node, dict):
        return {k: _skeleton(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_skeleton(v, key) for v in node]
    return node if key in KEPT or not isinstance(node, str) else "·"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_demo_exists_in_every_language_with_the_same_structure_and_its_choices_translated(lang: str) -> None:
    english, translated = demo("en"), demo(lang)
    assert _skeleton(translated.model_dump(mode="json")) == _skeleton(english.model_dump(mode="json"))
    week_en, week = template(english.template, "en"), template(translated.template, lang)
    for ours, theirs in zip(translated.answers, english.answers, strict=True):
        asked_en, asked = (w.days[ours.day - 1].questions[ours.question - 1] for w in (week_en, week))
        assert [asked.options.index(c) for c in ours.choices] == [asked_en.options.index(c) for c in theirs.choices]
        assert (ours.text == "") == (theirs.text == "") and (not ours.text or ours.text != theirs.text)
    assert [t.name for t in translated.teams] != [t.name for t in english.teams]


def test_a_template_with_an_unknown_main_point_names_the_line(tmp_path: Path) -> None:
    text = (TEMPLATES_DIR / "en" / "four_spaces_week.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("kind: rating", "kind: essay", 1), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_template(broken)
    assert "kind" in caught.value.field and caught.value.line is not None
    line_text = broken.read_text(encoding="utf-8").splitlines()[caught.value.line - 1]
    assert "essay" in line_text
