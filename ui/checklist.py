"""The facilitator's checklist of the week on the home page: each step, its state and a link to its page."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, t
from workshop.domain.checklist import Step, StepKey, StepState
from workshop.services.whole.guide import week_checklist

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
# A page link's label is one line cut off with "…" by default: on a phone a step's name and its state
# would be lost ("Resolve the mapping's disagreements and propos"). The checklist's links wrap instead.
WRAP_STEPS = """<style>
[class*="st-key-checklist-"] [data-testid="stPageLink-NavLink"],
[class*="st-key-checklist-"] [data-testid="stPageLink-NavLink"] * {
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; max-width: 100%;
}
</style>"""


def step_label(step: Step) -> str:
    """The step's name, its state in words and, for a step of several parts, how many are done."""
    name, state = t(f"checklist.step.{step.key.value}"), t(f"checklist.state.{step.state.value}")
    label = f"{name} · {state}"
    if step.progress.total > 1:
        label += " · " + t("checklist.progress", done=step.progress.done, total=step.progress.total)
    return label


def week_checklist_section(workshop_id: int) -> None:
    """The checklist, one link a step (the step's name leads to the page where it is done, its hint on
    hover); the step to do now stands out in a frame with its hint written out. Compact on a phone."""
    st.subheader(t("checklist.title"))
    st.caption(t("checklist.help"))
    st.html(WRAP_STEPS)
    for step in week_checklist(engine(), workshop_id):
        page, title = STEP_PAGE[step.key]
        hint = t(f"checklist.hint.{step.key.value}")
        with st.container(border=step.state == StepState.NOW, key=f"checklist-{step.key.value}"):
            st.page_link(f"pages/{page}", label=step_label(step), icon=STATE_ICON[step.state], help=hint)
            if step.state == StepState.NOW:
                st.caption(f"{hint} {t('checklist.where', page=t(title))}")
