"""The week's log: once a day is closed (or at once, if the facilitator chose so), every team reads all
teams' answers to it, one day and one page of questions at a time, each question's answers in one table."""

import pandas as pd
import streamlit as st

from ui import data
from ui.comment_sections import SLOT as COMMENTS
from ui.comment_sections import answer_comments
from ui.context import lang, t, workshop
from ui.gate import require, team
from ui.widgets import cells, labels_now, option, pager, plain
from ui.writes import outcome
from workshop.config.spaces import spaces
from workshop.domain.comments import moderates, sees_hidden
from workshop.domain.model import Role

PAGE_SIZE = 10  # questions per page: a day at L has hundreds of questions and thousands of answers

held = require(*Role)
current = workshop()
assert current is not None and current.id is not None
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
questions = [q for q in data.list_questions(current.id) if q.day_id == day.id]
span = pager(len(questions), PAGE_SIZE, f"log-page-{day.id}", "log.questions_page", "log.questions_range")
shown = questions[span.start : span.stop]
answers = data.log_answers(current.id, tuple(int(q.id or 0) for q in shown))
points = {p.id: p for p in data.list_main_points(current.id)}
# The page's comments in one read; a team's session never receives a hidden comment's text.
comments = data.log_comments(current.id, tuple(int(r) for r in answers["response_id"]), sees_hidden(held))
reader = team()
names = {key: spaces().space_name(key, lang()) for key in spaces().spaces}


def table(given: pd.DataFrame) -> pd.DataFrame:
    """One question's answers as plain cells: the team, its rating, choices, text and spaces."""
    return pd.DataFrame(
        {
            t("log.col_team"): given["team"],
            t("log.col_rating"): [t("log.rating", rating=int(r)) if pd.notna(r) else "" for r in given["rating"]],
            t("log.col_choices"): [" · ".join(c) for c in given["choices"]],
            t("log.col_text"): given["text"],
            t("log.col_spaces"): [", ".join(names.get(s, s) for s in ss) for ss in given["spaces"]],
        }
    )


for q in shown:
    with st.container(border=True):
        point = points.get(q.main_point_id)
        if point is not None:
            st.caption(t("answer.main_point"))
            plain(point.title)
        st.subheader(t("answer.question", n=q.position))
        plain(q.text)
        given = answers[answers["question_id"] == q.id] if not answers.empty else answers
        if given.empty:
            st.caption(t("log.no_answers"))
            continue
        st.caption(t("log.n_answers", n=len(given)))
        st.dataframe(cells(table(given)), hide_index=True, width="stretch")
        answer_comments(current.id, given, comments, reader, moderates(held))
