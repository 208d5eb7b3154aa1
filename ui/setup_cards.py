"""The facilitator's week setup, one card per item: a main point (approve, move, edit, delete) and a day
(open, close or reopen it, move, edit, delete, and its questions)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui.confirm import delete_with_confirmation
from ui.context import engine, t
from ui.main_points import approve_button, state_caption
from ui.setup_forms import arrows, day_form, main_point_form, page_of, question_form, question_line
from ui.widgets import error_edge, plain
from workshop.domain.model import Day, DayStatus, MainPoint, Question, Role
from workshop.services.week.days import next_status, set_day_status
from workshop.services.week.planning import answer_count, delete_day, delete_main_point, move_day, move_main_point

STATUS_BUTTON = {
    DayStatus.PLANNED: "setup.open_day",
    DayStatus.OPEN: "setup.close_day",
    DayStatus.CLOSED: "setup.reopen_day",
}


def point_card(wid: int, point: MainPoint) -> None:
    pid = point.id
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


def delete_day_warning(wid: int, position: int, day_id: int) -> str:
    """What deleting the day takes with it (read only once the delete is asked for)."""
    return t("setup.delete_day_warning", day=position, n=answer_count(engine(), wid, day_id=day_id))


def day_card(
    wid: int, day: Day, questions: list[Question], decided: list[MainPoint], positions: dict[int | None, int]
) -> None:
    """A day with its status button and its questions (a page of them); `decided` are the approved main
    points a question may serve, `positions` their numbers."""
    did = day.id
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
                partial(delete_day_warning, wid, day.position, did),
                partial(delete_day, engine(), wid, did),
            )
        day_questions = [q for q in questions if q.day_id == day.id]
        for q in page_of(did, day_questions):
            question_line(wid, did, q, decided, positions)
        with st.expander(t("setup.new_question")):
            question_form(wid, did, decided, None)
