"""Leadership: group answers into themes, decide on each, and see the answers behind every decision."""

from functools import partial

import streamlit as st

from ui import data
from ui.context import engine, t, workshop
from ui.gate import require
from ui.leave_out import leave_out_form
from ui.loop_sections import publish_switch, theme_reactions
from ui.widgets import error_edge, labels_now, multiselect, option, plain, question_ref, tr
from ui.writes import form_key, on_save, outcome, typed_text
from workshop.config.stopwords import reading
from workshop.domain.keyterms import term_languages
from workshop.domain.model import Role, ThemeStatus
from workshop.services import themes as svc
from workshop.services.leave_out import leave_out
from workshop.services.overview import PICK_ALL_LIMIT
from workshop.services.week import answers_frame

require(Role.LEADERSHIP)
current = workshop()
assert current is not None and current.id is not None
wid = current.id
st.title(t("themes.title"))
SLOT = "themes"  # the outcome of a theme's save or delete, said here: the theme may be gone by then
outcome(SLOT)
total = data.overview_options(wid).total
if not total:
    st.info(t("overview.empty"))
    st.stop()
# A big week offers one question's answers at a time to pick from (plus those already picked).
asked = {qid: question_ref(label) for qid, label in data.question_labels(wid).items()}
everything = [None] if total <= PICK_ALL_LIMIT else []
choices = [*everything, *asked]
pick_label = labels_now(choices, lambda q: option(asked[q] if q is not None else t("themes.pick_all")))
question = st.selectbox(t("themes.pick_from"), choices, format_func=pick_label, key="pick_question")


def pick(label: str, chosen: list[int], key: str, question: int | None) -> list[int]:
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


def attempt(action, *args) -> bool:
    with error_edge() as edge:
        action(engine(), wid, *args)
    return edge.ok


st.subheader(t("themes.suggest_title"))
st.caption(t("themes.suggest_help"))
with st.expander(t("terms.leave_out")):
    leave_out_form(wid)
if st.button(t("themes.suggest"), key="suggest"):
    from workshop.domain.suggestions import suggest_groups  # scikit-learn: loaded only when asked for

    answers = answers_frame(engine(), wid)
    st.session_state["theme_suggestions"] = [
        (s.title, list(s.response_ids))
        for s in suggest_groups(answers, reading(term_languages(current.language)), leave_out=leave_out(engine(), wid))
    ]
    if not st.session_state["theme_suggestions"]:
        st.info(t("themes.no_suggestions"))
for title, ids in list(st.session_state.get("theme_suggestions", [])):
    key = "sug_" + "-".join(map(str, ids))
    with st.container(border=True):
        new_title = st.text_input(t("themes.theme_title"), value=title, key=f"{key}_title")
        members = pick(t("themes.answers"), ids, f"{key}_ids", question)
        accept, reject = st.columns(2)
        if accept.button(t("themes.accept"), key=f"{key}_accept") and attempt(svc.create_theme, new_title, members):
            st.session_state["theme_suggestions"].remove((title, ids))
            st.rerun()
        if reject.button(t("themes.reject"), key=f"{key}_reject"):
            st.session_state["theme_suggestions"].remove((title, ids))
            st.rerun()

st.subheader(t("themes.new"))
with st.form("new_theme", clear_on_submit=True, enter_to_submit=False):
    title = st.text_input(t("themes.theme_title"))
    members = pick(t("themes.answers"), [], "new_theme_ids", question)
    if st.form_submit_button(t("themes.create")) and attempt(svc.create_theme, title, members):
        st.success(tr("themes.created", title=title.strip()))

themes = svc.list_themes(engine(), wid)
st.subheader(t("themes.list", n=len(themes)))
publish_switch(wid)
if not themes:
    st.info(t("themes.empty"))
statuses = list(ThemeStatus)


def save_theme(theme_id: int, key: str) -> None:
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


for theme in themes:
    tid = int(theme.id or 0)
    label = tr(
        "themes.expander", title=theme.title, status=t(f"theme_status.{theme.status.value}"), n=len(theme.response_ids)
    )
    with st.expander(label):
        key = form_key("theme", theme.id, theme.title, theme.status, theme.decision)
        with st.form(f"theme_{theme.id}", enter_to_submit=False):
            st.text_input(t("themes.theme_title"), value=theme.title, key=f"{key}-title")
            st.selectbox(
                t("themes.status"),
                statuses,
                index=statuses.index(theme.status),
                format_func=labels_now(statuses, lambda s: t(f"theme_status.{s.value}")),
                key=f"{key}-status",
            )
            st.text_area(t("themes.decision"), value=theme.decision, key=f"{key}-decision")
            pick(t("themes.answers"), theme.response_ids, f"theme_{theme.id}_ids", question)
            sent = (SLOT, partial(save_theme, tid, key), partial(saved_theme, key))
            st.form_submit_button(t("themes.save"), on_click=on_save, args=sent)
        st.caption(t("themes.behind"))
        for row in data.answers_of(wid, tuple(theme.response_ids)).itertuples():
            plain(f"{row.team} · {row.question}\n{row.answer}")
        theme_reactions(wid, theme)
        gone = partial(svc.delete_theme, engine(), wid, tid)
        st.button(t("themes.delete"), key=f"delete_{theme.id}", on_click=on_save, args=(SLOT, gone))
