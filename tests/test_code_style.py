"""The code stays ruff-clean and mypy-clean, workshop/ never imports Streamlit, and the layers import only downwards."""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_check_and_format_are_clean() -> None:
    check = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


# Where the formatter is told to keep a statement as written, and why: only where a table's layout carries
# meaning. Everything else is as `ruff format` writes it.
FORMAT_KEPT = {
    # The words files use for a column or a value, one line per language (English, Danish, Norwegian, Dutch):
    # formatted, each vocabulary would be one word a line and no one could see which language lacks a word.
    "workshop/files/offer_words.py": 6,
    # Screening answers by question, one question's four answers a line with what makes it contested.
    "tests/unit/test_screening.py": 1,
}


def test_the_formatter_is_skipped_only_where_a_table_needs_it() -> None:
    code = [
        ROOT / "app.py",
        *(p for folder in ("workshop", "ui", "pages", "bench", "tests") for p in (ROOT / folder).rglob("*.py")),
    ]
    found = {
        str(p.relative_to(ROOT)): len(re.findall(r"#\s*fmt:\s*(?:skip|off)", p.read_text(encoding="utf-8")))
        for p in code
    }
    assert {path: n for path, n in found.items() if n} == FORMAT_KEPT


def test_the_domain_never_imports_streamlit() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "workshop").rglob("*.py")
        if re.search(r"^\s*(import|from)\s+streamlit", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def _imported(path: Path) -> set[str]:
    """Every module a file imports, `from a import b` counted as both a and a.b."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def _importers(folder: str, *modules: str) -> list[str]:
    """The files under workshop/<folder> that import any of `modules` (or something inside them)."""
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "workshop" / folder).rglob("*.py")
        if any(name == m or name.startswith(m + ".") for name in _imported(p) for m in modules)
    )


def test_files_and_the_domain_never_call_the_store_or_the_services() -> None:
    """Services are the only callers of the store: files/ and domain/ take and return plain data."""
    for folder in ("files", "domain"):
        assert _importers(folder, "workshop.store", "workshop.services") == [], folder


def test_the_domain_never_reads_or_writes_files() -> None:
    assert _importers("domain", "workshop.files") == []


# The one import of config inside the domain: str(error) is an error's English text, for logs and tests, made
# from the locale files only when an error is printed (the error edge and the CLI translate it themselves).
DOMAIN_READS_CONFIG = {"workshop/domain/errors.py"}


def test_the_domain_never_reads_the_config() -> None:
    """Rules take what the data files say (the spaces model, stop words) as arguments: a rule's test needs
    no data file, and a service or the config decides which file applies."""
    assert set(_importers("domain", "workshop.config")) == DOMAIN_READS_CONFIG


def test_nothing_under_workshop_imports_the_interface() -> None:
    """The services (and everything under workshop/) know nothing of ui/, the pages or app.py."""
    assert _importers(".", "ui", "pages", "app") == []


# The services' layers, bottom first: a package (or module) of workshop/services imports only from itself and
# from the layers before it, never from one after it. workshop/services/__init__.py says what each one is for.
SERVICE_LAYERS = [
    "rows",
    "history",
    "access",
    "workshops",
    "week",
    "loop",
    "register",
    "partnership",
    "privacy",
    "whole",
]


def _layer(module: str) -> str | None:
    """The layer a dotted module name lies in (`workshop.services.week.days` -> "week"), None outside them."""
    parts = module.split(".")
    return parts[2] if parts[:2] == ["workshop", "services"] and len(parts) > 2 else None


def _upward_imports(rel: Path, source: str, layers: list[str]) -> list[str]:
    """Each import in `source` (the file `rel` under workshop/services) of a layer after its own, as
    `file:line -> module`: at the top of the file or inside a function alike."""
    own = layers.index(rel.parts[2].removesuffix(".py"))
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = ".".join(rel.with_suffix("").parts[: len(rel.parts) - node.level])
            module = ".".join(filter(None, [package if node.level else "", node.module or ""]))
            names = [module] if _layer(module) else [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            layer = _layer(name)
            if layer is not None and layers.index(layer) > own:
                found.append(f"{rel}:{node.lineno} -> {name}")
    return found


def _service_files() -> list[Path]:
    services = ROOT / "workshop" / "services"
    return sorted(p for p in services.rglob("*.py") if p != services / "__init__.py")


def test_every_service_package_has_its_place_in_the_layers() -> None:
    present = {p.relative_to(ROOT).parts[2].removesuffix(".py") for p in _service_files()}
    assert present == set(SERVICE_LAYERS)


def test_the_services_import_only_from_the_layers_below() -> None:
    """A newcomer reads the services bottom up: rows, the record of changes, access, the workshop itself, then
    the features, then what spans them. A lower layer that needs a higher one's function means the function
    lives in the wrong place: move it down."""
    upward = [
        found
        for path in _service_files()
        for found in _upward_imports(path.relative_to(ROOT), path.read_text(encoding="utf-8"), SERVICE_LAYERS)
    ]
    assert upward == []


UPWARD = """
from workshop.services.rows import TEAMS
from workshop.services import week
from . import answers


def later():
    import workshop.services.whole.reports
    from workshop.services.loop.themes import list_themes
    from ..privacy import people
"""


def test_the_layer_check_sees_every_form_of_an_upward_import() -> None:
    """The rule above would pass on nothing: in a file of `week` it finds the imports of higher layers, those
    inside a function and the relative one too, and none of the lower or its own; the services' docstring
    lists the layers in the order the rule checks."""
    found = _upward_imports(Path("workshop/services/week/days.py"), UPWARD, SERVICE_LAYERS)
    assert found == [
        "workshop/services/week/days.py:8 -> workshop.services.whole.reports",
        "workshop/services/week/days.py:9 -> workshop.services.loop.themes",
        "workshop/services/week/days.py:10 -> workshop.services.privacy",
    ]
    docstring = ast.get_docstring(ast.parse((ROOT / "workshop" / "services" / "__init__.py").read_text()))
    assert re.findall(r"^(\w+)(?:\.py)?/?\s{2,}", docstring or "", re.M) == SERVICE_LAYERS


MODULE_LINES, PAGE_LINES = 300, 120


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_modules_stay_small_and_pages_short() -> None:
    """A module a newcomer reads in one sitting (under 300 lines) and a page that reads like its screen (under
    120): the widgets and sections a page draws live in ui/."""
    code = [*(ROOT / "workshop").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    code.append(ROOT / "app.py")
    too_long = {str(p.relative_to(ROOT)): _lines(p) for p in code if _lines(p) >= MODULE_LINES}
    too_long |= {str(p.relative_to(ROOT)): _lines(p) for p in (ROOT / "pages").glob("*.py") if _lines(p) >= PAGE_LINES}
    assert too_long == {}


def test_one_module_launches_the_browser() -> None:
    """The benchmark and the browser tests launch Chromium through bench/browser.py, with one set of arguments."""
    launchers = sorted(
        str(p.relative_to(ROOT))
        for folder in ("bench", "tests", "deploy")
        for p in (ROOT / folder).rglob("*.py")
        if re.search(r"\.chromium\.launch\(|executable_path\s*=", p.read_text(encoding="utf-8"))
    )
    assert launchers == ["bench/browser.py"]


def test_the_layer_check_sees_an_import_of_the_store() -> None:
    """The rule above would pass on nothing: it finds today's services, which do import the store."""
    assert "workshop/services/whole/backup.py" in _importers("services", "workshop.store")
    assert _importers("services", "workshop.stor") == []


def test_mypy_checks_every_layer_the_app_runs() -> None:
    """mypy's own configuration names the domain, the Streamlit glue, the pages, the entry script and the
    benchmark, so a plain `mypy` (as the developers run it) checks them all."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert {"workshop", "ui", "pages", "app.py", "bench"} <= set(config["files"])


def test_the_code_type_checks() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
