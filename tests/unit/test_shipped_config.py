"""The app ships with the fast configuration, and every server the benchmarks and tests start runs as the
README runs it (issue 25): the file watcher is off in .streamlit/config.toml, and no script passes the
watcher's flag, which would measure something other than what ships."""

import re
import tomllib

from tests.conftest import ROOT


def test_the_shipped_configuration_watches_no_files() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["headless"] is True
    assert config["browser"]["gatherUsageStats"] is False


def test_no_server_is_started_with_settings_of_its_own_beyond_its_address() -> None:
    """Servers are started with the README's `streamlit run app.py` plus a port and an address: a watcher,
    headless or statistics flag would make them differ from what ships."""
    flag = re.compile(r"server\.fileWatcherType|server\.headless|browser\.gatherUsageStats|server\.runOnSave")
    starters = [*(ROOT / "bench").glob("*.py"), *(ROOT / "deploy").glob("*.py"), *(ROOT / "tests").rglob("*.py")]
    here = __file__
    passing = [str(p.relative_to(ROOT)) for p in starters if str(p) != here and flag.search(p.read_text("utf-8"))]
    assert passing == []
