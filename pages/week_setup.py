"""Facilitator: the week's main points, days and questions; open, close and reopen days."""

from functools import partial

import streamlit as st

from ui import data
from ui.confirm import delete_with_confirmation
from ui.context import engine, t, workshop
from ui.gate import require
from ui.leave_out import leave_out_form
from ui.main_points import approve_button, state_caption
from ui.main_points import flash as points_flash
from ui.setup_forms import (
    arrows,
    day_form,
    flash,
    gone_notice,
    main_point_form,
    page_of,
    question_form,
    question_line,
    workshop_form,
)
from ui.widgets import error_edge, plain
from workshop.domain.main_points import approved
from workshop.domain.model import DayStatus, Role
from workshop.services.planning import (
    answer_count,
    delete_day,
    delete_main_point,
    move_day,
    move_main_point,
    set_publish_log_immediately,
)
from workshop.services.week import next_status, set_day_status

TAB = "setup-tab"

require(Role.FACILITATOR)
current = workshop()
assert current is not None and current.id is not None
wid = current.id
st.title(t("setup.title"))
flash()
points_flash()
STATUS_BUTTON = {
    DayStatus.PLANNED: "setup.open_day",
    DayStatus.OPEN: "setup.close_day",
    DayStatus.CLOSED: "setup.reopen_day",
}

# A keyed, stateful tab bar: the tab in use survives the rerun after a save (a plain st.tabs went back to
# the first tab whenever the confirmation above it appeared, e.g. after adding a question to a day).
points_tab, days_tab, settings_tab = st.tabs(
    [t("setup.main_points"), t("setup.days"), t("setup.settings")], key=TAB, on_change="rerun"
)
points = data.list_main_points(wid)
days, questions = data.list_days(wid), data.list_questions(wid)
gone_notice(points, days, questions)
positions = {p.id: p.position for p in points}
decided = approved(points)  # the days are built on the approved main points only
with points_tab:
    if not points:
        st.info(t("setup.no_main_points"))
    for point in points:
        pid = int(point.id or 0)
        with st.container(border=True):
            text_col, move_col = st.columns([5, 1])
            text_col.markdown(f"**{point.position}.**")
            with text_col:
                plain(point.title)
                state_caption(point)
                approve_button(wid, point, Role.FACILITATOR)
            with move_col:
                arrows(wid, f"point-{pid}", move_main_point, pid)
            with st.expander(t("setup.edit")):
                main_point_form(wid, point)
                warning = t("setup.delete_point_warning", n=point.position)
                delete_with_confirmation(f"point-{pid}", warning, partial(delete_main_point, engine(), wid, pid))
    with st.expander(t("setup.new_point"), expanded=not points):
        main_point_form(wid, None)


def delete_day_warning(position: int, day_id: int) -> str:
    """What deleting the day takes with it (read only once the delete is asked for)."""
    return t("setup.delete_day_warning", day=position, n=answer_count(engine(), wid, day_id=day_id))


with days_tab:
    if not days:
        st.info(t("setup.no_days"))
    for day in days:
        did = int(day.id or 0)
        with st.container(border=True):
            head, move_col = st.columns([5, 1])
            head.markdown(f"**{t('setup.day_n', n=day.position)}** · {t(f'day.{day.status.value}')}")
            with head:
                plain(day.title + (f"  ({day.date.isoformat()})" if day.date else ""))
                if st.button(t(STATUS_BUTTON[day.status]), key=f"status-{did}", type="primary"):
                    with error_edge() as edge:
                        set_day_status(engine(), wid, did, next_status(day.status))
                    if edge.ok:
                        st.rerun()
            with move_col:
                arrows(wid, f"day-{did}", move_day, did)
            with st.expander(t("setup.edit_day")):
                day_form(wid, day)
                delete_with_confirmation(
                    f"day-{did}",
                    partial(delete_day_warning, day.position, did),
                    partial(delete_day, engine(), wid, did),
                )
            day_questions = [q for q in questions if q.day_id == day.id]
            for q in page_of(did, day_questions):
                question_line(wid, did, q, decided, positions)
            with st.expander(t("setup.new_question")):
                question_form(wid, did, decided, None)
    with st.expander(t("setup.new_day"), expanded=not days):
        day_form(wid, None)

with settings_tab:
    st.subheader(t("setup.workshop"))
    workshop_form(current)
    st.divider()
    publish = st.toggle(t("setup.publish_immediately"), value=current.publish_log_immediately, key="publish_log")
    st.caption(t("setup.publish_help"))
    if publish != current.publish_log_immediately:
        set_publish_log_immediately(engine(), wid, publish)
        st.session_state["setup_flash"] = t("setup.saved")
        st.rerun()
    st.divider()
    leave_out_form(wid)
