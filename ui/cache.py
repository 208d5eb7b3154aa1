"""Reads cached by data version: a cached result is reused until a write changes a table it reads.

Every write transaction bumps a counter per table it changed (workshop.store.versions), in the
database, so the rule holds across server instances too. A cached read names the tables it reads;
a write elsewhere leaves it cached."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from ui.context import engine, this_run
from workshop.store.versions import UNVERSIONED, WRITES_SEEN, all_versions

R = TypeVar("R")


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_call(name: str, url: str, stamp: tuple[int, ...], *args: Any) -> Any:
    # name, url and stamp are only the key; the registry maps the name back to the read.
    return _READS[name](engine(), *args)


_READS: dict[str, Callable[..., Any]] = {}


def cached(read: Callable[..., R], *tables: str) -> Callable[..., R]:
    """`read(engine, *args)` as `read(*args)` on the app's engine, cached until one of `tables` changes."""
    if not tables:
        raise ValueError(f"{read.__qualname__}: name the tables it reads")
    if unversioned := UNVERSIONED.intersection(tables):
        raise ValueError(f"{read.__qualname__}: writes to {', '.join(sorted(unversioned))} bump no version")
    name = f"{read.__module__}.{read.__qualname__}"
    _READS[name] = read

    @functools.wraps(read)
    def call(*args: Any) -> R:
        eng = engine()
        found = run_versions(eng)
        return _cached_call(name, str(eng.url), tuple(found.get(t, 0) for t in tables), *args)

    call.tables = tables  # type: ignore[attr-defined]  # what a test checks the invalidation against
    return call


def run_versions(eng: Engine) -> dict[str, int]:
    """Every table's version, read once per script run and shared by the run's cached reads (the answer page
    made three reads of the same counters). Read again after a write this process has made since, so a
    page that writes and then reads sees its own write; another server's write shows on the next run."""
    memo, key = this_run(), ("versions", str(eng.url), WRITES_SEEN.total())
    found = memo.get(key)
    if not isinstance(found, dict):
        found = memo[key] = all_versions(eng)
    return found
