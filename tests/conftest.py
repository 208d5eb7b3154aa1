"""Shared fixtures: a real SQLite file per test, a real PostgreSQL server when TEST_DATABASE_URL is set,
the command line run in-process (run_cli), and the run's own rules (the benchmark marker, the spread over cores,
figures printed at the end)."""

from __future__ import annotations

import atexit
import gc
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from sqlalchemy import Engine, select, text
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import app_test, local_script_runner

from bench.pages import components_scanned_once
from workshop.cli import main
from workshop.domain.history import COMMAND_LINE
from workshop.services.access import codes as access
from workshop.services.history import acting
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE
from workshop.store.migrations import SCHEMA_VERSION, VERSION_KEY
from workshop.store.tables import data_versions, metadata, settings, workshops

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"
RUN_BENCH = IN_CI or os.environ.get("RUN_BENCH") == "1"

# Under pytest-xdist each worker wipes and fills its own schema of the test database, never another's.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
PG_SCHEMA = f"test_{WORKER}" if WORKER else "public"


def _in_schema(url: str) -> str:
    if not url or PG_SCHEMA == "public":
        return url
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{PG_SCHEMA}"


PG_URL = _in_schema(os.environ.get("TEST_DATABASE_URL", ""))

# Passcodes are hashed with scrypt at a cost meant to slow an attacker down; the tests hash thousands
# (every demo, every sign-in), so in this process they use a small cost. A stored hash names its own
# cost, so checking a code works the same; the app's servers and CLI subprocesses keep the real cost.
TEST_SCRYPT_N = 2**4
# The real cost, for rows an app server will look up by hash (a team code is found by its hash at the
# server's cost): seed them with mock.patch.object(access, "_N", REAL_SCRYPT_N).
REAL_SCRYPT_N = access._N


@pytest.fixture(autouse=True, scope="session")
def _cheap_scrypt() -> Iterator[None]:
    real = access._N
    access._N = TEST_SCRYPT_N
    yield
    access._N = real


@pytest.fixture(autouse=True, scope="session")
def _scripts_compiled_once() -> Iterator[None]:
    """AppTest makes a new script cache for every run, so each at.run() parsed app.py and its page, added
    Streamlit's magic and compiled them again (a tenth of tests/app's time); a server compiles each script
    once. The scripts do not change while the tests run: one cache for the process."""
    shared = ScriptCache()
    with (
        mock.patch.object(app_test, "ScriptCache", lambda: shared),
        mock.patch.object(local_script_runner, "ScriptCache", lambda: shared),
    ):
        yield


@pytest.fixture(autouse=True, scope="session")
def _components_scanned_once() -> Iterator[None]:
    """Every AppTest's first run would scan every installed package for Streamlit components (~0.2 s,
    hundreds of times a suite): this process scans once (bench.pages.components_scanned_once)."""
    with components_scanned_once():
        yield


