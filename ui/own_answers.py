"""The card of a question each person answers (issue 29.2): the person's own rating or choice, saved under their
opaque key, labelled as anonymous to leadership; on a shared device, "Next person" hands it on."""

from __future__ import annotations

import uuid

import streamlit as st

from ui.answering import WHOLE_PAGE, local_time, rating_label
from ui.context import engine, lang, t
from ui.person import next_person, person_key, signed_in
from ui.widgets import error_edge, error_text, md, multiselect, option, plain
from workshop.config.spaces import spaces
from workshop.domain.answering import fitting_choices
from workshop.domain.model import MainPoint, Question, QuestionKind, Team
from workshop.domain.voices import RATED, PersonAnswer
from workshop.services.week.answers import Answer
from workshop.services.week.voices import submit_own_answer


def _keys(qid: int) -> dict[str, str]:
    return {name: f"own-{name}-{qid}" for name in ("rating", "choices", "idem", "outcome")}


def _restore(q: Question, earlier: PersonAnswer | None) -> None:
    k, ss = _keys(q.id), st.session_state
    ss.setdefault(k["rating"], earlier.rating if earlier else None)
    if q.kind == QuestionKind.SINGLE:
        ss.setdefault(k["choices"], earlier.choices[0] if earlier and earlier.choices else None)
    else:
        ss.setdefault(k["choices"], list(earlier.choices) if earlier else [])
    fitting = fitting_choices(q, ss[k["choices"]])
    if q.kind not in RATED and fitting != ss[k["choices"]]:
        ss[k["choices"]] = fitting
    ss.setdefault(k["idem"], str(uuid.uuid4()))  # one key per answer until it is saved: a retry is one answer


def _save(team: Team, q: Question, person: str) -> None:
    k, ss, qid = _keys(q.id), st.session_state, q.id
    picked = ss.get(k["choices"])
    choices = [picked] if isinstance(picked, str) else list(picked or [])
    with error_edge(show=False) as edge:
        saved = submit_own_answer(engine(), team, person, Answer(qid, "", ss.get(k["rating"]), choices), ss[k["idem"]])
    if edge.error is not None:
        ss[k["outcome"]] = ss[f"answer-outcome-{qid}"] = ("error", error_text(edge.error))
        ss[WHOLE_PAGE] = True  # the day may have closed meanwhile: the page shows it among the closed days
        return
    ss[k["outcome"]] = ("saved", t("voice.saved", time=local_time(saved.updated_at, seconds=True)))
    ss[k["idem"]] = str(uuid.uuid4())


def own_answer_card(team: Team, q: Question, point: MainPoint | None, earlier: PersonAnswer | None) -> None:
    """One question each person answers: the person's own widgets, labelled anonymous to leadership (drawn in
    its day's fragment, ui.answer_day)."""
    qid = q.id
    k = _keys(qid)
    _restore(q, earlier)
    with st.container(border=True):
        if point is not None:
            st.caption(t("answer.main_point"))
            plain(point.title)
        st.caption(t("answer.question", n=q.position))
        plain(q.text)
        st.info(t("voice.label"), icon="🔒")
        if q.kind == QuestionKind.SPACE_STRENGTH and q.space:
            st.caption(t("answer.space_of_question", space=spaces().space_name(q.space, lang())))
        if q.kind in RATED:
            st.radio(rating_label(q.text), [1, 2, 3, 4, 5], key=k["rating"], horizontal=True)
        elif q.kind == QuestionKind.SINGLE:
            st.radio(t("answer.choose_one"), q.options, key=k["choices"], format_func=md)
        else:
            multiselect(st, t("answer.choose_many"), q.options, key=k["choices"], format_func=option)
        found = st.session_state.get(k["outcome"])
        if found is not None:
            kind, message = found
            (st.success if kind == "saved" else st.error)(message, icon="✅" if kind == "saved" else "⚠️")
        elif earlier is not None:
            st.caption(t("voice.saved_earlier", time=local_time(earlier.updated_at)))
        st.button(
            t("voice.save"), key=f"own-save-{qid}", on_click=_save, args=(team, q, person_key_now()), type="primary"
        )


def person_key_now() -> str:
    """The key of the person answering now (ui.person), for the workshop of the team signed in."""
    identity = st.session_state.get("identity") or {}
    return person_key(str(identity.get("workshop_uid", "")))


def handing_on(key: str = "own-next-person") -> None:
    """Without sign-in, the note that each device session is one person, and the button for the next one."""
    if signed_in():
        st.caption(t("voice.signed_in_note"))
        return
    st.caption(t("voice.device_note"))
    st.button(t("voice.next_person"), key=key, on_click=next_person)
