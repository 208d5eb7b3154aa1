"""The app's runtime: its settings (the environment, else .streamlit/secrets.toml), the database engine,
and what is kept for one script run. The lowest of the ui modules: it imports none of them."""

from __future__ import annotations

import ctypes
import gc
import os
import threading
import time
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar, cast

import streamlit as st
from sqlalchemy import Engine
from streamlit.runtime.scriptrunner import get_script_run_ctx

from workshop.services.access.owner import OWNER_VARIABLE
from workshop.services.privacy.retention import keep_retention
from workshop.services.whole.demo import create_demo
from workshop.services.workshops.lifecycle import list_workshops
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE

T = TypeVar("T")

# Seconds a missing secrets file is taken as missing. Streamlit keeps a secrets file it has read, but not
# the absence of one: without a file, every st.secrets lookup reads the config, tries to open both paths
# and raises, and the settings are asked for on every script run (the owner code) or many times a run (the
# database URL, when the environment does not name it). A file added while the server runs counts from
# the next lookup after this many seconds.
NO_SECRETS_FOR = 10.0
_no_secrets_until = [0.0]
_no_secrets_of: list[object] = [None]  # the st.secrets that had no file


def secrets_section(name: str) -> Mapping[str, Any]:
    """A section of .streamlit/secrets.toml ({} without one, or without a file Streamlit can read), a missing
    file remembered as _setting remembers it: single sign-on asks on every script run whether it is set up.
    Remembered for this st.secrets only (AppTest gives each run with secrets its own)."""
    if _no_secrets_of[0] is st.secrets and time.monotonic() < _no_secrets_until[0]:
        return {}
    try:
        if not st.secrets.load_if_toml_exists():  # no file (or one Streamlit cannot read): remembered
            _no_secrets_until[0], _no_secrets_of[0] = time.monotonic() + NO_SECRETS_FOR, st.secrets
            return {}
        found = st.secrets.get(name)  # a file without this section: not remembered, the other settings stay
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        found = None
    return found if isinstance(found, Mapping) else {}


def _setting(name: str) -> str | None:
    """A setting from the environment, else from .streamlit/secrets.toml."""
    if os.environ.get(name):
        return os.environ[name]
    if _no_secrets_of[0] is st.secrets and time.monotonic() < _no_secrets_until[0]:
        return None
    try:
        value = st.secrets.get(name)
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        _no_secrets_until[0], _no_secrets_of[0] = time.monotonic() + NO_SECRETS_FOR, st.secrets
        value = None
    return str(value) if value else None


def _database_url() -> str | None:
    """WORKSHOP_DATABASE_URL from the environment, else from .streamlit/secrets.toml, else the default."""
    return _setting(URL_VARIABLE)


def configured_owner_code() -> str:
    """WORKSHOP_OWNER_CODE from the environment or the secrets file ('' when the first run sets it)."""
    return (_setting(OWNER_VARIABLE) or "").strip()


@st.cache_resource(show_spinner=False)
def _engine_for(url: str | None) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    if not list_workshops(engine):
        create_demo(engine)
    keep_retention(engine)  # personal data past its retention period erased now and daily (issue 30)
    return engine


def engine() -> Engine:
    """The app's database, migrated, with the demo workshop on an empty database. Kept for the script run:
    a run asks for it a dozen times, and each st.cache_resource lookup costs more than a small query."""
    return _kept_for_run(_ENGINE_OF_RUN, lambda: _engine_for(_database_url()))


_ENGINE_OF_RUN = threading.local()


def _kept_for_run(kept: threading.local, make: Callable[[], T]) -> T:
    """make(), made once per script run of this session and kept in `kept` (by thread: each session's runs
    have their own; Streamlit makes a new `cursors` dict for every run, see this_run); made every time
    outside a script run."""
    ctx = get_script_run_ctx(suppress_warning=True)
    marker = ctx.cursors if ctx is not None else None
    held = getattr(kept, "held", None)
    if marker is not None and held is not None and held[0] is marker:
        return cast(T, held[1])
    made = make()
    if marker is not None:
        kept.held = (marker, made)
    return made


def database_key() -> str:
    """Which database this session uses, as a cache key (the setting, or '' for the default file)."""
    return _database_url() or ""


# glibc's mallopt parameter for the size from which a block is a mapping of its own, returned when freed.
M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 4 << 20


def give_large_blocks_back() -> None:
    """Each team code's scrypt takes a 16 MB buffer. glibc keeps freed blocks in per-thread arenas, and
    once a large block has been freed it stops mapping blocks of that size on their own: 16 teams joining
    at once left the server 256 MB bigger for good (10 MB a session at N=20 in the crowd benchmark). A
    fixed 4 MB threshold gives such blocks back to the system when freed. Nothing to do where the C
    library is not glibc."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)
    except (OSError, AttributeError):
        return


give_large_blocks_back()  # once per process, on the first import (before any join)


@cache  # once per process
def freeze_what_is_loaded() -> None:
    """Once per server process, after a first script run has loaded the app (its modules, Streamlit's,
    pandas', plotly's; the YAML models): those objects live as long as the process, so Python's collector is
    told to leave them out (gc.freeze). Its full collections then walk only what sessions made since: they
    were ~12 % of the server's time under the GIL when 60 teams opened their links at once."""
    gc.collect()
    gc.freeze()


_MEMO_OF_RUN = threading.local()


def this_run() -> dict[object, object]:
    """Reads kept for the rest of this script run: app.py, the gate and the page each ask for the session's
    workshop, which is one query, not five (issue 17). A new dict every run (see _kept_for_run)."""
    return _kept_for_run(_MEMO_OF_RUN, dict)
