"""The week's log: once a day is closed (or at once, if the facilitator chose so), every team reads all
teams' answers to it, one day and one question at a time, the answers as cards (the whole text, readable on
a phone) a page at a time, each with its comments under it; leadership and the facilitator may switch to a
table to sort."""

import streamlit as st

from ui import data
from ui.answer_cards import answer_card, answer_table
from ui.comment_sections import SLOT as COMMENTS
from ui.comment_sections import by_answer
from ui.context import lang, t, workshop
from ui.gate import require, team
from ui.widgets import cells, labels_now, option, pager, plain
from ui.writes import outcome
from workshop.config.spaces import spaces
from workshop.domain.comments import moderates, sees_hidden
from workshop.domain.model import Role

PAGE_SIZE = 10  # answers per page: a question at L has 200 answers, each card with its comments

held = require(*Role)
current = workshop()
assert current is not None
st.title(t("log.title"))
st.caption(t("log.rule_immediate") if current.publish_log_immediately else t("log.rule_closed"))
st.caption(t("log.comments_rule"))
outcome(COMMENTS)
visible = data.log_days(current)
if not visible:
    st.info(t("log.empty"))
    st.stop()
newest_first = {d.id: d for d in reversed(visible)}
# No key: when another day becomes readable the options change and the newest day is shown again.
day = newest_first[
    st.selectbox(
        t("log.day"),
        list(newest_first),
        format_func=labels_now(
            newest_first, lambda i: f"{t('setup.day_n', n=newest_first[i].position)} · {option(newest_first[i].title)}"
        ),
    )
]
st.header(t("setup.day_n", n=day.position) + f" · {t(f'day.{day.status.value}')}")
plain(day.title)

questions = {q.id: q for q in data.list_questions(current.id) if q.day_id == day.id}
if not questions:
    st.info(t("log.no_questions"))
    st.stop()
# One question at a time, its answers as cards a phone reads whole; the key is the day's, its options fixed.
question = questions[
    st.selectbox(
        t("log.question"),
        list(questions),
        format_func=labels_now(
            questions, lambda i: f"{t('answer.question', n=questions[i].position)} · {option(questions[i].text)}"
        ),
        key=f"log-question-{day.id}",
    )
]
qid = question.id
with st.container(border=True):
    point = next((p for p in data.list_main_points(current.id) if p.id == question.main_point_id), None)
    if point is not None:
        st.caption(t("answer.main_point"))
        plain(point.title)
    st.subheader(t("answer.question", n=question.position))
    plain(question.text)
given = data.log_answers(current.id, (qid,))
if given.empty:
    st.caption(t("log.no_answers"))
    st.stop()
st.caption(t("log.n_answers", n=len(given)))
names = {key: spaces().space_name(key, lang()) for key in spaces().spaces}
if moderates(held) and st.toggle(t("log.table_view"), key="log-table-view"):
    st.dataframe(cells(answer_table(given, names)), hide_index=True, width="stretch")  # to sort; comments: the cards
    st.stop()
cards = st.container()
span = pager(len(given), PAGE_SIZE, f"log-answers-{qid}", "log.answers_page", "log.answers_range")
shown = given.iloc[span.start : span.stop]
# The page's comments in one read; a team's session never receives a hidden comment's text.
comments = by_answer(data.log_comments(current.id, tuple(int(r) for r in shown["response_id"]), sees_hidden(held)))
reader, moderator = team(), moderates(held)
with cards:
    for answer in shown.itertuples():
        these = comments.get(int(answer.response_id))
        answer_card(current.id, question, answer, these, names, reader, moderator)