def reset_postgres(url: str) -> Engine:
    """A PostgreSQL engine on an empty schema (the test server is ours to wipe)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    return engine


@cache
def migrated_sqlite_file() -> Path:
    """A SQLite file at the current schema, made once per process: a test's copy is quicker than a migration."""
    folder = tempfile.mkdtemp(prefix="workshop-tests-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / "migrated.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection closed: the WAL is folded into the file
    return path


# The columns of each table in this worker's schema, from the catalog (information_schema's view of it is
# several times slower to ask).
_COLUMNS_IN_SCHEMA = text(
    "SELECT c.relname, count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = :schema AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped GROUP BY c.relname"
)
# Every sequence of the schema back to its start, as a new database numbers its rows from 1.
_RESTART_SEQUENCES = text(
    "SELECT setval(s.oid, 1, false) FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace "
    "WHERE n.nspname = :schema AND s.relkind = 'S'"
)


def emptied_current_schema(url: str) -> bool:
    """Empty this worker's PostgreSQL schema in place when it holds exactly the current schema (its tables,
    their columns, the schema version), as an earlier test's migrated database leaves it: every row deleted
    (children first; for the few rows a test leaves, DELETE is quicker than TRUNCATE, which makes each
    table's files anew), the sequences restarted and the data versions back to 0 — ~30 ms instead of
    ~350 ms for DROP SCHEMA and a new migration. False, and nothing done, when it does not."""
    expected = {name: len(table.columns) for name, table in metadata.tables.items()}
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            if dict(conn.execute(_COLUMNS_IN_SCHEMA, {"schema": PG_SCHEMA}).all()) != expected:
                return False
            if conn.execute(select(settings.c.value).where(settings.c.key == VERSION_KEY)).scalar() != str(
                SCHEMA_VERSION
            ):
                return False
            for table in reversed(metadata.sorted_tables):
                if table is data_versions:
                    conn.execute(data_versions.update().values(version=0))
                elif table is settings:
                    conn.execute(settings.delete().where(settings.c.key != VERSION_KEY))
                else:
                    conn.execute(table.delete())
            conn.execute(_RESTART_SEQUENCES, {"schema": PG_SCHEMA})
        return True
    finally:
        engine.dispose()


# ---- the demo, built once per process and copied ----------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@cache
def _sqlite_demo_file(lang: str) -> Path:
    """A SQLite file holding only the demo in `lang`, as create_demo makes it on a migrated, empty database."""
    path = migrated_sqlite_file().with_name(f"demo-{lang}.sqlite3")
    shutil.copyfile(migrated_sqlite_file(), path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        create_demo(engine, lang)
    finally:
        engine.dispose()  # the last connection closed: the WAL is folded into the file
    return path


@cache
def _postgres_demo_schema(lang: str) -> str:
    """A schema of this worker's own beside its test schema, holding only the demo in `lang`."""
    schema = f"{PG_SCHEMA}_demo_{lang}"
    base = os.environ["TEST_DATABASE_URL"]
    engine = make_engine(f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}")
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {_quoted(schema)} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {_quoted(schema)}"))
        migrate(engine)
        create_demo(engine, lang)
    finally:
        engine.dispose()
    return schema


_SEQUENCES_IN_SCHEMA = text(
    "SELECT s.relname FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace "
    "WHERE n.nspname = :schema AND s.relkind = 'S'"
)


def demo_copy(engine: Engine, lang: str = "en") -> int:
    """What create_demo(engine, lang) does on a migrated, empty test database, in a fraction of its time: the
    demo is built once per process (and backend and language) by create_demo itself, and each call copies
    its rows into `engine`'s database inside the database (every table, the data versions and the settings,
    and where each id counts on from: SQLite's sqlite_sequence, PostgreSQL's sequences). Returns its id.
    For tests that start from the demo; the tests of create_demo itself call it."""
    sqlite = engine.dialect.name == "sqlite"
    source = "demo" if sqlite else _quoted(_postgres_demo_schema(lang))
    target = "main." if sqlite else ""  # PostgreSQL: the search path's, this worker's schema
    tables = [_quoted(table.name) for table in metadata.sorted_tables]
    # by name: a schema an earlier run emptied in place may hold a table's columns in another order
    columns = {_quoted(t.name): ", ".join(_quoted(c.name) for c in t.columns) for t in metadata.sorted_tables}
    with engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        if sqlite:  # ATTACH is refused inside a transaction: on the driver's connection, before the BEGIN
            raw.execute("ATTACH DATABASE ? AS demo", (str(_sqlite_demo_file(lang)),))
        try:
            with conn.begin():
                for table in reversed(tables):
                    conn.exec_driver_sql(f"DELETE FROM {target}{table}")
                for table in tables:
                    conn.exec_driver_sql(
                        f"INSERT INTO {target}{table} ({columns[table]}) SELECT {columns[table]} FROM {source}.{table}"
                    )
                if sqlite:
                    conn.exec_driver_sql("DELETE FROM main.sqlite_sequence")
                    conn.exec_driver_sql("INSERT INTO main.sqlite_sequence SELECT * FROM demo.sqlite_sequence")
                else:
                    for sequence in conn.execute(
                        _SEQUENCES_IN_SCHEMA, {"schema": _postgres_demo_schema(lang)}
                    ).scalars():
                        conn.exec_driver_sql(
                            f"SELECT setval('{_quoted(PG_SCHEMA)}.{_quoted(sequence)}', last_value, is_called) "
                            f"FROM {source}.{_quoted(sequence)}"
                        )
                wid = conn.execute(select(workshops.c.id).where(workshops.c.is_demo.is_(True))).scalar_one()
        finally:
            if sqlite:
                raw.execute("DETACH DATABASE demo")
    return int(wid)


def database_url(kind: str, tmp_path: Path, *, migrated: bool = False) -> str:
    """The URL of an empty database of this kind. migrated=True: the caller migrates it at once, so a
    PostgreSQL schema already at the current version may be emptied in place instead of rebuilt."""
    if kind == "sqlite":
        path = tmp_path / "test.sqlite3"
        if migrated:
            shutil.copyfile(migrated_sqlite_file(), path)
        return f"sqlite:///{path}"
    if not PG_URL:
        if IN_CI:
            pytest.fail("CI must test PostgreSQL: TEST_DATABASE_URL is not set")
        pytest.skip("TEST_DATABASE_URL is not set")
    if not (migrated and emptied_current_schema(PG_URL)):
        reset_postgres(PG_URL).dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: a SQLite file, then the PostgreSQL server (without a schema, unless
    the test also asks for `engine`, which migrates it)."""
    return database_url(request.param, tmp_path, migrated="engine" in request.fixturenames)


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    """A migrated, empty database on each backend."""
    eng = make_engine(store_url)
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    migrate(eng)
    yield eng
    eng.dispose()


@dataclass
class CliRun:
    """What `python -m workshop` gave back, with the attributes of subprocess.run's result."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(url: str, *args: str) -> CliRun:
    """`python -m workshop ARGS` on the database at url, run in this process through workshop.cli.main
    (no interpreter to start): its exit code and what it printed to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    before = os.environ.get(URL_VARIABLE)
    os.environ[URL_VARIABLE] = url
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse refusing the arguments, as the real command would
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        if before is None:
            os.environ.pop(URL_VARIABLE, None)
        else:
            os.environ[URL_VARIABLE] = before
        gc.collect()  # the command's engines: their connections close now, not during a later test
    return CliRun(code, out.getvalue(), err.getvalue())


# ---- the run's rules ---------------------------------------------------------------------------


# Minutes-long tests that run beside the others: spread over several workers, they start first, so
# that no worker is left with one of them at the end while the others have nothing to do.
LONG_RUNNING = ("tests/reliability/", "tests/test_code_style.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_bench = pytest.mark.skip(reason="the benchmark smoke test runs in CI; locally with RUN_BENCH=1")
    for item in items:
        if "bench" in item.keywords and not RUN_BENCH:
            item.add_marker(skip_bench)
        if Path(item.path).is_relative_to(ROOT / "tests" / "e2e"):
            # The journeys on the shared app server stay on one worker (one server, one Chromium); those that
            # start a server of their own form a second group, so the two can run on two workers at once.
            group = "browser" if "server" in getattr(item, "fixturenames", ()) else "browser-own-server"
            item.add_marker(pytest.mark.xdist_group(group))
    if WORKER:  # every worker sorts alike (they must collect the same list); a run in one process keeps its order
        items.sort(key=lambda item: not ("bench" in item.keywords or item.nodeid.startswith(LONG_RUNNING)))


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (pyproject): the whole suite spreads over the machine's cores; tests named on the
    command line run in this one process (quicker to start, and --pdb works). `-n N` overrides both."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return 0 if config.args_source == pytest.Config.ArgsSource.ARGS else None


# Figures (latencies, drawing times) printed at the end of the run, whatever the capture mode; under
# pytest-xdist each worker sends its own to the main process.
FIGURES: dict[str, list[str]] = {}


def print_at_the_end(section: str, lines: list[str]) -> None:
    """Print the lines tests append to this list under `section` at the end of the run."""
    FIGURES[section] = lines


def pytest_sessionfinish(session: pytest.Session) -> None:
    sent = getattr(session.config, "workeroutput", None)
    if sent is not None:
        sent["figures"] = {section: list(lines) for section, lines in FIGURES.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    for section, lines in getattr(node, "workeroutput", {}).get("figures", {}).items():
        FIGURES.setdefault(section, []).extend(lines)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for section, lines in FIGURES.items():
        if lines:
            terminalreporter.write_sep("-", section)
            for line in lines:
                terminalreporter.write_line(line)


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """An empty, migrated SQLite file that the command line (WORKSHOP_DATABASE_URL) and the test share."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    monkeypatch.setenv("WORKSHOP_DATABASE_URL", url)
    engine = make_engine(url)
    migrate(engine)
    return engine


@pytest.fixture(scope="session", autouse=True)
def _changes_made_by_the_tests() -> Iterator[None]:
    """Every change a service makes is recorded with its author (workshop.services.history), and refused
    without one: a test's own calls, and the module and session fixtures that build a workshop (set up before
    any test's own fixtures), act as the command line does. The app under AppTest runs in its own thread,
    where the session itself answers (ui/actor.py)."""
    with acting(COMMAND_LINE):
        yield
