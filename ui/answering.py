"""The answer card of one question: widgets restored from the database, drafts, idempotent saving."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import streamlit as st

from ui.context import engine, lang, t
from ui.person import editor_name
from ui.widgets import error_edge, error_text, md, multiselect, option, plain
from workshop.config.i18n import time_text
from workshop.config.spaces import spaces
from workshop.domain.answering import fitting_choices
from workshop.domain.model import SPACE_KEYS, MainPoint, Question, QuestionKind, Response, Team
from workshop.services.week.answers import MAX_TEXT, Answer, save_draft, submit_answer

RATED = (QuestionKind.RATING, QuestionKind.SPACE_STRENGTH)
WHOLE_PAGE = "answer-rerun-page"
# A question that gives its own scale ("(1 = slet ikke, 5 = fuldt ud)") must not get a second, other one.
OWN_SCALE = re.compile(r"\b1\s*=.*\b5\s*=", re.DOTALL)


def rating_label(question: str) -> str:
    """The rating's label: the usual scale (1 = weak, 5 = strong), unless the question states its own."""
    return t("answer.rating_own_scale") if OWN_SCALE.search(question) else t("answer.rating")


def local_time(stamp: dt.datetime | None, *, weekday: bool = False, seconds: bool = False) -> str:
    """A stored time (UTC; naive on SQLite) as the server's local clock time, written the session
    language's way."""
    if stamp is None:
        return ""
    aware = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    return time_text(aware.astimezone(), lang(), weekday=weekday, seconds=seconds)


def _keys(qid: int) -> dict[str, str]:
    names = ("text", "rating", "choices", "spaces", "idem", "outcome")
    return {name: f"answer-{name}-{qid}" for name in names}


def _restore(q: Question, earlier: Response | None, draft: str | None) -> None:
    """Fill the widgets of a fresh page from the database: the draft first, else the saved answer."""
    k, ss = _keys(q.id), st.session_state
    ss.setdefault(k["text"], draft if draft is not None else (earlier.text if earlier else ""))
    ss.setdefault(k["rating"], earlier.rating if earlier else None)
    if q.kind == QuestionKind.SINGLE:
        ss.setdefault(k["choices"], earlier.choices[0] if earlier and earlier.choices else None)
    else:
        ss.setdefault(k["choices"], list(earlier.choices) if earlier else [])
    # The facilitator may have changed the options (or the kind) since: keep only what still fits.
    fitting = fitting_choices(q, ss[k["choices"]])
    if fitting != ss[k["choices"]]:
        ss[k["choices"]] = fitting
    ss.setdefault(k["spaces"], list(earlier.spaces) if earlier else [])
    # One key per rendered form, kept until a save succeeds: a double click or retry is one answer.
    if k["idem"] not in ss:
        ss[k["idem"]] = str(uuid.uuid4())


def _keep_draft(team: Team, qid: int) -> None:
    k = _keys(qid)
    with error_edge(show=False) as edge:
        save_draft(engine(), team, qid, st.session_state.get(k["text"], ""))
    if edge.error is not None:
        st.session_state[k["outcome"]] = ("error", error_text(edge.error))
    else:
        st.session_state.pop(k["outcome"], None)  # the confirmation was for the text before this change


def _save(team: Team, q: Question) -> None:
    k, ss, qid = _keys(q.id), st.session_state, q.id
    picked = ss.get(k["choices"])
    choices = [picked] if isinstance(picked, str) else list(picked or [])
    answer = Answer(qid, ss.get(k["text"], ""), ss.get(k["rating"]), choices, list(ss.get(k["spaces"], [])))
    with error_edge(show=False) as edge:
        saved = submit_answer(engine(), team, answer, idempotency_key=ss.get(k["idem"]), edited_by=editor_name())
    if edge.error is not None:
        ss[k["outcome"]] = ("error", error_text(edge.error))
        ss[WHOLE_PAGE] = True  # the day may have closed meanwhile: the whole page shows where things stand
        return
    ss[k["outcome"]] = ("saved", t("answer.saved", time=local_time(saved.updated_at, seconds=True)))
    ss[k["idem"]] = str(uuid.uuid4())


def last_edit(earlier: Response) -> str:
    """When the team's answer was last saved, and by whom when that person had signed in (the team's device is
    shared without sign-in, so no name could be right: the time alone says when, the team knows who sat there)."""
    when = local_time(earlier.updated_at)
    if earlier.edited_by:
        return t("answer.edited_by", name=md(earlier.edited_by), time=when)
    return t("answer.saved_earlier", time=when)


def outcome_of(qid: int) -> None:
    """The result of the last save of this question: a confirmation with the time, or the error."""
    found = st.session_state.get(_keys(qid)["outcome"])
    if found is not None:
        kind, message = found
        (st.success if kind == "saved" else st.error)(message, icon="✅" if kind == "saved" else "⚠️")


def answer_card(team: Team, q: Question, point: MainPoint | None, earlier: Response | None, draft: str | None) -> None:
    """One question with its main point and the team's answer widgets (drawn in its day's fragment,
    ui.answer_day)."""
    qid = q.id
    k = _keys(qid)
    _restore(q, earlier, draft)
    with st.container(border=True):
        if point is not None:
            st.caption(t("answer.main_point"))
            plain(point.title)
        st.caption(t("answer.question", n=q.position))
        plain(q.text)
        if q.kind == QuestionKind.SPACE_STRENGTH and q.space:
            st.caption(t("answer.space_of_question", space=spaces().space_name(q.space, lang())))
        if q.kind in RATED:
            st.radio(rating_label(q.text), [1, 2, 3, 4, 5], key=k["rating"], horizontal=True)
        elif q.kind == QuestionKind.SINGLE:
            st.radio(t("answer.choose_one"), q.options, key=k["choices"], format_func=md)
        elif q.kind == QuestionKind.MULTIPLE:
            multiselect(st, t("answer.choose_many"), q.options, key=k["choices"], format_func=option)
        if q.kind in (QuestionKind.TEXT, *RATED):
            label = t("answer.text") if q.kind == QuestionKind.TEXT else t("answer.comment")
            st.text_area(label, key=k["text"], on_change=_keep_draft, args=(team, qid))
            st.caption(t("answer.counter", used=len(st.session_state[k["text"]]), n=MAX_TEXT))
        names = {key: spaces().space_name(key, lang()) for key in SPACE_KEYS}
        multiselect(st, t("answer.spaces"), list(SPACE_KEYS), key=k["spaces"], format_func=names.get)
        # The outcome of a save stands above the button, where the eye already is: below it, on a phone,
        # "Saved at" came below the fold and the team saw nothing happen.
        if st.session_state.get(k["outcome"]) is not None:
            outcome_of(qid)
        elif earlier is not None:
            st.caption(last_edit(earlier))
        st.button(t("answer.save"), key=f"answer-save-{qid}", on_click=_save, args=(team, q), type="primary")
