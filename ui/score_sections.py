"""The sections of the strengths page and the profile: widgets in, one service or pure function, charts out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t
from ui.data import profile_frame, staff_beside_register
from ui.widgets import bold, cells, error_edge, pager, target_group
from workshop.charts.space_charts import gap_bars, matrix_heatmap, profile_chart, share_radar, staff_bars
from workshop.config.i18n import number, percent
from workshop.config.spaces import spaces
from workshop.domain.model import AIM_KEYS, SPACE_KEYS
from workshop.domain.profile import PAIRS, complements, profile_summary
from workshop.domain.scoring import MAX_WEIGHT, Thresholds
from workshop.domain.space_detail import spots, staff_comparison, unserved, verdicts
from workshop.services.register.strengths import THRESHOLD_FIELDS, save_thresholds, save_weights

# The strengths page's tabs, in order (their labels are the strengths.tab.<name> keys).
STRENGTH_TABS = ("spaces", "aims", "offers", "groups", "staff", "profile", "how")
HEATMAP_ROWS = 50  # offers per page of the heatmap: thousands of rows are neither readable nor quick


def names(kind: str) -> dict[str, str]:
    """Display names of the spaces or the aims in the user's language."""
    config = spaces()
    if kind == "spaces":
        return {k: config.space_name(k, lang()) for k in SPACE_KEYS}
    return {k: config.aim_name(k, lang()) for k in AIM_KEYS}


def _slider_key(wid: int, space: str) -> str:
    return f"strengths-weight-{wid}-{space}"


def weight_sliders(wid: int, stored: dict[str, float]) -> dict[str, float]:
    """What-if weights 0-5 per space (start at the stored ones); a save button and a way back to the saved."""
    st.subheader(t("strengths.whatif"))
    st.caption(t("strengths.whatif_help"))
    for space, column in zip(SPACE_KEYS, st.columns(len(SPACE_KEYS)), strict=True):
        key = _slider_key(wid, space)
        if key not in st.session_state:
            st.session_state[key] = int(stored[space])
        column.slider(names("spaces")[space], 0, MAX_WEIGHT, key=key)
    chosen = {s: float(st.session_state[_slider_key(wid, s)]) for s in SPACE_KEYS}
    save, back = st.columns(2)
    if save.button(t("strengths.save_weights"), type="primary", disabled=chosen == stored):
        with error_edge() as edge:
            save_weights(engine(), wid, chosen)
        if edge.ok:
            st.session_state["strengths-saved"] = True
            st.rerun()
    if back.button(t("strengths.reset_weights"), disabled=chosen == stored):
        for space in SPACE_KEYS:
            st.session_state.pop(_slider_key(wid, space), None)
        st.rerun()
    if st.session_state.pop("strengths-saved", False):
        st.success(t("strengths.weights_saved"), icon="✅")
    elif chosen != stored:
        st.info(t("strengths.unsaved"), icon="✏️")
    return chosen


def _pct(value: float) -> str:
    return percent(value, lang(), 1)


def score_table(scores: pd.DataFrame, kind: str) -> None:
    """The figures behind the charts, one row per space or aim."""
    shown = pd.DataFrame(
        {
            t("strengths.col.name"): [names(kind)[k] for k in scores["key"]],
            t("strengths.coverage"): [number(v, lang()) for v in scores["coverage"]],
            t("strengths.col.share"): [_pct(v) for v in scores["share"]],
            t("strengths.col.target"): [_pct(v) for v in scores["target_share"]],
            t("strengths.col.gap"): [number(100 * v, lang(), sign=True) for v in scores["gap"]],
            t("strengths.col.offers"): scores["offers"],
            t("strengths.col.strength"): [number(v, lang(), 2) for v in scores["mean_strength"]],
            t("strengths.col.verdict"): [t(f"strengths.{v}") if v else "" for v in verdicts(scores)],
        }
    )
    st.dataframe(cells(shown), hide_index=True, width="stretch")


