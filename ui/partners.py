"""The partner page's sections: the network circle, the weak-space flag, each partner's movement over the
years, and the facilitator's forms to add, edit and delete partners and their moves."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from ui.confirm import delete_with_confirmation
from ui.context import engine, lang, t
from ui.data import stage_history, workshop_scores
from ui.widgets import cells, date_format, error_edge, labels_now, multiselect, option, plain, tr
from ui.writes import form_key, on_save, typed, typed_date, typed_ids, typed_text
from workshop.charts.network_circle import network_circle_figure
from workshop.config.spaces import spaces
from workshop.domain.model import RelationStage, Sector
from workshop.services.partnership.partners import (
    add_partner,
    delete_partner,
    deletion_of,
    edit_partner,
    weak_space_check,
)
from workshop.services.register.stages import add_stage_change, delete_stage_change

EARLIEST = dt.date(1950, 1, 1)  # past years can be entered
SLOT = "partners"  # the outcome of a partner's save, said at the top of the page (the partner may be gone)


def _done(message: str) -> None:
    st.session_state["partners_flash"] = message
    st.rerun()


def stage_label(stage: object) -> str:
    return t(f"partners.stage.{stage}")


def sector_label(sector: object) -> str:
    return t(f"partners.sector.{sector}")


def circle_section(register: pd.DataFrame) -> None:
    """The network circle as a picture, with its reading and the weak-space flag under it."""
    st.subheader(t("partners.circle"))
    st.caption(t("partners.circle_help"))
    stages = {s.value: stage_label(s) for s in RelationStage}
    sectors = {s.value: sector_label(s) for s in Sector}
    st.plotly_chart(network_circle_figure(register, stages, sectors, lang()), width="stretch", key="network_circle")


def weak_space_flag(wid: int, register: pd.DataFrame, by_space: pd.DataFrame) -> None:
    """Partnerships none of whose offers contribute to a space the scores call weak; without a partnership it
    claims nothing about them."""
    check = weak_space_check(workshop_scores(wid).spaces, register, by_space)
    if not check.weak_spaces:
        st.info(t("partners.no_weak_space"))
        return
    weak = ", ".join(spaces().space_name(k, lang()) for k in check.weak_spaces)
    if not check.checked:
        st.info(tr("partners.no_partnerships", spaces=weak))
    elif check.partnerships:
        st.warning(tr("partners.off_weak", spaces=weak, n=len(check.partnerships)), icon="🚩")
        plain("\n".join(check.partnerships))
    else:
        st.success(tr("partners.all_on_weak", spaces=weak))


def history_section(wid: int, partner_id: int, name: str, facilitator: bool) -> None:
    """One partner's moves in the network circle, oldest first; the facilitator adds or removes moves."""
    history = stage_history(wid)
    mine = history[history["partner_id"] == partner_id]
    st.markdown(tr("partners.history_of", name=name))
    shown = pd.DataFrame(
        {
            t("partners.col.changed_on"): mine["changed_on"],
            t("partners.col.stage"): mine["stage"].map(stage_label),
            t("partners.col.note"): mine["note"],
        }
    )
    st.dataframe(cells(shown), hide_index=True, width="stretch")
    if not facilitator:
        return
    with st.form(f"move_{partner_id}", clear_on_submit=True, enter_to_submit=False):
        st.caption(t("partners.add_move_help"))
        stage = st.selectbox(
            t("partners.col.stage"), list(RelationStage), format_func=labels_now(RelationStage, stage_label)
        )
        day = st.date_input(t("partners.col.changed_on"), dt.date.today(), EARLIEST, format=date_format())
        note = st.text_input(t("partners.col.note"))
        if st.form_submit_button(t("partners.add_move")):
            with error_edge() as edge:
                add_stage_change(engine(), wid, partner_id, stage, day, note)
            if edge.ok:
                _done(tr("partners.move_added", name=name))
    if len(mine) > 1:
        moves = {
            int(i): f"{d} · {stage_label(s)}"
            for i, d, s in zip(mine["id"], mine["changed_on"], mine["stage"], strict=True)
        }
        chosen = st.selectbox(t("partners.remove_move"), list(moves), format_func=moves.__getitem__, index=None)
        if chosen is not None:
            delete_with_confirmation(
                f"move-{chosen}",
                tr("partners.remove_move_warning", move=moves[chosen], name=name),
                lambda: delete_stage_change(engine(), wid, chosen),
            )


