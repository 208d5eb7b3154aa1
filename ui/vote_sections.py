"""Dot votes: leadership opens and closes votes and reads the ranking; a team spends its dots."""

from __future__ import annotations

import streamlit as st

from ui.context import engine, lang, t
from ui.own_answers import handing_on, person_key_now
from ui.widgets import error_edge, labels_now, plain
from workshop.charts.vote_chart import vote_bars
from workshop.domain.model import Team
from workshop.domain.voting import MAX_DOTS, Vote, VoteTarget, dots_left
from workshop.services.loop.own_votes import own_dots, spend_own_dot
from workshop.services.loop.votes import open_vote, set_vote_open, spend_dot, team_dots, vote_items, vote_results


def new_vote_form(workshop_id: int) -> None:
    with st.form("new_vote", clear_on_submit=True, enter_to_submit=False):
        title = st.text_input(t("vote.vote_title"))
        targets: list[VoteTarget] = list(VoteTarget)
        target = st.radio(
            t("vote.target"),
            targets,
            horizontal=True,
            format_func=labels_now(VoteTarget, lambda v: t(f"vote.target.{v.value}")),
        )
        dots = st.number_input(t("vote.dots"), min_value=1, max_value=MAX_DOTS, value=3)
        each = st.checkbox(t("vote.each_person"), help=t("vote.each_person_help"))
        if st.form_submit_button(t("vote.open")):
            with error_edge() as edge:
                open_vote(engine(), workshop_id, title, target, int(dots), each)
            if edge.ok:
                st.success(t("vote.opened"))


def results(workshop_id: int, vote: Vote) -> None:
    """The ranking as a bar chart, every bar labelled."""
    ranked = vote_results(engine(), workshop_id, vote.id)
    if not ranked:
        st.info(t("vote.no_items"))
        return
    st.plotly_chart(vote_bars(ranked, t("vote.axis"), lang()), key=f"vote_chart_{vote.id}")


def open_switch(workshop_id: int, vote: Vote) -> None:
    wanted = st.toggle(t("vote.is_open"), value=vote.is_open, key=f"vote_open_{vote.id}")
    if wanted != vote.is_open:
        set_vote_open(engine(), workshop_id, vote.id, wanted)
        st.rerun()


def spend(team: Team, vote: Vote) -> None:
    """The team's dots (or, where each person votes, this person's own): one button to add and one to take
    back per item, and the dots left."""
    wid, vid = team.workshop_id, vote.id
    if vote.each_person:
        person = person_key_now()
        mine = own_dots(engine(), team, vid, person)
        st.info(t("voice.label"), icon="🔒")
        handing_on(f"own-next-person-vote-{vid}")
    else:
        mine = team_dots(engine(), wid, vid, team.id)
    st.caption(t("vote.left", left=dots_left(vote.dots, mine), n=vote.dots))
    for item, label in vote_items(engine(), wid, vid).items():
        text, more, less = st.columns([6, 1, 1])
        with text:
            plain(f"{'●' * mine.get(item, 0)} {label}".strip())
        for column, change, sign in ((more, 1, "+1"), (less, -1, "−1")):
            if column.button(sign, key=f"dot_{vid}_{item}_{change}", disabled=change < 0 and not mine.get(item)):
                with error_edge() as edge:
                    if vote.each_person:
                        spend_own_dot(engine(), team, person, vid, item, change)
                    else:
                        spend_dot(engine(), team, vid, item, change)
                if edge.ok:
                    st.rerun()
