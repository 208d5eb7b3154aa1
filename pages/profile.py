"""Leadership and teams: rate the library on the two opposite pairs; see which partner would complement it."""

from functools import partial

import streamlit as st

from ui.context import engine, t
from ui.gate import held_workshop_id, require, team
from ui.score_sections import profile_section
from ui.widgets import error_edge, labels_now, plain
from workshop.domain.model import Role
from workshop.domain.profile import PAIRS
from workshop.services.register.profile_ratings import own_ratings, rate_profile

held = require(Role.LEADERSHIP, Role.TEAM)
wid = held_workshop_id()
rater = team()
team_id = rater.id if held == Role.TEAM and rater is not None else None
st.title(t("profile.title"))
st.caption(t("profile.help"))
if rater is not None:
    st.caption(t("profile.rating_for"))
    plain(rater.name)
mine = own_ratings(engine(), wid, team_id)


def scale_label(first: str, second: str, value: int) -> str:
    """A point on the scale between two poles: how far, towards which pole (0 is the middle)."""
    if not value:
        return "0"
    return t("profile.scale", value=f"{value:+d}", pole=t(f"profile.pole.{first if value < 0 else second}"))


with st.form("profile", enter_to_submit=False):
    values: dict[str, int] = {}
    for pair, (first, second) in PAIRS.items():
        values[pair] = st.select_slider(
            f"{t(f'profile.pole.{first}')} ↔ {t(f'profile.pole.{second}')}",
            options=[-2, -1, 0, 1, 2],
            value=mine.get(pair, 0),
            format_func=labels_now(
                [-2, -1, 0, 1, 2],
                partial(scale_label, first, second),
            ),
            key=f"profile-{pair}",
        )
    if st.form_submit_button(t("profile.save")):
        with error_edge() as edge:
            rate_profile(engine(), wid, values, team_id)
        if edge.ok:
            st.success(t("profile.saved"), icon="✅")
if not mine:
    st.caption(t("profile.not_rated"))

st.subheader(t("profile.chart"))
profile_section(wid)
