"""The four-spaces map: every offer as a dot in its primary space; click a space to list its offers."""

import streamlit as st

from ui.context import lang, t
from ui.data import list_target_groups, register_frame
from ui.gate import held_workshop_id, require
from ui.widgets import cells, labels_now, multiselect, option, target_group
from workshop.charts.offer_map import filter_offers, map_points, offer_map_figure, offers_in_space, space_of_selection
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS, OfferStatus, Role

require(*Role)
wid = held_workshop_id()
st.title(t("map.title"))
frame = register_frame(wid)
if frame.empty:
    st.info(t("map.empty"))
    st.page_link("pages/offers.py", label=t("nav.offers"), icon="📚")
    st.stop()


def used(column: str) -> list[str]:
    return sorted({item for items in frame[column] for item in items})


space_name = lambda key: spaces().space_name(key, lang())  # noqa: E731
a, b, c, d = st.columns(4)
teams = multiselect(a, t("map.filter_team"), sorted(set(frame["owner_team"]) - {""}), format_func=option)
known_groups = list(dict.fromkeys([*list_target_groups(wid), *used("target_groups")]))
groups = multiselect(b, t("map.filter_group"), known_groups, format_func=labels_now(known_groups, target_group))
status_values = [s.value for s in OfferStatus]
statuses = multiselect(
    c, t("map.filter_status"), status_values, format_func=labels_now(status_values, lambda s: t(f"offers.status.{s}"))
)
partners = multiselect(d, t("map.filter_partner"), used("partners"), format_func=option)
shown = filter_offers(frame, teams, groups, statuses, partners)
st.caption(t("map.count", shown=len(shown), n=len(frame)))

labels = {k: t(f"map.hover_{k}") for k in ("team", "partners", "strength", "reach")}
figure = offer_map_figure(map_points(shown), lang(), labels)
event = st.plotly_chart(figure, on_select="rerun", selection_mode="points", key="offer_map", width="stretch")
picked = space_of_selection(event)
if picked and picked != st.session_state.get("map_last_pick"):
    st.session_state["map_last_pick"] = picked
    st.session_state["map_space"] = picked
st.caption(t("map.legend"))

space = st.selectbox(
    t("map.space"),
    SPACE_KEYS,
    index=None,
    format_func=labels_now(SPACE_KEYS, space_name),
    placeholder=t("map.space_pick"),
    key="map_space",
)
if space:
    listing = offers_in_space(shown, space)
    st.subheader(t("map.in_space", space=space_name(space), n=len(listing)))
    columns = {"name": t("offers.col.name"), "owner_team": t("offers.col.owner_team"), space: t("map.contribution")}
    columns |= {"strength": t("offers.col.strength"), "reach": t("offers.col.reach")}
    st.dataframe(cells(listing[list(columns)].rename(columns=columns)), hide_index=True, width="stretch")
