"""Reads cached by data version: a cached result is reused until a write changes a table it reads.

Every write transaction bumps a counter per table it changed (workshop.store.versions), in the
database, so the rule holds across server instances too. A cached read names the tables it reads;
a write elsewhere leaves it cached."""

from __future__ import annotations

import functools
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine

from ui.runtime import engine, this_run
from workshop.store.versions import UNVERSIONED, WRITES_COUNTED, all_versions, forget_versions

R = TypeVar("R")


# The results, pickled: every caller gets its own copy to change as it likes (as st.cache_data gives), and
# the newest are kept, up to MAX_ENTRIES results and MAX_BYTES in all (a team's own answers are one entry
# per team: 60 teams at 9:00 and the shared reads must fit together). Kept here rather than in
# st.cache_data, whose bookkeeping (hashing each argument, replaying elements) cost more than the read it
# saved on a page with three cached reads: the answer page at 9:00 (issue 25).
MAX_ENTRIES = 512
MAX_BYTES = 64 << 20
_KEPT: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
_KEPT_BYTES = [0]
_KEPT_LOCK = threading.Lock()
_MAKING: dict[tuple[Any, ...], threading.Lock] = {}  # a result being read: one reader, the others wait


def _kept(key: tuple[Any, ...]) -> bytes | None:
    with _KEPT_LOCK:
        found = _KEPT.get(key)
        if found is not None:
            _KEPT.move_to_end(key)
        return found


def _cached_call(name: str, url: str, stamp: tuple[int, ...], *args: Any) -> Any:
    """The read's result for these arguments at these table versions: from the cache, or read once (the
    sessions that ask for it meanwhile wait for that read instead of making their own)."""
    key = (name, url, stamp, _hashable(args))
    found = _kept(key)
    if found is None:
        with _KEPT_LOCK:
            making = _MAKING.setdefault(key, threading.Lock())
        with making:
            found = _kept(key)
            if found is None:
                try:
                    found = pickle.dumps(_READS[name](engine(), *args), protocol=pickle.HIGHEST_PROTOCOL)
                finally:
                    with _KEPT_LOCK:
                        _MAKING.pop(key, None)
                _keep(key, found)
    return pickle.loads(found)


def _keep(key: tuple[Any, ...], found: bytes) -> None:
    with _KEPT_LOCK:
        _KEPT_BYTES[0] += len(found) - len(_KEPT.pop(key, b""))
        _KEPT[key] = found
        while _KEPT and (len(_KEPT) > MAX_ENTRIES or _KEPT_BYTES[0] > MAX_BYTES):
            _KEPT_BYTES[0] -= len(_KEPT.popitem(last=False)[1])


def _hashable(args: tuple[Any, ...]) -> Any:
    try:
        hash(args)
    except TypeError:  # a list or a dict among the arguments: its pickle is the key
        return pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
    return args


def forget_all() -> None:
    """Empty the cache (a test or the benchmark that starts on an emptied database under the same URL)."""
    with _KEPT_LOCK:
        _KEPT.clear()
        _KEPT_BYTES[0] = 0
    forget_versions()


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
    memo, key = this_run(), ("versions", str(eng.url), WRITES_COUNTED[0])
    found = memo.get(key)
    if not isinstance(found, dict):
        found = memo[key] = all_versions(eng)
    return found
