"""The crowd benchmark's floor: a bare Streamlit page that draws as many elements as a team's answer page
on the first morning, and nothing else: no database, no sign-in, no logic. In the sidebar, 14 links under
two bold section names (the team's menu), the language box, two captions and the sign-out button; on the
page, a title, the team's line, the day's heading, then five bordered question cards (main point, question,
a text area, its counter, the spaces multiselect, a save button). `python -m bench crowd` runs it with
`streamlit run bench/crowd_floor.py`, started as the app is, and the same N sessions open it: the app's
seconds and CPU per session are printed as a ratio to these."""

import streamlit as st

st.set_page_config(page_title="Four spaces strategy workshop", page_icon="📚", layout="wide")
SPACES = ["Inspiration space", "Learning space", "Meeting space", "Performative space"]
CARDS = 5
MAX_TEXT = 2000


def answers() -> None:
    st.title("Answers")
    st.text("Your team's answers: Team 0001")
    st.header("Day 1")
    st.text("Where we stand")
    for n in range(1, CARDS + 1):
        with st.container(border=True):
            st.caption("Main point")
            st.text("The library as a place to meet")
            st.caption(f"Question {n}")
            st.text("What do people come to the library for today, and what do they miss?")
            st.text_area("Your answer", key=f"answer-text-{n}", max_chars=MAX_TEXT)
            st.caption(f"{len(st.session_state[f'answer-text-{n}'])} of {MAX_TEXT} characters")
            st.multiselect("Which spaces does it touch?", SPACES, key=f"answer-spaces-{n}")
            st.button("Save answer", key=f"answer-save-{n}", type="primary")


def other() -> None:
    st.title("Another page")


menu = [("Home", "home", "🏠"), ("Workshops", "workshops", "🗂️")]
team = ["Decisions", "Vote", "Mapping", "Screening", "Offers", "Offer map", "Partners"]
team += ["Partner proposals", "Assets", "Week log", "Profile"]
pages = {
    "Workshop": [st.Page(other, title=t, icon=i, url_path=p, default=p == "home") for t, p, i in menu],
    "Team": [st.Page(answers, title="Answers", icon="✍️", url_path="answer")]
    + [st.Page(other, title=title, icon="📄", url_path=f"page-{n}") for n, title in enumerate(team)],
}
shown = st.navigation(pages, position="hidden")
with st.sidebar:
    for section, entries in pages.items():
        st.markdown(f"**{section}**")
        for page in entries:
            st.page_link(page, label=page.title, icon=page.icon)
    st.selectbox("Language", ["English", "Dansk", "Norsk bokmål", "Nederlands"], key="lang")
    st.caption("Workshop")
    st.text("Partnership week")
    st.caption("Signed in as: team")
    st.button("Sign out")
shown.run()
