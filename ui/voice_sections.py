"""Leadership's view of the questions each person answers: per question a chart and its figures as text, made
only from the distributions of workshop.domain.voices (never a name, never a group under 3 people)."""

from __future__ import annotations

import streamlit as st

from ui.context import lang, t
from ui.widgets import md, plain
from workshop.charts.voice_charts import voices_chart
from workshop.config.i18n import number
from workshop.domain.model import Question
from workshop.domain.voices import MIN_GROUP, Group, Voices


def group_label(group: Group) -> str:
    """A team by its name; "other" and "all" in the reader's language."""
    return group.team if group.kind == "team" else t(f"voice.group.{group.kind}")


def figures_line(group: Group) -> str:
    """One group's figures as a line a phone and a screen reader read: who, how many people, each answer's count."""
    counts = " · ".join(f"{md(value)}: {number(count, lang(), 0)}" for value, count in group.counts)
    return t("voice.figures", group=md(group_label(group)), n=group.people, counts=counts)


def question_voices(question: Question, voices: Voices) -> None:
    """One question's distribution: a chart, the figures as text, and how many answers were withheld."""
    with st.container(border=True):
        st.caption(t("answer.question", n=question.position))
        plain(question.text)
        if not voices.groups:
            st.caption(t("voice.too_few", n=MIN_GROUP))
        else:
            labels = [group_label(g) for g in voices.groups]
            chart = voices_chart(voices, labels, lang())
            st.plotly_chart(
                chart, width="stretch", key=f"voices-{voices.question_id}", config={"displayModeBar": False}
            )
            for group in voices.groups:
                st.caption(figures_line(group))
        if voices.withheld:
            st.caption(t("voice.withheld", n=voices.withheld, min=MIN_GROUP))
