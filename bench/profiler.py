"""Where one page's time goes: `python -m bench.profiler --size L --role leadership --page overview.py`.
Builds the size, signs in, makes the page's write, then profiles the page's run (or, with --repeat, the run
after it) with pyinstrument
(requirements-dev.txt) and prints the call tree (one run only: a slow page at L takes minutes)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest

from bench.floors import write_for
from bench.pages import APP, TIMEOUT, _identity
from bench.synthetic import SIZES, build
from workshop.domain.model import Role
from workshop.store import make_engine, migrate
from workshop.store.engine import URL_VARIABLE


def main() -> None:
    from pyinstrument import Profiler

    parser = argparse.ArgumentParser(prog="python -m bench.profiler", description=__doc__)
    parser.add_argument("--size", default="L", choices=list(SIZES))
    parser.add_argument("--role", default="leadership", choices=[r.value for r in Role])
    parser.add_argument("--page", default="overview.py", help="a file in pages/")
    parser.add_argument(
        "--repeat", action="store_true", help="profile a repeat run (the page run once more after the write)"
    )
    parser.add_argument("--all", action="store_true", help="show every frame (pyinstrument's show_all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="workshop-profile-") as folder:
        url = f"sqlite:///{Path(folder) / 'profile.sqlite3'}"
        os.environ[URL_VARIABLE] = url
        engine = make_engine(url)
        migrate(engine)
        fx = build(engine, SIZES[args.size])
        at = AppTest.from_file(APP, default_timeout=TIMEOUT * 5)
        at.session_state["workshop_id"] = fx.workshop_id
        at.session_state["identity"] = _identity(engine, Role(args.role), fx)
        at.run()
        write_for(args.page)[0](engine, fx)
        at.switch_page(f"pages/{args.page}")
        if args.repeat:
            at.run()
        # AppTest runs the script in a thread of its own: profile inside that thread.
        profiler = Profiler(async_mode="disabled")
        original = ScriptRunner._run_script

        def profiled(self: ScriptRunner, *args: object, **kwargs: object) -> None:
            profiler.start()
            try:
                original(self, *args, **kwargs)  # type: ignore[arg-type]
            finally:
                profiler.stop()

        ScriptRunner._run_script = profiled  # type: ignore[method-assign]
        try:
            at.run()
        finally:
            ScriptRunner._run_script = original  # type: ignore[method-assign]
        print(profiler.output_text(unicode=True, color=False, show_all=args.all))


if __name__ == "__main__":
    main()
