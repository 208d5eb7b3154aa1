"""Leadership's themes: picking the answers a theme groups, the suggested groups to accept or reject, and
one theme's card (its form, the answers behind it, the teams' reactions, delete)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from ui import data
from ui.context import engine, t
from ui.loop_sections import theme_reactions
from ui.widgets import error_edge, labels_now, multiselect, option, plain, tr
from ui.writes import form_key, on_save, typed_text
from workshop.config.stopwords import reading
from workshop.domain.keyterms import term_languages
from workshop.domain.model import Theme, ThemeStatus
from workshop.services.loop import themes as svc
from workshop.services.week.days import answers_frame
from workshop.services.workshops.leave_out import leave_out

STATUSES: list[ThemeStatus] = list(ThemeStatus)
SUGGESTIONS = "theme_suggestions"


def pick(wid: int, label: str, chosen: list[int], key: str, question: int | None) -> list[int]:
    """Answers to group: those of `question` (all of them when None) and the ones already `chosen`."""
    labels = data.answer_labels(wid, question, tuple(chosen)) if question is not None else data.answer_labels(wid)
    return multiselect(
        st,
        label,
        list(labels),
        default=[i for i in chosen if i in labels],
        format_func=lambda k: option(labels[k]),
        key=key,
    )


def attempt(wid: int, action: Callable[..., object], *args: object) -> bool:
    """Run a theme service; its error, if any, is shown here. True when it went through."""
    with error_edge() as edge:
        action(engine(), wid, *args)
    return edge.ok


def suggest(wid: int, language: str) -> None:
    """Group the week's written answers by their words (scikit-learn: loaded only when asked for)."""
    from workshop.domain.suggestions import suggest_groups

    answers = answers_frame(engine(), wid)
    found = suggest_groups(answers, reading(term_languages(language)), leave_out=leave_out(engine(), wid))
    st.session_state[SUGGESTIONS] = [(s.title, list(s.response_ids)) for s in found]
    if not found:
        st.info(t("themes.no_suggestions"))


def suggestions(wid: int, question: int | None) -> None:
    """Each suggested group as a theme to accept (its title and answers as edited) or reject."""
    for title, ids in list(st.session_state.get(SUGGESTIONS, [])):
        key = "sug_" + "-".join(map(str, ids))
        with st.container(border=True):
            new_title = st.text_input(t("themes.theme_title"), value=title, key=f"{key}_title")
            members = pick(wid, t("themes.answers"), ids, f"{key}_ids", question)
            accept, reject = st.columns(2)
            if accept.button(t("themes.accept"), key=f"{key}_accept") and attempt(
                wid, svc.create_theme, new_title, members
            ):
                st.session_state[SUGGESTIONS].remove((title, ids))
                st.rerun()
            if reject.button(t("themes.reject"), key=f"{key}_reject"):
                st.session_state[SUGGESTIONS].remove((title, ids))
                st.rerun()


def save_theme(wid: int, theme_id: int, key: str) -> None:
    """The theme's form as sent (a callback: it runs even when another session deleted the theme meanwhile)."""
    members = st.session_state.get(f"theme_{theme_id}_ids", [])
    title, status, decision = (
        typed_text(key, "title"),
        ThemeStatus(typed_text(key, "status")),
        typed_text(key, "decision"),
    )
    svc.update_theme(engine(), wid, theme_id, title, status, decision, members)


def saved_theme(key: str, _: object) -> str:
    return tr("themes.saved", title=typed_text(key, "title").strip())


def theme_card(wid: int, theme: Theme, question: int | None, slot: str) -> None:
    """One theme in an expander: its form (title, status, decision, answers), the answers behind it, the
    teams' reactions and delete. Saves and deletes report in `slot`: the theme may be gone by then."""
    tid = theme.id
    label = tr(
        "themes.expander", title=theme.title, status=t(f"theme_status.{theme.status.value}"), n=len(theme.response_ids)
    )
    with st.expander(label):
        key = form_key("theme", theme.id, theme.title, theme.status, theme.decision)
        with st.form(f"theme_{theme.id}", enter_to_submit=False):
            st.text_input(t("themes.theme_title"), value=theme.title, key=f"{key}-title")
            st.selectbox(
                t("themes.status"),
                STATUSES,
                index=STATUSES.index(theme.status),
                format_func=labels_now(STATUSES, lambda s: t(f"theme_status.{s.value}")),
                key=f"{key}-status",
            )
            st.text_area(t("themes.decision"), value=theme.decision, key=f"{key}-decision")
            pick(wid, t("themes.answers"), theme.response_ids, f"theme_{theme.id}_ids", question)
            sent = (slot, partial(save_theme, wid, tid, key), partial(saved_theme, key))
            st.form_submit_button(t("themes.save"), on_click=on_save, args=sent)
        st.caption(t("themes.behind"))
        for row in data.answers_of(wid, tuple(theme.response_ids)).itertuples():
            plain(f"{row.team} · {row.question}\n{row.answer}")
        theme_reactions(wid, theme)
        gone = partial(svc.delete_theme, engine(), wid, tid)
        st.button(t("themes.delete"), key=f"delete_{theme.id}", on_click=on_save, args=(slot, gone))