def score_section(scores: pd.DataFrame, kind: str, thresholds: Thresholds) -> None:
    """Radar and diverging gap bars, the figures, then the weak and strong spots with their numbers."""
    label = names(kind)
    left, right = st.columns(2)
    radar = share_radar(
        scores, label, t("strengths.actual"), t("strengths.target"), t(f"strengths.radar_{kind}"), lang()
    )
    left.plotly_chart(radar, width="stretch", key=f"radar-{kind}")
    bars = gap_bars(scores, label, t("strengths.gap_axis"), t(f"strengths.gaps_{kind}"), lang())
    right.plotly_chart(bars, width="stretch", key=f"gaps-{kind}")
    score_table(scores, kind)
    found = spots(scores, thresholds)
    limits = {
        "gap_weak": number(100 * thresholds.weak_gap, lang()),
        "strength_weak": number(thresholds.weak_strength, lang()),
        "gap_strong": number(100 * thresholds.strong_gap, lang()),
        "strength_strong": number(thresholds.strong_strength, lang()),
    }
    for verdict, show in (("weak", st.warning), ("strong", st.success)):
        mine = [s for s in found if s["verdict"] == verdict]
        bold(t(f"strengths.{verdict}_spots"))
        if not mine:
            st.caption(t(f"strengths.no_{verdict}"))
        for spot in mine:
            reasons = "; ".join(t(f"strengths.reason.{r}", limit=limits[r]) for r in spot["reasons"])
            numbers = t(
                "strengths.spot_numbers",
                share=_pct(spot["share"]),
                target=_pct(spot["target_share"]),
                gap=number(100 * spot["gap"], lang(), sign=True),
                strength=number(spot["mean_strength"], lang(), 2),
                backing=t("strengths.spot_offers", n=spot["offers"]),
            )
            show(f"**{label[spot['key']]}** — {reasons}. {numbers}", icon="⚠️" if verdict == "weak" else "💪")


def backers_table(behind: pd.DataFrame) -> None:
    """The offers, partners and target groups behind each space (workshop.domain.space_detail.backers; user text:
    a plain table)."""
    st.dataframe(
        cells(
            pd.DataFrame(
                {
                    t("strengths.col.name"): [names("spaces")[k] for k in behind["space"]],
                    t("strengths.col.offer_names"): [", ".join(v) for v in behind["offers"]],
                    t("strengths.col.partners"): [", ".join(v) or "—" for v in behind["partners"]],
                    t("strengths.col.target_groups"): [
                        ", ".join(map(target_group, v)) or "—" for v in behind["target_groups"]
                    ],
                }
            )
        ),
        hide_index=True,
        width="stretch",
    )


def offers_heatmap(matrix: pd.DataFrame) -> None:
    """Active offers x spaces (offer_space_matrix) as a heatmap, HEATMAP_ROWS offers at a time."""
    if matrix.empty:
        st.info(t("strengths.empty"))
        return
    label, showing = "strengths.heatmap_page", "strengths.heatmap_showing"
    span = pager(len(matrix), HEATMAP_ROWS, "strengths-heatmap-page", label, showing)
    shown = matrix.iloc[span.start : span.stop]
    figure = matrix_heatmap(shown, names("spaces"), t("strengths.heatmap"), t("strengths.contribution"), lang())
    st.plotly_chart(figure, width="stretch", key="offers-heatmap")


def target_groups(matrix: pd.DataFrame) -> None:
    """Target groups x spaces (target_group_matrix); a cross where no active offer serves the group in the space."""
    if matrix.empty:
        st.info(t("strengths.groups_empty"))
        return
    shown = matrix.rename(index=target_group)
    figure = matrix_heatmap(
        shown, names("spaces"), t("strengths.groups_title"), t("strengths.groups_count"), lang(), True
    )
    st.plotly_chart(figure, width="stretch", key="target-groups")
    gaps = unserved(matrix)
    st.caption(t("strengths.groups_unserved", n=len(gaps)))
    if gaps:
        rows = {
            t("strengths.col.target_group"): [target_group(group) for group, _ in gaps],
            t("strengths.col.name"): [names("spaces")[space] for _, space in gaps],
        }
        st.dataframe(cells(pd.DataFrame(rows)), hide_index=True, width="stretch")