def edit_section(wid: int, row: pd.Series, offer_names: dict[int, str]) -> None:
    """Every field of one partner, its linked offers and, when its stage changes, the date of the move. Saved
    in the button's callback (ui.writes): a partner deleted in another session meanwhile is said so."""
    pid = int(row["id"])
    linked = [i for i, n in offer_names.items() if n in set(row["offers"])]
    key = form_key("partner", pid, *row[["name", "sector", "stage", "contact", "description"]], linked)
    with st.form(f"edit_partner_{pid}", enter_to_submit=False):
        st.subheader(t("partners.edit_title"))
        st.text_input(t("partners.col.name"), row["name"], key=f"{key}-name")
        st.selectbox(
            t("partners.col.sector"),
            list(Sector),
            list(Sector).index(Sector(row["sector"])),
            format_func=labels_now(Sector, sector_label),
            key=f"{key}-sector",
        )
        stages = list(RelationStage)
        st.selectbox(
            t("partners.col.stage"),
            stages,
            stages.index(RelationStage(row["stage"])),
            format_func=labels_now(RelationStage, stage_label),
            key=f"{key}-stage",
        )
        st.date_input(t("partners.stage_since"), dt.date.today(), EARLIEST, format=date_format(), key=f"{key}-day")
        st.text_input(t("partners.col.note"), help=t("partners.note_help"), key=f"{key}-note")
        st.text_input(t("partners.col.contact"), row["contact"], key=f"{key}-contact")
        st.text_area(t("partners.col.description"), row["description"], key=f"{key}-description")
        multiselect(
            st,
            t("partners.col.offers"),
            list(offer_names),
            default=linked,
            format_func=lambda k: option(offer_names[k]),
            key=f"{key}-offers",
        )
        sent = (SLOT, partial(_save_partner, wid, pid, key), partial(_saved_partner, key))
        st.form_submit_button(t("partners.save"), on_click=on_save, args=sent)

    def warning() -> str:
        gone = deletion_of(engine(), wid, pid)
        text = tr(
            "partners.delete_warning",
            name=gone.name,
            history=t("partners.history_lines", n=gone.stage_changes),
            involved=t("partners.offer_count", n=len(gone.offers)),
        )
        return f"{text} {t('partners.delete_proposals', n=gone.proposals)}" if gone.proposals else text

    delete_with_confirmation(
        f"partner-{pid}", warning, lambda: delete_partner(engine(), wid, pid), label=t("partners.delete")
    )


def _save_partner(wid: int, pid: int, key: str) -> None:
    fields = {f: typed(key, f) for f in ("name", "sector", "stage", "contact", "description")}
    offers, day = typed_ids(key, "offers"), typed_date(key, "day")
    edit_partner(engine(), wid, pid, fields, offers, day, typed_text(key, "note"))


def _saved_partner(key: str, _: object) -> str:
    return tr("partners.saved", name=str(typed(key, "name") or "").strip())


def add_section(wid: int, offer_names: dict[int, str]) -> None:
    """A new partner: its fields, the date its stage began and the offers it takes part in."""
    with st.form("add_partner", clear_on_submit=True, enter_to_submit=False):
        st.subheader(t("partners.add_title"))
        name = st.text_input(t("partners.col.name"))
        sector = st.selectbox(t("partners.col.sector"), list(Sector), format_func=labels_now(Sector, sector_label))
        stage = st.selectbox(
            t("partners.col.stage"), list(RelationStage), format_func=labels_now(RelationStage, stage_label)
        )
        since = st.date_input(t("partners.stage_since"), dt.date.today(), EARLIEST, format=date_format())
        contact = st.text_input(t("partners.col.contact"))
        about = st.text_area(t("partners.col.description"))
        linked = multiselect(
            st, t("partners.col.offers"), list(offer_names), format_func=lambda k: option(offer_names[k])
        )
        if st.form_submit_button(t("partners.add")):
            fields = {"name": name, "sector": sector, "stage": stage, "contact": contact, "description": about}
            with error_edge() as edge:
                add_partner(engine(), wid, fields, linked, since)
            if edge.ok:
                _done(tr("partners.added", name=name.strip()))
