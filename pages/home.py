"""Home: the workshop at a glance, the four spaces, sign-in and team join."""

import streamlit as st

from ui.checklist import week_checklist_section
from ui.context import choose_workshop, engine, lang, t, workshop
from ui.gate import guessing_warning, role, run_through_app, sign_in_form, signed_in_as
from ui.sso import sign_in_buttons
from ui.widgets import bold, md, option, plain
from workshop.config.spaces import spaces
from workshop.domain.model import Role
from workshop.services.whole.demo import demo_codes_hint, working_demo_team_codes
from workshop.services.whole.demo_language import pickable
from workshop.services.workshops.lifecycle import list_workshops

run_through_app()
all_workshops = list_workshops(engine())
if not all_workshops:
    st.title(t("home.empty_title"))
    st.info(t("home.empty_body"))
    st.page_link("pages/workshops.py", label=t("nav.workshops"), icon="🗂️")
    st.stop()

current = workshop()
shown = pickable(all_workshops, current.id if current else None, lang())  # the demo once, in the visitor's language
if len(shown) > 1:
    names = {w.id: w.name for w in shown}
    ids = list(names)
    picked = st.selectbox(
        t("home.pick_workshop"),
        ids,
        index=ids.index(current.id) if current is not None else 0,
        format_func=lambda i: option(names[i]),
    )
    if current is None or picked != current.id:
        choose_workshop(picked)
        st.rerun()
    current = workshop()
assert current is not None

st.title(md(current.name), anchor=False)  # no in-page link made of user text
held = role()
if held is not None:  # signed in: what to do comes first, above the workshop's description and notices
    st.success(t("home.signed_in", role=signed_in_as(held)), icon="✅")
    if held == Role.FACILITATOR:
        guessing_warning(current.id)
        week_checklist_section(current.id)
if current.description:
    plain(current.description)
if current.is_demo:
    codes = demo_codes_hint(current.language)
    st.info(t("home.demo_notice", facilitator=codes["facilitator"], leadership=codes["leadership"]), icon="🧪")
    team_codes = working_demo_team_codes(engine(), current.id)
    if team_codes:
        st.caption(t("home.demo_team_codes") + " " + ", ".join(f"{md(n)}: {c}" for n, c in team_codes.items()))
if held is None:
    sign_in_buttons()  # single sign-on, when the server has it (ui/sso.py)
    st.subheader(t("home.sign_in"))
    sign_in_form()

st.subheader(t("home.model_title"))
st.caption(t("home.model_body"))
model = spaces()
columns = st.columns(4)
for column, (key, space) in zip(columns, model.spaces.items(), strict=True):
    with column:
        bold(space.name.get(lang()))
        st.caption(t("home.space_line", verb=space.verb.get(lang()), between=model.between_aims(key, lang())))
