"""The one page arithmetic every long list uses: which slice a page shows."""

import pytest

from workshop.domain.paging import page_span


@pytest.mark.parametrize(
    ("count", "size", "asked", "shown"),
    [
        (0, 10, 0, (0, 1, 0, 0)),  # nothing yet: one empty page
        (25, 10, 0, (0, 3, 0, 10)),
        (25, 10, 2, (2, 3, 20, 25)),  # the last page holds the rest
        (25, 10, 7, (2, 3, 20, 25)),  # past the end (a filter left fewer items): the last page
        (25, 10, -1, (0, 3, 0, 10)),
        (30, 10, 2, (2, 3, 20, 30)),
    ],
)
def test_a_page_shows_its_slice_and_a_page_out_of_range_the_nearest(count, size, asked, shown):
    span = page_span(count, size, asked)
    assert (span.number, span.pages, span.start, span.stop) == shown
    assert span.count == count
