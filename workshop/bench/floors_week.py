"""Floors and writes for the week pages; entries here override workshop.bench.floors.PAGES."""

from __future__ import annotations

from workshop.bench.floors import PageCost

PAGES: dict[str, PageCost] = {}