def staff_view(space_scores: pd.DataFrame, staff: pd.DataFrame) -> None:
    """The teams' "how strong are we" beside the mapped mean strength; says where they differ."""
    compared = staff_comparison(space_scores, staff)
    if compared["team_mean"].isna().all():
        st.info(t("strengths.staff_empty"))
        return
    label = names("spaces")
    chart = staff_bars(
        compared, label, t("strengths.staff_team"), t("strengths.staff_mapped"), t("strengths.staff"), lang()
    )
    st.plotly_chart(chart, width="stretch", key="staff")
    for row in compared.itertuples():
        if row.differs:
            higher = "strengths.staff_higher" if float(row.difference) > 0 else "strengths.staff_lower"
            st.warning(
                t(
                    higher,
                    name=label[row.space],
                    team=number(row.team_mean, lang()),
                    mapped=number(row.mapped_mean, lang()),
                ),
                icon="🔍",
            )
        elif row.ratings == 0:
            st.caption(t("strengths.staff_unrated", name=label[row.space]))
    if not compared["differs"].any():
        st.success(t("strengths.staff_agree"), icon="🤝")


def staff_mapping(wid: int, weights: dict[str, float]) -> None:
    """The staff's mapping (the teams' medians) beside the register's: each space's share of coverage."""
    st.subheader(t("strengths.mapping_title"))
    both = staff_beside_register(wid, weights)
    if both.empty:
        st.info(t("strengths.mapping_empty"))
        return
    label = names("spaces")
    table = pd.DataFrame(
        {
            t("strengths.col.name"): [label[k] for k in both["space"]],
            t("strengths.mapping_register"): [percent(v, lang()) for v in both["register_share"]],
            t("strengths.mapping_staff"): [percent(v, lang()) for v in both["staff_share"]],
        }
    )
    st.dataframe(cells(table), hide_index=True, width="stretch")
    st.caption(t("strengths.mapping_caption", n=int(both["mapped_offers"].iloc[0])))


def profile_section(wid: int) -> None:
    """The opposite-pairs profile chart and which kind of partner would complement the library."""
    summary = profile_summary(profile_frame(wid))
    if summary["library"].isna().all():
        st.info(t("strengths.profile_empty"))
        return
    poles = {p: (t(f"profile.pole.{a}"), t(f"profile.pole.{b}")) for p, (a, b) in PAIRS.items()}
    views = {v: t(f"profile.view.{v}") for v in ("leadership", "teams", "library")}
    st.plotly_chart(profile_chart(summary, poles, views, lang()), width="stretch", key="profile")
    for advice in complements(summary):
        first, second = poles[str(advice["pair"])]
        if advice["seek"] is None:
            st.caption(t("profile.balanced", first=first, second=second))
        else:
            leans, seek = t(f"profile.pole.{advice['leans']}"), t(f"profile.pole.{advice['seek']}")
            st.info(t("profile.seek", leans=leans, seek=seek), icon="🤝")


def thresholds_form(wid: int, current: Thresholds) -> None:
    """Leadership adjusts when a space or aim counts as weak or strong."""
    with st.form("thresholds", enter_to_submit=False):
        values = {}
        for field, column in zip(THRESHOLD_FIELDS, st.columns(4), strict=True):
            gap = field.endswith("gap")
            shown = 100 * getattr(current, field) if gap else getattr(current, field)
            top = 100.0 if gap else 5.0
            entered = column.number_input(t(f"strengths.threshold.{field}"), 0.0, top, float(shown), 0.5)
            values[field] = entered / 100 if gap else entered
        if st.form_submit_button(t("strengths.save_thresholds")):
            with error_edge() as edge:
                save_thresholds(engine(), wid, values)
            if edge.ok:
                st.rerun()
