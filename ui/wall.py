"""The day board on the wall and the morning view, laid out for a 1920×1080 projector: the counts and the
join QR code on top, every question of the day in compact form, and one question at a time with the room's
answers as they come in (bars of counts, or the key terms of written answers; never a team's name)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import plotly.graph_objects as go
import streamlit as st

from ui import data
from ui.context import engine, t
from ui.widgets import labels_now, md, plain
from workshop.charts.live_chart import live_bars
from workshop.domain.live import IN_TURN, LiveResult, shown_index
from workshop.domain.model import Day, DayStatus, Question
from workshop.services.week.days import Participation, day_participation
from workshop.services.week.morning import app_link, missing_teams, qr_png
from workshop.services.workshops.lifecycle import get_workshop

INK = {True: "#ffffff", False: "#31333f"}  # text in the charts: white on the wall, the theme's on the morning view
QR_PX = 170


def app_url() -> str:
    """The address this browser reached the app at (links and QR codes point there)."""
    here = urlsplit(st.context.url or "")
    return f"{here.scheme}://{here.netloc}" if here.netloc else "http://localhost:8501"


def open_days(wid: int) -> list[Day]:
    return [d for d in data.list_days(wid) if d.status == DayStatus.OPEN]


def join_qr(wid: int) -> None:
    """The QR code of the workshop's join page, in its language (no team code in it: each team types its own)."""
    link = app_link(app_url(), {"w": wid, "lang": get_workshop(engine(), wid).language})
    with st.container(key="morning-qr"):
        code, words = st.columns([2, 3], vertical_alignment="center")
        code.image(qr_png(link), width=QR_PX, alt=t("morning.qr_alt", link=link))
        words.caption(t("morning.join_qr"))
        words.caption(link)


def top_band(wid: int, day: Day, seen: Participation, with_qr: bool) -> None:
    """The day, how many teams answered and which have not, and the join QR code: all above the fold."""
    heading, counts, qr = st.columns([3, 4, 3], vertical_alignment="top")
    with heading:
        st.title(t("setup.day_n", n=day.position))
        plain(day.title)
    with counts:
        st.metric(t("morning.answered"), t("morning.n_of_m", done=seen.any_question, n=seen.teams))
        missing = missing_teams(engine(), wid, int(day.id or 0))
        with st.container(key=f"morning-missing-{day.id}"):
            if missing:
                st.subheader(t("morning.not_yet", n=len(missing)))
                plain(", ".join(missing))
            elif seen.teams:
                st.subheader(t("morning.all_answered"))
    if with_qr:
        with qr:
            join_qr(wid)


def compact_list(questions: list[Question], seen: Participation, shown: int) -> None:
    """Every question of the day, numbered, with its count; the one on the wall marked."""
    for number, q in enumerate(questions, start=1):
        key = f"morning-question-{q.id}" + ("-shown" if number - 1 == shown else "")
        answered = seen.by_question.get(int(q.id or 0), 0)
        with st.container(border=True, key=key):
            st.caption(f"{t('morning.question_n', n=number)} · {t('morning.n_of_m', done=answered, n=seen.teams)}")
            plain(q.text)
    if not questions:
        return
    asked = {q.main_point_id for q in questions}
    for point in data.list_main_points(int(questions[0].workshop_id or 0)):
        if point.id in asked and point.description:  # what leadership decided each point means, one click away
            with st.expander(f"{t('morning.main_point')} {md(point.title)}"):
                plain(point.description)


@st.cache_resource(show_spinner=False, max_entries=64)
def bars(counts: tuple[tuple[str, int], ...], axis: str, ink: str) -> go.Figure:
    """The figure of a distribution, made once per set of counts (plotly builds a figure in tens of ms, and
    every projector and morning view redraws it every few seconds); only read afterwards, never changed."""
    return live_bars(counts, axis, ink)


def live_panel(result: LiveResult, number: int, seen: Participation, on_wall: bool) -> None:
    """One question large, with the room's answers so far: counts only, never who gave them."""
    q = result.question
    points = {p.id: p for p in data.list_main_points(int(q.workshop_id or 0))}
    with st.container(key=f"morning-live-{q.id}"):
        point = points.get(q.main_point_id)
        about = f" · {t('morning.main_point')} {md(point.title)}" if point is not None else ""
        st.caption(t("morning.question_n", n=number) + about)
        if point is not None and point.description:  # what leadership decided the point means (Aarhus's seminar)
            with st.container(key=f"morning-point-description-{q.id}"):
                plain(point.description)
        with st.container(key="morning-live-question"):
            plain(q.text)
        st.caption(t("morning.n_of_m", done=seen.by_question.get(int(q.id or 0), 0), n=seen.teams))
        if result.shows_bars:
            figure = bars(result.counts, t("morning.teams_axis"), INK[on_wall])
        elif result.terms:
            st.caption(t("morning.key_terms"))
            figure = bars(result.terms, t("morning.answers_axis"), INK[on_wall])
        else:
            st.caption(t("morning.no_words_yet"))
            return
        st.plotly_chart(figure, theme=None, config={"displayModeBar": False}, key=f"morning-chart-{q.id}")


def day_board(wid: int, day: Day, with_qr: bool, on_wall: bool) -> None:
    """One open day: the top band, the questions in compact form, and the question on the wall, live."""
    day_id = int(day.id or 0)
    seen = day_participation(engine(), wid, day_id)
    top_band(wid, day, seen, with_qr)
    questions = [q for q in data.list_questions(wid) if q.day_id == day.id]
    if not questions:
        return
    results = {r.question.id: r for r in data.morning_live(wid, day_id)}
    listed, live = st.columns([2, 3], gap="large")
    with live:
        options = [IN_TURN, *range(1, len(questions) + 1)]
        choice = st.segmented_control(
            t("morning.show"),
            options,
            default=IN_TURN,
            format_func=labels_now(options, lambda c: t("morning.in_turn") if c == IN_TURN else str(c)),
            key=f"morning-show-{day_id}",
        )
        shown = shown_index(choice, len(questions), time.time())
        result = results.get(questions[shown].id)
        if result is not None:
            live_panel(result, shown + 1, seen, on_wall)
    with listed:
        compact_list(questions, seen, shown)


def board(wid: int, on_wall: bool = False) -> bool:
    """Every open day's board (the join QR code beside the first); False (and a note) when no day is open."""
    days = open_days(wid)
    if not days:
        st.title(t("morning.title"))
        st.info(t("morning.no_open_day"))
        return False
    with st.container(key="morning"):
        for index, day in enumerate(days):
            day_board(wid, day, with_qr=index == 0, on_wall=on_wall)
    return True
