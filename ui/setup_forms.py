"""The week setup's forms: the workshop itself, a main point, a day, a question; each saves through a service."""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st
from sqlalchemy import Engine

from ui.confirm import delete_with_confirmation
from ui.context import engine, lang, t
from ui.widgets import date_format, error_edge, labels_now, multiselect, option, pager, plain
from workshop.config.spaces import spaces
from workshop.domain.model import LANGUAGES, SPACE_KEYS, Day, MainPoint, Question, QuestionKind, Workshop
from workshop.services.week.planning import (
    answer_count,
    delete_question,
    move_question,
    save_day,
    save_main_point,
    save_question,
)
from workshop.services.workshops.lifecycle import update_workshop

QUESTIONS_PER_PAGE = 10  # a day's questions shown at once: a big week has hundreds
EDITING = "setup_editing_question"


def _space_name(key: str | None) -> str:
    return spaces().space_name(key, lang()) if key else t("setup.no_space")


def _saved(action: Callable[[], object], message: str) -> None:
    with error_edge() as edge:
        action()
    if not edge.ok:
        return
    st.session_state["setup_flash"] = message
    st.rerun()


def arrows(wid: int, key: str, move: Callable[[Engine, int, int, int], None], item_id: int) -> None:
    """Move up / move down buttons for an item of the week."""
    up, down = st.columns(2)
    step = -1 if up.button("↑", key=f"up-{key}", help=t("setup.move_up")) else 0
    step = +1 if down.button("↓", key=f"down-{key}", help=t("setup.move_down")) else step
    if step:
        with error_edge() as edge:
            move(engine(), wid, item_id, step)
        if edge.ok:
            st.rerun()


# A click or a save on an item of the week (`point-3-save`, `up-question-7`, `delete-yes-day-2`, `status-2`).
_ITEM_KEY = re.compile(
    r"^(?:(?:up|down|delete-yes)-(?P<a>point|day|question|q)-(?P<x>\d+)"
    r"|(?P<b>point|day|question)-(?P<y>\d+)-save|status-(?P<z>\d+))$"
)


def gone_notice(points: list[MainPoint], days: list[Day], questions: list[Question]) -> None:
    """Say so when this run's click or save belongs to an item no longer there (deleted in another
    session meanwhile): the item is not drawn again, so the change would otherwise vanish in silence."""
    live: dict[str, set[int | None]] = {
        "point": {p.id for p in points},
        "day": {d.id for d in days},
        "question": {q.id for q in questions},
        "q": {q.id for q in questions},
    }
    for key in list(st.session_state.keys()):
        match = _ITEM_KEY.match(str(key))
        if match is None or st.session_state.get(key) is not True:
            continue
        kind, item = match["a"] or match["b"] or "day", match["x"] or match["y"] or match["z"]
        if int(item) not in live[kind]:
            st.warning(t("setup.gone"), icon="🗑️")
            st.session_state.pop(EDITING, None)
            return


def flash() -> None:
    """The confirmation of the last change, once."""
    message = st.session_state.pop("setup_flash", None)
    if message:
        st.toast(message, icon="✅")
        st.success(message, icon="✅")


def workshop_form(current: Workshop) -> None:
    """The workshop's name, description, content language and dates (its facilitator edits its own only)."""
    wid = current.id
    with st.form("workshop-edit", enter_to_submit=False):
        name = st.text_input(t("setup.workshop_name"), current.name)
        description = st.text_area(t("setup.workshop_description"), current.description)
        language = st.selectbox(
            t("setup.workshop_language"),
            list(LANGUAGES),
            index=LANGUAGES.index(current.language) if current.language in LANGUAGES else 0,
            format_func=labels_now(LANGUAGES, lambda code: t(f"language.{code}")),
        )
        st.caption(t("setup.workshop_language_help"))
        start_col, end_col = st.columns(2)
        start = start_col.date_input(t("setup.workshop_start"), current.start_date, format=date_format())
        end = end_col.date_input(t("setup.workshop_end"), current.end_date, format=date_format())
        library = st.text_input(t("setup.library_name"), current.library_name, help=t("setup.library_name_help"))
        contact = st.text_input(
            t("setup.library_contact"), current.library_contact, help=t("setup.library_contact_help")
        )
        if st.form_submit_button(t("setup.save_workshop")):
            _saved(
                lambda: update_workshop(
                    engine(),
                    wid,
                    name,
                    description,
                    language,
                    start,
                    end,
                    library_name=library,
                    library_contact=contact,
                ),
                t("setup.saved"),
            )


