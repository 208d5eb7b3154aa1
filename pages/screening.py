"""Team: screen the proposals with the 14 "How to Say No" questions — yes, no or unsure, with a note.
A team sees and changes only its own answers, while the proposal is open."""

import streamlit as st

from ui import data
from ui.context import engine, t
from ui.gate import require_team
from ui.screening import flash, screening_form, summary
from ui.widgets import labels_now, option
from workshop.domain.screening import team_rater
from workshop.services.partnership.screening import screen_as_team

me = require_team()
wid = me.workshop_id
st.title(t("screening.team_title"))
st.caption(t("screening.team_help"))
flash()
found = data.list_proposals(wid)
if not found:
    st.info(t("screening.nothing_to_screen"))
    st.page_link("pages/answer.py", label=t("nav.answer"), icon="✍️")
    st.stop()
by_id = {p.id: p for p in found}
state = lambda p: t("screening.open" if p.is_open else "screening.closed_short")  # noqa: E731
first_open = next((n for n, p in enumerate(found) if p.is_open), 0)  # what is left to screen comes first
pick = st.selectbox(
    t("screening.pick"),
    list(by_id),
    format_func=labels_now(by_id, lambda k: f"{option(by_id[k].title)} ({state(by_id[k])})"),
    index=first_open,
    key="screen_pick",
)
chosen = by_id[pick]
partners = data.partners_frame(wid)
partner = dict(zip(partners["id"], partners["name"], strict=True)).get(chosen.partner_id, "")
summary(chosen, str(partner), verdict=False)  # the verdict is shown to leadership only (nothing publishes it yet)
saved = data.own_screening(wid, pick, team_rater(me.id))
if saved:
    st.caption(t("screening.yours", n=len(saved)))
screening_form(chosen, saved, lambda given: screen_as_team(engine(), me, pick, given))
