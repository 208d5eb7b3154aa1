"""The facilitator's checklist of the week on the home page: each step, its state and a link to its page."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, t
from workshop.domain.checklist import Step, StepKey, StepState
from workshop.services.guide import week_checklist

# Where each step is done (a page of the facilitator's navigation) and the menu title of that page.
STEP_PAGE: dict[StepKey, tuple[str, str]] = {
    StepKey.OFFERS: ("import_offers.py", "nav.import_offers"),
    StepKey.TEAMS: ("teams.py", "nav.teams"),
    StepKey.MAPPING_OPENED: ("mapping_review.py", "nav.mapping_review"),
    StepKey.MAPPING_CLOSED: ("mapping_review.py", "nav.mapping_review"),
    StepKey.MAPPING_RESOLVED: ("mapping_review.py", "nav.mapping_review"),
    StepKey.WEEK_PLANNED: ("week_setup.py", "nav.week_setup"),
    StepKey.PROJECTOR: ("morning.py", "nav.morning"),
    StepKey.DAYS_OPENED: ("week_setup.py", "nav.week_setup"),
    StepKey.DAYS_CLOSED: ("week_setup.py", "nav.week_setup"),
    StepKey.QUOTES: ("morning.py", "nav.morning"),
    StepKey.HANDOVER: ("week_log.py", "nav.week_log"),
}
STATE_ICON = {StepState.DONE: "✅", StepState.NOW: "👉", StepState.TODO: "⬜"}


def step_line(step: Step) -> str:
    """The step's name, its state in words and, for a step of several parts, how many are done."""
    name, state = t(f"checklist.step.{step.key.value}"), t(f"checklist.state.{step.state.value}")
    line = f"{STATE_ICON[step.state]} **{name}** · {state}"
    if step.progress.total > 1:
        line += " · " + t("checklist.progress", done=step.progress.done, total=step.progress.total)
    return line


def week_checklist_section(workshop_id: int) -> None:
    """The checklist: the step to do now stands out in a frame with its hint; every step links to its page."""
    st.subheader(t("checklist.title"))
    st.caption(t("checklist.help"))
    for step in week_checklist(engine(), workshop_id):
        page, title = STEP_PAGE[step.key]
        with st.container(border=step.state == StepState.NOW, key=f"checklist-{step.key.value}"):
            st.markdown(step_line(step))  # fixed wording from the locales: no user text in it
            if step.state != StepState.DONE:
                st.caption(t(f"checklist.hint.{step.key.value}"))
            st.page_link(f"pages/{page}", label=t("checklist.go", page=t(title)), icon="➡️")
