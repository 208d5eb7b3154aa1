"""The week's log: once a day is closed (or at once, if the facilitator chose so), every team reads all
teams' answers to it, one day and one question at a time, the answers as cards (the whole text, readable on
a phone) a page at a time, each with its comments under it; leadership and the facilitator may switch to a
table to sort."""

import streamlit as st

from ui import data
from ui.answer_cards import answer_card, answer_table
from ui.comment_sections import SLOT as COMMENTS
from ui.context import lang, t, workshop
from ui.gate import require, team
from ui.widgets import cells, labels_now, option, pager, plain
from ui.writes import outcome
from workshop.config.spaces import spaces
from workshop.domain.comments import moderates, sees_hidden
from workshop.domain.model import Role

PAGE_SIZE = 10  # answers per page: a question at L has 200 answers, each card with its comments
ASKED = "log-asked"  # the day and question this session last asked the read model for: the cache's key

held = require(*Role)
current = workshop()
assert current is not None
# The whole log in one cached read (the days, a day's questions, a question's answers and comments), asked as
# the last run asked: with nothing changed, one data-version query and nothing else. On a run where the reader
# picks another day or question, one more read for it.
hidden, asked = sees_hidden(held), st.session_state.get(ASKED, (None, None))
log = data.week_log(current.id, *asked, hidden)
st.title(t("log.title"))
st.caption(t("log.rule_immediate") if log.publish_immediately else t("log.rule_closed"))
st.caption(t("log.comments_rule"))
outcome(COMMENTS)
if not log.days:
    st.info(t("log.empty"))
    st.stop()
newest_first = {d.id: d for d in reversed(log.days)}
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

if log.day_id != day.id:  # the reader picked another day on this run
    asked = (day.id, None)
    log = data.week_log(current.id, *asked, hidden)
st.session_state[ASKED] = asked
questions = {q.id: q for q in log.questions if q.day_id == day.id}  # none if it left the log between the reads
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
if log.question_id != qid:  # the reader picked another question on this run
    st.session_state[ASKED] = asked = (day.id, qid)
    log = data.week_log(current.id, *asked, hidden)
with st.container(border=True):
    point = log.main_points.get(question.main_point_id or 0)
    if point is not None:
        st.caption(t("answer.main_point"))
        plain(point.title)
    st.subheader(t("answer.question", n=question.position))
    plain(question.text)
given = log.answers if log.question_id == qid else ()  # none if it went between the two reads
if not given:
    st.caption(t("log.no_answers"))
    st.stop()
st.caption(t("log.n_answers", n=len(given)))
names = {key: spaces().space_name(key, lang()) for key in spaces().spaces}
if moderates(held) and st.toggle(t("log.table_view"), key="log-table-view"):
    st.dataframe(cells(answer_table(given, names)), hide_index=True, width="stretch")  # to sort; comments: cards
    st.stop()
cards = st.container()
span = pager(len(given), PAGE_SIZE, f"log-answers-{qid}", "log.answers_page", "log.answers_range")
reader, moderator = team(), moderates(held)
with cards:
    for answer in given[span.start : span.stop]:
        answer_card(current.id, question, answer, log.comments.get(answer.response_id), names, reader, moderator)
