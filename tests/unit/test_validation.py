"""The one validation helper: bad fields become InvalidInput naming them, good ones a model."""

import pytest

from workshop.domain.errors import InvalidInput
from workshop.domain.messages import message
from workshop.domain.model import NewDay, Offer
from workshop.domain.scoring import Thresholds
from workshop.domain.validation import validated


def test_good_fields_give_the_model():
    day = validated(NewDay, {"title": "Monday", "date": None})
    assert day.title == "Monday"


def test_a_bad_field_is_named_in_the_message_and_the_error():
    with pytest.raises(InvalidInput, match=r"^title: ") as caught:
        validated(NewDay, {"title": "", "date": None})
    assert caught.value.params["field"] == "title"


def test_every_bad_field_is_listed_after_what_was_checked():
    with pytest.raises(InvalidInput) as caught:
        validated(Offer, {"name": "", "strength": 9, "spaces": {}}, message("subject.offer", name="x"), offer="x")
    said = str(caught.value)
    assert said.startswith("Offer 'x': name: cannot be empty") and "strength: at most 5" in said
    assert (caught.value.params["field"], caught.value.params["offer"]) == ("name", "x")


@pytest.mark.parametrize(
    ("values", "field"), [({"weak_gap": 2}, "weak_gap"), ({"strong_strength": -1}, "strong_strength")]
)
def test_a_threshold_out_of_range_is_named(values, field):
    with pytest.raises(InvalidInput, match=rf"^{field.replace('_', ' ')}: ") as caught:
        validated(Thresholds, values)
    assert caught.value.params["field"] == field
