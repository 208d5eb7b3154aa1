"""The day board on the wall and the morning view, laid out for a 1920×1080 projector: the counts and the
join QR code on top, every question of the day in compact form, and one question at a time with the room's
answers as they come in (bars of counts, or the key terms of written answers; never a team's name)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import streamlit as st

from ui import data
from ui.context import lang, t
from ui.widgets import labels_now, md, plain
from workshop.charts.live_chart import live_bars
from workshop.domain.live import IN_TURN, LiveResult, shown_index
from workshop.domain.model import MainPoint
from workshop.services.week.days import Participation
from workshop.services.week.morning import app_link, qr_png
from workshop.services.week.morning_view import Board, DayBoard

QR_PX = 170


def app_url() -> str:
    """The address this browser reached the app at (links and QR codes point there)."""
    here = urlsplit(st.context.url or "")
    return f"{here.scheme}://{here.netloc}" if here.netloc else "http://localhost:8501"


def join_qr(wid: int, language: str) -> None:
    """The QR code of the workshop's join page, in its language (no team code in it: each team types its own)."""
    link = app_link(app_url(), {"w": wid, "lang": language})
    with st.container(key="morning-qr"):
        code, words = st.columns([2, 3], vertical_alignment="center")
        code.image(qr_png(link), width=QR_PX, alt=t("morning.qr_alt", link=link))
        words.caption(t("morning.join_qr"))
        words.caption(link)


def top_band(wid: int, shown: DayBoard, language: str | None) -> None:
    """The day, how many teams answered and which have not, and the join QR code (when given the workshop's
    language): all above the fold."""
    day, seen = shown.day, shown.seen
    heading, counts, qr = st.columns([3, 4, 3], vertical_alignment="top")
    with heading:
        st.title(t("setup.day_n", n=day.position))
        plain(day.title)
    with counts:
        st.metric(t("morning.answered"), t("morning.n_of_m", done=seen.any_question, n=seen.teams))
        with st.container(key=f"morning-missing-{day.id}"):
            if shown.missing:
                st.subheader(t("morning.not_yet", n=len(shown.missing)))
                plain(", ".join(shown.missing))
            elif seen.teams:
                st.subheader(t("morning.all_answered"))
    if language is not None:
        with qr:
            join_qr(wid, language)


def compact_list(shown: DayBoard, points: dict[int, MainPoint], live_index: int) -> None:
    """Every question of the day, numbered, with its count; the one on the wall marked."""
    seen = shown.seen
    for number, q in enumerate(shown.questions, start=1):
        key = f"morning-question-{q.id}" + ("-shown" if number - 1 == live_index else "")
        answered = seen.by_question.get(q.id, 0)
        with st.container(border=True, key=key):
            st.caption(f"{t('morning.question_n', n=number)} · {t('morning.n_of_m', done=answered, n=seen.teams)}")
            plain(q.text)
    asked = {q.main_point_id for q in shown.questions}
    for point_id, point in points.items():
        if point_id in asked and point.description:  # what leadership decided each point means, one click away
            with st.expander(f"{t('morning.main_point')} {md(point.title)}"):
                plain(point.description)


def live_panel(
    result: LiveResult, number: int, seen: Participation, points: dict[int, MainPoint], on_wall: bool
) -> None:
    """One question large, with the room's answers so far: counts only, never who gave them."""
    q = result.question
    with st.container(key=f"morning-live-{q.id}"):
        point = points.get(q.main_point_id) if q.main_point_id is not None else None
        about = f" · {t('morning.main_point')} {md(point.title)}" if point is not None else ""
        st.caption(t("morning.question_n", n=number) + about)
        if point is not None and point.description:  # what leadership decided the point means (Aarhus's seminar)
            with st.container(key=f"morning-point-description-{q.id}"):
                plain(point.description)
        with st.container(key=f"morning-live-text-{q.id}"):  # one per open day: keys unique
            plain(q.text)
        st.caption(t("morning.n_of_m", done=seen.by_question.get(q.id, 0), n=seen.teams))
        if result.shows_bars:
            shown = live_bars(result.counts, lang(), "morning.bar_teams", on_wall)
            axis = t("morning.teams_axis")
        elif result.terms:
            st.caption(t("morning.key_terms"))
            shown = live_bars(result.terms, lang(), "morning.bar_answers", on_wall)
            axis = t("morning.answers_axis")
        else:
            st.caption(t("morning.no_words_yet"))
            return
        with st.container(key=f"morning-chart-{q.id}"):  # labels that wrap in a column of any width
            st.html(shown)
        st.caption(axis)  # what the numbers count, below them


def day_board(wid: int, shown: DayBoard, points: dict[int, MainPoint], language: str | None, on_wall: bool) -> None:
    """One open day: the top band, the questions in compact form, and the question on the wall, live."""
    top_band(wid, shown, language)
    questions = shown.questions
    if not questions:
        return
    day_id = shown.day.id
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
        index = shown_index(choice, len(questions), time.time())
        result = shown.results.get(questions[index].id)
        if result is not None:
            live_panel(result, index + 1, shown.seen, points, on_wall)
    with listed:
        compact_list(shown, points, index)


def board(wid: int, on_wall: bool = False) -> Board:
    """Every open day's board (the join QR code beside the first), or a note when no day is open; returns the
    board as read, for the recap below it (ui.morning.recap_section)."""
    read = data.morning_board(wid)
    if not read.days:
        st.title(t("morning.title"))
        st.info(t("morning.no_open_day"))
        return read
    with st.container(key="morning"):
        for index, shown in enumerate(read.days):
            day_board(wid, shown, read.main_points, read.language if index == 0 else None, on_wall)
    return read
