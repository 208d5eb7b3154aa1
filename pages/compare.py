"""Leadership: two workshops side by side (last year's week and this one): coverage, gaps, weak spots,
the matched questions' answers then and now, and what became of the earlier workshop's actions."""

import streamlit as st

from ui.compare_sections import actions_section, answers_section, by_hand, figures_as_written
from ui.context import engine, lang, t, workshop
from ui.gate import require
from ui.secret_forms import secret_input, session_key
from ui.widgets import error_edge, headed, option, tr
from workshop.charts.answer_charts import compare_chart
from workshop.config.spaces import spaces
from workshop.domain.compare import notable_changes
from workshop.domain.model import Role
from workshop.services.register.comparison import comparable, compare_workshops, unlock, year_over_year

require(Role.LEADERSHIP)
current = workshop()
assert current is not None
st.title(t("compare.title"))
others = comparable(engine(), current.id)
if not others:
    st.info(t("compare.empty"))
    st.page_link("pages/home.py", label=t("nav.home"), icon="🏠")
    st.stop()
other = st.selectbox(t("compare.other"), list(others), format_func=lambda k: option(others[k]), key="compare_other")
unlocked: set[int] = st.session_state.setdefault("compare_unlocked", set())
if other not in unlocked:
    st.caption(t("compare.code_help"))
    with st.form("compare_code", clear_on_submit=True, enter_to_submit=False):
        code = secret_input("compare_unlock")
        if st.form_submit_button(t("compare.unlock")):
            with error_edge() as edge:
                unlock(engine(), int(other), code, session=session_key())
            if edge.ok:
                unlocked.add(int(other))
                st.rerun()
    st.stop()

names = (str(others[other]), current.name)
comparison = compare_workshops(engine(), int(other), current.id)
config = spaces()
for heading, compared, name_of in (
    (t("compare.spaces"), comparison.spaces, config.space_name),
    (t("compare.aims"), comparison.aims, config.aim_name),
):
    st.subheader(heading)
    st.plotly_chart(compare_chart(compared, lang(), names, title=t("compare.gap_chart")), width="stretch")
    for key, change in notable_changes(compared):
        st.info(t(f"compare.change.{change}", name=name_of(key, lang())))
    shown = compared.assign(
        key=compared["key"].map(lambda k, f=name_of: f(k, lang())),
        weak_before=compared["weak_before"].map(lambda w: "✓" if w else ""),
        weak_after=compared["weak_after"].map(lambda w: "✓" if w else ""),
        change=compared["change"].map(lambda c: t(f"compare.state.{c}")),
        **figures_as_written(compared, lang()),
    )
    columns = ["key", "coverage_before", "coverage_after", "share_before", "share_after", "gap_before", "gap_after"]
    st.dataframe(headed(shown[[*columns, "weak_before", "weak_after", "change"]]), hide_index=True, width="stretch")
st.caption(tr("compare.legend", before=names[0], after=names[1]))

result = year_over_year(engine(), int(other), current.id, by_hand(int(other)))
answers_section(result, names, int(other))
actions_section(result, names)
