"""More of the week's rules as the domain states them, without a database: which space an action concerns,
what a new workshop carries over, a partner's last stage, and the other refusals the services leave to the
domain. The services' own tests (test_themes_actions.py, test_carry_over.py, ...) check them where rows are
written."""

from __future__ import annotations

import pytest

from workshop.domain.errors import InvalidInput
from workshop.domain.loop import check_action_space
from workshop.domain.model import SPACE_KEYS


def test_an_action_concerns_one_of_the_four_spaces_or_none() -> None:
    assert check_action_space(None) is None
    for space in SPACE_KEYS:
        assert check_action_space(space) == space
    for wrong in ["kitchen", "Learning", ""]:
        with pytest.raises(InvalidInput) as refused:
            check_action_space(wrong)
        assert refused.value.message == "error.unknown_space"
        assert refused.value.params == {"field": "space", "space": wrong}
