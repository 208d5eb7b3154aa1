"""Take docs/screenshot.png: the demo workshop's home page in headless Chromium, on a fresh database.

Usage: .venv/bin/python -m tests.e2e.screenshot [OUT.png]"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.browser import chromium
from tests.conftest import ROOT
from tests.e2e.conftest import start_server, stop_server, wait_healthy
from tests.e2e.driver import open_app

OUT = ROOT / "docs" / "screenshot.png"


def main(out: Path = OUT) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "streamlit.log"
        server = start_server(f"sqlite:///{Path(folder) / 'screenshot.sqlite3'}", log)
        try:
            base = wait_healthy(server, log)
            with chromium() as browser:
                page = browser.new_page(viewport={"width": 1280, "height": 1200}, base_url=base)
                open_app(page)
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out))
        finally:
            stop_server(server)
    return out


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
