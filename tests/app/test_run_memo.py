"""The session's workshop is read once a script run (issue 17), and never outlives the run or a write."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from ui.context import engine, workshop
    from workshop.services.workshops.lifecycle import current_workshop_id, update_workshop

    first = workshop()
    again = workshop()
    st.text(f"same object: {first is again}")
    wid = current_workshop_id(engine())
    update_workshop(engine(), int(wid or 0), f"Renamed {st.session_state.get('round', 0)}")
    st.text(f"after the write: {workshop().name}")  # type: ignore[union-attr]
    st.session_state["round"] = st.session_state.get("round", 0) + 1


def test_a_write_to_the_workshop_shows_in_the_same_run_and_the_next_run_reads_again(demo_db: str) -> None:
    at = AppTest.from_function(_script, default_timeout=60)
    at.run()
    assert [t.value for t in at.text] == ["same object: True", "after the write: Renamed 0"]
    at.run()
    assert [t.value for t in at.text] == ["same object: True", "after the write: Renamed 1"]
