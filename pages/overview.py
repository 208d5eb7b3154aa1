"""Leadership: everything every team said, by main point, against the weak spots, never leaving one out."""

import streamlit as st

from ui import consolidated as view
from ui.context import engine, t, workshop
from ui.gate import require
from workshop import consolidation as cons
from workshop.gaps import concerned_spaces
from workshop.model import Role
from workshop.services.consolidation import week_material
from workshop.services.strengths import workshop_scores

require(Role.LEADERSHIP)
current = workshop()
assert current is not None and current.id is not None
st.title(t("overview.title"))
material = week_material(engine(), current.id)
if material.answers.empty:
    st.info(t("overview.empty"))
    st.page_link("pages/week_log.py", label=t("nav.week_log"), icon="📝")
    st.stop()

chosen = view.filters(material)
concerned = concerned_spaces(material.answers, material.questions, material.points)
answers = cons.filter_answers(material.answers, chosen, concerned)
a, b, c = st.columns(3)
a.metric(t("overview.answers"), f"{len(answers)} / {len(material.answers)}")
b.metric(t("overview.teams_answered"), f"{answers['team'].nunique()} / {len(material.teams)}")
c.metric(t("overview.unthemed"), len(cons.unthemed(answers, material.themed_ids)))
if answers.empty:
    st.info(t("overview.nothing_matches"))
    st.stop()

tabs = st.tabs(
    [
        t("overview.tab_points"),
        t("overview.tab_side"),
        t("overview.tab_ratings"),
        t("overview.tab_choices"),
        t("overview.tab_participation"),
        t("overview.tab_terms"),
        t("overview.tab_gaps"),
        t("overview.tab_unthemed"),
    ]
)
with tabs[0]:
    view.by_main_point(answers, material)
with tabs[1]:
    view.side_by_side(answers)
with tabs[2]:
    view.ratings(answers)
with tabs[3]:
    view.choices(answers, material)
with tabs[4]:
    view.participation(answers, material)
with tabs[5]:
    view.key_terms(answers, material, current.language)
with tabs[6]:
    view.against_the_gaps(answers, material, workshop_scores(engine(), current.id).spaces)
with tabs[7]:
    view.unthemed(answers, material)
