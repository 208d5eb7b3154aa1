"""Leadership: a card per proposal — how the teams answered each "How to Say No" question, where they
disagree, their notes — and the verdict: yes, yes with conditions, or no, with its reason."""

import pandas as pd
import streamlit as st

from ui import data
from ui.context import t
from ui.gate import held_workshop_id, require
from ui.screening import card_view, flash
from ui.widgets import cells, option
from workshop.domain.model import Role
from workshop.domain.screening import disagreements

require(Role.LEADERSHIP)
wid = held_workshop_id()
st.title(t("screening.cards_title"))
st.caption(t("screening.cards_help"))
flash()
cards = data.screening_cards(wid)
if not cards:
    st.info(t("screening.no_cards"))
    st.page_link("pages/partners.py", label=t("nav.partners"), icon="🤝")
    st.stop()
undecided = t("screening.no_verdict")
overview = pd.DataFrame(
    {
        t("screening.col.title"): [c.proposal.title for c in cards],
        t("screening.col.raters"): [c.raters for c in cards],
        t("screening.col.disagreements"): [len(disagreements(c.spread)) for c in cards],
        t("screening.verdict"): [
            t(f"screening.verdict.{c.proposal.verdict.value}") if c.proposal.verdict else undecided for c in cards
        ],
    }
)
st.dataframe(cells(overview), hide_index=True, width="stretch")
by_id = {c.proposal.id: c for c in cards}
pick = st.selectbox(
    t("screening.pick"), list(by_id), format_func=lambda k: option(by_id[k].proposal.title), key="card_pick"
)
card_view(wid, by_id[pick])
