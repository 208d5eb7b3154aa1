"""Closing the loop: the publish switch and each theme's reactions (leadership), a theme's outcome and
the reaction form (teams). User text goes through plain() only."""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui import data
from ui.context import engine, lang, t
from ui.widgets import error_edge, labels_now, plain
from ui.writes import on_save
from ui.writes import outcome as said
from workshop.config.i18n import date_text
from workshop.domain.loop import REACTION_MAX, Stance, ThemeOutcome, reaction_counts
from workshop.domain.model import Team, Theme
from workshop.services.loop.publication import is_published, set_published
from workshop.services.loop.reactions import react, set_reactions_open

REACTION_SLOT = "react-"  # + the theme's id: the outcome of a team's reaction, said in the theme's card


def publish_switch(workshop_id: int) -> None:
    """Leadership decides when the teams see themes, decisions and actions."""
    published = is_published(engine(), workshop_id)
    wanted = st.toggle(t("loop.publish"), value=published, key="publish_decisions", help=t("loop.publish_help"))
    if wanted != published:
        set_published(engine(), workshop_id, wanted)
        st.rerun()
    st.caption(t("loop.published") if published else t("loop.not_published"))


def theme_reactions(workshop_id: int, theme: Theme) -> None:
    """The switch that opens a theme for reactions, and the teams' reactions beside it."""
    key = f"reactions_open_{theme.id}"
    wanted = st.toggle(t("loop.reactions_open"), value=theme.reactions_open, key=key)
    if wanted != theme.reactions_open:
        with error_edge() as edge:
            set_reactions_open(engine(), workshop_id, theme.id, wanted)
        if edge.ok:
            st.rerun()
    given = data.reactions_frame(workshop_id)
    given = given[given["theme_id"] == theme.id]
    if given.empty:
        st.caption(t("loop.no_reactions"))
        return
    counts = reaction_counts(given["stance"].tolist())
    st.caption(
        t(
            "loop.reaction_counts",
            agree=t("reaction.agree", n=counts[Stance.AGREE]),
            concerns=t("reaction.concerns", n=counts[Stance.CONCERNS]),
        )
    )
    for row in given.itertuples():
        plain(f"{row.team} · {t(f'loop.stance.{row.stance}')}" + (f"\n{row.comment}" if row.comment else ""))


def outcome_card(team: Team, outcome: ThemeOutcome) -> None:
    """One theme as a team reads it: decision, note, the answers behind it, the actions, its reaction."""
    with st.container(border=True):
        plain(outcome.title)
        st.badge(t(f"theme_status.{outcome.status.value}"), color="green" if outcome.decided else "gray")
        if outcome.decision:
            st.caption(t("loop.note"))
            plain(outcome.decision)
        if outcome.actions:
            st.caption(t("loop.actions"))
            for action in outcome.actions:
                when = t("loop.due", date=date_text(action.due, lang())) if action.due else t("loop.no_due")
                status = t(f"action_status.{action.status.value}")
                plain(f"{action.title} — {action.owner or t('loop.no_owner')} · {when} · {status}")
        own = sum(1 for a in outcome.answers if a.own)
        with st.expander(t("loop.answers", n=len(outcome.answers), own=own)):
            for answer in outcome.answers:
                if answer.own:
                    st.badge(t("loop.yours"), icon="✍️", color="blue")
                plain(f"{answer.team} · {answer.question}\n{answer.answer}")
        reaction_form(team, outcome)


def reaction_form(team: Team, outcome: ThemeOutcome) -> None:
    """Agree or concerns and a short comment, while the theme is open for reactions; else the last one.
    Saved in the button's callback (ui.writes): a reaction sent after leadership closed reactions (or
    deleted the theme) meanwhile is refused with the reason, not dropped with its form."""
    said(f"{REACTION_SLOT}{outcome.theme_id}")
    mine = outcome.own_reaction
    if not outcome.reactions_open:
        if mine is not None:
            st.caption(t("loop.your_reaction_closed", stance=t(f"loop.stance.{mine.stance.value}")))
            if mine.comment:
                plain(mine.comment)
        return
    # Keyed, and filled in once: a saved reaction changes the defaults, which must not reset what is typed.
    stance_key, comment_key = f"react_stance_{outcome.theme_id}", f"react_comment_{outcome.theme_id}"
    st.session_state.setdefault(stance_key, mine.stance if mine else Stance.AGREE)
    st.session_state.setdefault(comment_key, mine.comment if mine else "")
    with st.form(f"react_{outcome.theme_id}", enter_to_submit=False):
        st.radio(
            t("loop.stance_label"),
            list(Stance),
            horizontal=True,
            format_func=labels_now(Stance, lambda s: t(f"loop.stance.{s.value}")),
            key=stance_key,
        )
        st.text_area(t("loop.comment", n=REACTION_MAX), key=comment_key)
        send = partial(_react, team, outcome.theme_id, stance_key, comment_key)
        st.form_submit_button(
            t("loop.react"), on_click=on_save, args=(f"{REACTION_SLOT}{outcome.theme_id}", send, t("loop.reacted"))
        )


def _react(team: Team, theme_id: int, stance_key: str, comment_key: str) -> None:
    react(engine(), team, theme_id, st.session_state[stance_key], st.session_state[comment_key])
