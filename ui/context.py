"""Session context: the language, the workshop this session looks at (the engine and the settings: ui.runtime)."""

from __future__ import annotations

import threading

import streamlit as st

from ui.runtime import _kept_for_run, engine, this_run
from workshop.config.i18n import UI_LANGUAGES, first_visit_language, translate
from workshop.domain.errors import NotFound
from workshop.domain.model import Workshop
from workshop.services.whole.demo_language import for_visitor
from workshop.services.workshops.lifecycle import current_workshop_id
from workshop.store.versions import WRITES_SEEN

# The switch's own state ("lang") is dropped by Streamlit on a run that does not draw it; the session's
# choice is also kept here, so no run forgets it.
KEPT_LANGUAGE = "lang_kept"


# The session's language for the rest of this script run, by thread (each session's runs have a thread of
# their own): a page asks for it some 70 times a run, each through Streamlit's locked session state.
_LANGUAGE_OF_RUN = threading.local()


def lang() -> str:
    return _kept_for_run(
        _LANGUAGE_OF_RUN, lambda: str(st.session_state.get("lang") or st.session_state.get(KEPT_LANGUAGE) or "en")
    )


def speak(language: str) -> None:
    """The session speaks `language` from now on, in this run too (the one way to set it in code; the
    language switch sets it as a widget, before the run)."""
    st.session_state["lang"] = language
    _LANGUAGE_OF_RUN.held = None


def t(key: str, **params: object) -> str:
    """Translate a UI key into the session's language."""
    return translate(lang(), key, **params)


def _first_visit() -> None:
    """A session's first run speaks the join link's lang=, else the browser's language; from then on the
    session keeps its language, and the switch changes it."""
    if "lang" not in st.session_state:
        speak(
            st.session_state.get(KEPT_LANGUAGE)
            or first_visit_language(
                st.query_params.get("lang"), st.context.locale, st.context.headers.get("Accept-Language")
            )
        )
    _keep_language()


def _keep_language() -> None:
    st.session_state[KEPT_LANGUAGE] = st.session_state["lang"]


def _language_switched() -> None:
    """The switch: the session speaks the new language, and a visitor on the demo (not signed in: a
    sign-in belongs to its workshop) now sees the demo in that language."""
    _keep_language()
    chosen = st.session_state.get("workshop_id")
    if chosen is None or st.session_state.get("identity"):
        return
    try:
        choose_workshop(for_visitor(engine(), workshop_by_id(int(chosen)), lang()))
    except NotFound:
        return


def language_switch() -> None:
    _first_visit()
    st.sidebar.selectbox(  # its value is the session's "lang" (no index: the session state holds it)
        t("sidebar.language"),
        list(UI_LANGUAGES),
        format_func=lambda code: UI_LANGUAGES[code],
        key="lang",
        on_change=_language_switched,
    )


def workshop_id() -> int | None:
    """The workshop this session looks at: chosen on the home page, else the current one."""
    chosen = st.session_state.get("workshop_id")
    if chosen is not None:
        return int(chosen)
    found = current_workshop_id(engine())
    if found is not None:
        try:  # on the demo, the demo in the visitor's language
            found = for_visitor(engine(), workshop_by_id(found), lang())
        except NotFound:
            return found
        st.session_state["workshop_id"] = found
    return found


def workshop_by_id(wid: int) -> Workshop:
    """A workshop, read once a run (again after a write to the workshops table); NotFound if there is none."""
    from ui import data  # ui.data's cached reads are built on this module

    memo, key = this_run(), ("workshop", wid, WRITES_SEEN["workshops"])
    found = memo.get(key)
    if not isinstance(found, Workshop):
        found = memo[key] = data.get_workshop(wid)
    return found


def workshop() -> Workshop | None:
    """The workshop this session looks at."""
    wid = workshop_id()
    if wid is None:
        return None
    try:
        return workshop_by_id(wid)
    except NotFound:
        st.session_state.pop("workshop_id", None)
        return None


def clear_role() -> None:
    """End this session's role and everything it unlocked (the compare page's other workshops)."""
    st.session_state.pop("identity", None)
    st.session_state.pop("compare_unlocked", None)


def choose_workshop(new_id: int) -> None:
    """Look at another workshop: any sign-in belongs to the old one and ends."""
    if st.session_state.get("workshop_id") != new_id:
        st.session_state["workshop_id"] = new_id
        clear_role()


def forget_workshop() -> None:
    """After a deletion: look at the current workshop again, signed out."""
    st.session_state.pop("workshop_id", None)
    clear_role()
