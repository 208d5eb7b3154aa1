"""Leadership: what every team said, by main point."""

import streamlit as st

from ui.context import engine, t, workshop_id
from ui.gate import require
from ui.widgets import plain
from workshop.model import Role
from workshop.services.week import answers_frame, list_main_points

require(Role.LEADERSHIP)
wid = int(workshop_id() or 0)
st.title(t("overview.title"))
answers = answers_frame(engine(), wid)
points = list_main_points(engine(), wid)
if answers.empty:
    st.info(t("overview.empty"))
    st.stop()
st.metric(t("overview.answers"), len(answers))
for point in [*points, None]:
    subset = (
        answers[answers["main_point_id"].isna()] if point is None else answers[answers["main_point_id"] == point.id]
    )
    if subset.empty:
        continue
    with st.expander(point.title if point else t("overview.no_main_point"), expanded=False):
        for row in subset.itertuples():
            st.caption(f"{row.team} · {t('setup.day_n', n=row.day)}")
            plain(row.question)
            plain(row.text or ", ".join(row.choices) or str(row.rating))
