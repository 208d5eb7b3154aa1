"""Page arithmetic for every long list: which slice a page shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """Page `number` (0-based) of `pages`: items start..stop (stop excluded) of `count`."""

    number: int
    pages: int
    start: int
    stop: int
    count: int


def page_span(count: int, size: int, number: int) -> Span:
    """The slice page `number` (0-based) shows of `count` items, `size` a page; a page before the first
    shows the first, one past the end the last (a filter may have left fewer items since)."""
    pages = max(1, -(-count // size))
    number = min(max(0, number), pages - 1)
    start = number * size
    return Span(number, pages, start, min(start + size, count), count)
