"""Leadership: actions from a theme or on their own, as a board and a list, overdue ones marked."""

import datetime as dt

import streamlit as st

from ui.context import engine, lang, t, workshop
from ui.gate import require
from ui.widgets import date_format, error_edge, headed, md, option, plain, tr
from workshop.config.spaces import spaces
from workshop.domain.model import SPACE_KEYS, ActionStatus, Role
from workshop.services.loop.actions import actions_frame, add_action, board, set_action_status, with_overdue
from workshop.services.loop.themes import list_themes
from workshop.services.week.days import list_main_points

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
wid = current.id
st.title(t("actions.title"))
today = dt.date.today()
themes = {th.id: th.title for th in list_themes(engine(), wid)}
points = {p.id: p.title for p in list_main_points(engine(), wid)}
space_names = {k: spaces().space_name(k, lang()) for k in SPACE_KEYS}
STATUSES: list[ActionStatus] = list(ActionStatus)
status_name = {s: t(f"action_status.{s.value}") for s in STATUSES}

with st.expander(t("actions.new"), expanded=False), st.form("new_action", clear_on_submit=True, enter_to_submit=False):
    title = st.text_input(t("actions.action_title"))
    owner = st.text_input(t("actions.owner"))
    a, b = st.columns(2)
    theme_id = a.selectbox(t("actions.theme"), [None, *themes], format_func=lambda k: option(themes.get(k, "—")))
    point_id = b.selectbox(t("actions.main_point"), [None, *points], format_func=lambda k: option(points.get(k, "—")))
    space = a.selectbox(t("actions.space"), [None, *SPACE_KEYS], format_func=lambda k: space_names.get(k, "—"))
    due = b.date_input(t("actions.due"), value=None, format=date_format())
    status = st.selectbox(t("actions.status"), STATUSES, format_func=status_name.__getitem__)
    if st.form_submit_button(t("actions.add")):
        with error_edge() as edge:
            fields = {
                "title": title,
                "owner": owner,
                "theme_id": theme_id,
                "main_point_id": point_id,
                "space": space,
                "due": due,
                "status": status,
            }
            add_action(engine(), wid, fields)
        if edge.ok:
            st.success(tr("actions.added", title=title.strip()))

frame = actions_frame(engine(), wid)
# A status changed on a card that another session deleted meanwhile: the card is gone, so say so.
shown = st.session_state.get("actions_shown", {})
if any(st.session_state.get(f"move_{k}", s) != s for k, s in shown.items() if k not in set(frame["id"])):
    st.warning(t("setup.gone"), icon="🗑️")
st.session_state["actions_shown"] = {int(k): ActionStatus(s) for k, s in zip(frame["id"], frame["status"], strict=True)}
if frame.empty:
    st.info(t("actions.empty"))
    st.stop()
marked = with_overdue(frame, today)
overdue = int(marked["overdue"].sum())
if overdue:
    st.warning(t("actions.overdue_count", n=overdue), icon="⏰")

board_tab, list_tab = st.tabs([t("actions.board"), t("actions.list")])
with board_tab:
    for column, (state, cards) in zip(st.columns(3), board(frame, today).items(), strict=True):
        column.subheader(f"{status_name[state]} ({len(cards)})")
        for card in cards.itertuples():
            with column.container(border=True):
                plain(card.title)
                details = [card.owner, space_names.get(card.space, ""), str(card.due) if card.due else ""]
                st.caption(" · ".join(md(d) for d in details if d))
                if card.overdue:
                    st.badge(t("actions.overdue"), icon="⏰", color="red")
                moved = st.selectbox(
                    t("actions.status"),
                    STATUSES,
                    index=STATUSES.index(state),
                    format_func=status_name.__getitem__,
                    key=f"move_{card.id}",
                )
                if moved != state:
                    with error_edge() as edge:
                        set_action_status(engine(), wid, int(card.id), moved)
                    if edge.ok:
                        st.rerun()
with list_tab:
    shown = marked.assign(
        theme=marked["theme_id"].map(lambda k: themes.get(k, "")),
        main_point=marked["main_point_id"].map(lambda k: points.get(k, "")),
        space=marked["space"].map(lambda k: space_names.get(k, "")),
        status=marked["status"].map(lambda s: status_name[ActionStatus(s)]),
        overdue=marked["overdue"].map(lambda o: "⏰ " + t("actions.overdue") if o else ""),
    )
    columns = ["title", "owner", "space", "main_point", "theme", "due", "status", "overdue"]
    st.dataframe(headed(shown[columns]), hide_index=True, width="stretch")