def main_point_form(wid: int, point: MainPoint | None) -> None:
    key = f"point-{point.id if point else 'new'}"
    with st.form(key, clear_on_submit=point is None, enter_to_submit=False):
        title = st.text_input(t("setup.point_title"), point.title if point else "", key=f"{key}-title")
        description = st.text_area(
            t("setup.point_description"), point.description if point else "", key=f"{key}-description"
        )
        chosen = multiselect(
            st,
            t("setup.point_spaces"),
            list(SPACE_KEYS),
            default=point.spaces if point else [],
            format_func=labels_now(SPACE_KEYS, _space_name),
            key=f"{key}-spaces",
        )
        if st.form_submit_button(t("setup.save") if point else t("setup.add_point"), key=f"{key}-save"):
            _saved(
                lambda: save_main_point(engine(), wid, title, description, chosen, point.id if point else None),
                t("setup.saved"),
            )


def day_form(wid: int, day: Day | None) -> None:
    key = f"day-{day.id if day else 'new'}"
    with st.form(key, clear_on_submit=day is None, enter_to_submit=False):
        title = st.text_input(t("setup.day_title"), day.title if day else "", key=f"{key}-title")
        date = st.date_input(t("setup.day_date"), day.date if day else None, key=f"{key}-date", format=date_format())
        if st.form_submit_button(t("setup.save") if day else t("setup.add_day"), key=f"{key}-save"):
            _saved(lambda: save_day(engine(), wid, title, date, day.id if day else None), t("setup.saved"))


def question_form(wid: int, day_id: int, points: list[MainPoint], q: Question | None) -> None:
    key = f"question-{q.id if q else f'new-{day_id}'}"
    kinds = list(QuestionKind)
    point_ids: list[int | None] = [None, *[p.id for p in points]]
    titles: dict[int | None, str] = {p.id: f"{p.position}. {p.title}" for p in points}
    with st.form(key, clear_on_submit=q is None, enter_to_submit=False):
        text = st.text_area(t("setup.question_text"), q.text if q else "", key=f"{key}-text")
        kind = st.selectbox(
            t("setup.question_kind"),
            kinds,
            index=kinds.index(q.kind) if q else 0,
            format_func=labels_now(kinds, lambda k: t(f"kind.{k.value}")),
            key=f"{key}-kind",
        )
        options = st.text_area(
            t("setup.question_options"), "\n".join(q.options) if q else "", key=f"{key}-options", height=100
        )
        space = st.selectbox(
            t("setup.question_space"),
            [None, *SPACE_KEYS],
            index=[None, *SPACE_KEYS].index(q.space) if q else 0,
            format_func=labels_now([None, *SPACE_KEYS], _space_name),
            key=f"{key}-space",
        )
        point_id = st.selectbox(
            t("setup.question_point"),
            point_ids,
            index=point_ids.index(q.main_point_id) if q and q.main_point_id in point_ids else 0,
            format_func=labels_now(point_ids, lambda i: option(titles.get(i, t("setup.no_point")))),
            key=f"{key}-point",
        )
        each = st.checkbox(
            t("setup.each_person"), q.each_person if q else False, key=f"{key}-each", help=t("setup.each_person_help")
        )
        if st.form_submit_button(t("setup.save") if q else t("setup.add_question"), key=f"{key}-save"):
            _saved(
                lambda: save_question(
                    engine(), wid, day_id, text, kind, options.splitlines(), space, point_id, q.id if q else None, each
                ),
                t("setup.saved"),
            )


def page_of(day_id: int, questions: list[Question]) -> list[Question]:
    """The day's questions to show: all of them, or a page of them with a page picker when there are many."""
    label, showing = "setup.questions_page", "log.questions_range"
    span = pager(len(questions), QUESTIONS_PER_PAGE, f"setup-page-{day_id}", label, showing)
    return questions[span.start : span.stop]


def question_line(
    wid: int, day_id: int, q: Question, points: list[MainPoint], positions: dict[int | None, int]
) -> None:
    """One question of a day: its text and kind, arrows, and its edit form once asked for (one at a time)."""
    qid = q.id
    text_col, move_col = st.columns([5, 1])
    with text_col:
        plain(f"{q.position}. {q.text}")
        serves = positions.get(q.main_point_id)
        each = f" · {t('setup.each_person_short')}" if q.each_person else ""
        st.caption(t(f"kind.{q.kind.value}") + each + (f" · {t('setup.serves', n=serves)}" if serves else ""))
    with move_col:
        arrows(wid, f"question-{qid}", move_question, qid)
    if st.session_state.get(EDITING) != qid:
        if st.button(t("setup.edit_question", n=q.position), key=f"edit-question-{qid}"):
            st.session_state[EDITING] = qid
            st.rerun()
        return
    with st.container(border=True):
        question_form(wid, day_id, points, q)
        delete_with_confirmation(
            f"q-{qid}",
            lambda: t("setup.delete_question_warning", n=answer_count(engine(), wid, question_id=qid)),
            lambda: delete_question(engine(), wid, qid),
        )
        if st.button(t("setup.close_edit"), key=f"close-question-{qid}"):
            st.session_state.pop(EDITING, None)
            st.rerun()
