"""spaces.yaml: the model as the authors drew it, and broken files named precisely."""

from pathlib import Path

import pytest

from workshop.config.spaces import load_spaces, spaces
from workshop.domain.errors import ConfigError

GOOD = Path(__file__).resolve().parents[2] / "data" / "spaces.yaml"


def test_the_four_spaces_sit_between_the_aims_of_the_model() -> None:
    model = spaces()
    assert list(model.spaces) == ["inspiration", "learning", "meeting", "performative"]
    assert model.spaces["inspiration"].aims == ("experience", "innovation")
    assert model.spaces["learning"].aims == ("experience", "empowerment")
    assert model.spaces["meeting"].aims == ("empowerment", "involvement")
    assert model.spaces["performative"].aims == ("involvement", "innovation")
    assert model.spaces_of_aim("involvement") == ("meeting", "performative")


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "Meeting space"), ("da", "Møderummet"), ("nb", "Møterommet"), ("nl", "Ontmoetingsruimte")],
)
def test_spaces_have_names_in_four_languages(lang: str, name: str) -> None:
    assert spaces().space_name("meeting", lang) == name
    assert spaces().key_for_name(name.upper()) == "meeting"


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "spaces.yaml"
    broken.write_text(GOOD.read_text(encoding="utf-8").replace("aims: [experience, innovation]", "aims: [exp"))
    with pytest.raises(ConfigError) as caught:
        load_spaces(broken)
    assert str(broken) in str(caught.value)
    assert caught.value.line is not None and caught.value.line > 20


def test_a_bad_value_names_the_key_and_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "spaces.yaml"
    text = GOOD.read_text(encoding="utf-8").replace('colour: "#004488"', 'colour: "blue"')
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_spaces(broken)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if '"blue"' in row)
    assert caught.value.field == "spaces.learning.colour"
    assert caught.value.line == line
    assert "spaces.learning.colour" in str(caught.value) and f"line {line}" in str(caught.value)


def test_a_missing_space_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "spaces.yaml"
    text = GOOD.read_text(encoding="utf-8")
    broken.write_text(text.split("  performative:")[0], encoding="utf-8")
    with pytest.raises(ConfigError, match="spaces must be"):
        load_spaces(broken)
