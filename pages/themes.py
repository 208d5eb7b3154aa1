"""Leadership: group answers into themes, decide on each, and see the answers behind every decision."""

import streamlit as st

from ui import data
from ui.context import engine, t, workshop
from ui.gate import require
from ui.leave_out import leave_out_form
from ui.loop_sections import publish_switch
from ui.theme_sections import attempt, pick, suggest, suggestions, theme_card
from ui.widgets import labels_now, option, question_ref, tr
from ui.writes import outcome
from workshop.domain.model import Role
from workshop.services.loop import themes as svc
from workshop.services.whole.overview import PICK_ALL_LIMIT

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
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

st.subheader(t("themes.suggest_title"))
st.caption(t("themes.suggest_help"))
with st.expander(t("terms.leave_out")):
    leave_out_form(wid)
if st.button(t("themes.suggest"), key="suggest"):
    suggest(wid, current.language)
suggestions(wid, question)

st.subheader(t("themes.new"))
with st.form("new_theme", clear_on_submit=True, enter_to_submit=False):
    title = st.text_input(t("themes.theme_title"))
    members = pick(wid, t("themes.answers"), [], "new_theme_ids", question)
    if st.form_submit_button(t("themes.create")) and attempt(wid, svc.create_theme, title, members):
        st.success(tr("themes.created", title=title.strip()))

themes = svc.list_themes(engine(), wid)
st.subheader(t("themes.list", n=len(themes)))
publish_switch(wid)
if not themes:
    st.info(t("themes.empty"))
for theme in themes:
    theme_card(wid, theme, question, SLOT)
