"""Main points as leadership decides them (Aarhus): a point's card with its state, the approve button, and
leadership's propose form. Used on leadership's Main points page and the facilitator's week setup."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, t
from ui.widgets import bold, error_edge, plain, tr
from workshop.domain.model import MainPoint, PointStatus, Role
from workshop.services.week.planning import approve_main_point, save_main_point

FLASH = "points_flash"


def flash() -> None:
    """The confirmation the last propose or approve left for this run."""
    if message := st.session_state.pop(FLASH, None):
        st.success(message, icon="✅")


def state_caption(point: MainPoint) -> None:
    """Proposed or approved, in words."""
    st.caption(t(f"points.status.{point.status.value}"))


def approve_button(wid: int, point: MainPoint, role: Role) -> None:
    """A proposed point's approve button (nothing for an approved one)."""
    if point.status != PointStatus.PROPOSED:
        return
    if st.button(t("points.approve"), key=f"approve-point-{point.id}", type="primary"):
        with error_edge() as edge:
            approve_main_point(engine(), wid, point.id, role)
        if edge.ok:
            st.session_state[FLASH] = tr("points.approved", title=point.title)
            st.rerun()


def point_card(wid: int, point: MainPoint, role: Role) -> None:
    """One main point: its title, state, description and (when proposed) the approve button."""
    with st.container(border=True, key=f"point-card-{point.id}"):
        bold(f"{point.position}. {point.title}")
        state_caption(point)
        if point.description:
            plain(point.description)
        approve_button(wid, point, role)


def propose_form(wid: int) -> None:
    """Leadership proposes a main point: a title and a description; it waits for approval."""
    with st.form("propose-point", clear_on_submit=True, enter_to_submit=False):
        title = st.text_input(t("setup.point_title"), key="propose-point-title")
        description = st.text_area(t("setup.point_description"), key="propose-point-description")
        if st.form_submit_button(t("points.propose")):
            with error_edge() as edge:
                save_main_point(engine(), wid, title, description, role=Role.LEADERSHIP)
            if edge.ok:
                st.session_state[FLASH] = tr("points.proposed", title=title.strip())
                st.rerun()
