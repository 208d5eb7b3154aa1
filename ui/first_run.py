"""A fresh server's first runs. Until some session has called st.navigation, Streamlit serves an app that has
a pages/ folder in its old pages-folder mode: a run executes app.py as a page of its own ("/"), or the page
named in the address without app.py at all ("/answer?code=..."). Every run after that executes app.py
itself. Streamlit's widget IDs include the hash of the script being run, so a widget drawn by app.py in such
a run gets another ID than in all later runs: on the session's next run it is a new widget with its default
value. That was issue 27.6: the language box fell back to English on the first Danish sign-in after a
restart, and with the labels now English the sign-in form's submit was not found, so nobody was signed in.
A page run without app.py missed the join code (issue 12.4).

Such a run is stopped before it draws anything and started again the ordinary way (once per session). This
is checked per run, not by the process-wide flag alone: after a restart many browser tabs reconnect at
once, and a run may have started in the old mode just before another session switched the flag off."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

from ui.runtime import this_run

APP_RAN = "app_ran"  # this run went through app.py (a key of the run's memo)
ASKED = "ordinary_run_asked"  # this session has asked once for an ordinary run


def _run_again_the_ordinary_way() -> None:
    if st.session_state.get(ASKED):
        return  # never a loop, whatever Streamlit does next
    st.session_state[ASKED] = True
    PagesManager.uses_pages_directory = False
    st.rerun()


def _app_runs_as_a_page() -> bool:
    """app.py is being run as a page of the pages-folder mode: the scripts' hash its widgets' IDs would
    take is a page's, not app.py's own as in every later run."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    return bool(PagesManager.uses_pages_directory) or (
        ThreadState.get().active_script_hash != ctx.pages_manager.main_script_hash
    )


def app_starts() -> None:
    """First thing in app.py, before any widget."""
    if _app_runs_as_a_page():
        _run_again_the_ordinary_way()
    this_run()[APP_RAN] = True


def page_starts() -> None:
    """First thing on a page, before any widget: a run that skipped app.py (and its language, its sign-in
    from the address, its navigation) starts again through it."""
    if not this_run().get(APP_RAN):
        _run_again_the_ordinary_way()
