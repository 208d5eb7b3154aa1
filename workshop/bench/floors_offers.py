"""Floors and writes for the offers pages; entries here override workshop.bench.floors.PAGES."""

from __future__ import annotations

from workshop.bench.floors import PageCost

PAGES: dict[str, PageCost] = {}
