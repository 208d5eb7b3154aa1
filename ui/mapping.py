"""The widgets of the teams' mapping: one offer at a time for a team, one offer's spread for the facilitator."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import engine, lang, t, workshop
from ui.widgets import cells, error_edge, error_text, labels_now, multiselect, option, plain, target_group
from workshop.config.spaces import spaces
from workshop.domain.mapping import Contribution, OfferRef, next_offer, register_shown, starting_point
from workshop.domain.model import SPACE_KEYS, Team
from workshop.services.register.mapping import TeamMapping, propose_offer, register_values, save_mapping
from workshop.services.register.mapping_review import ReviewItem, accept, median_of

OUTCOME = "mapping-outcome"


def content_lang() -> str:
    """The workshop's own language: the questions are workshop content, like the day's questions."""
    current = workshop()
    return current.language if current is not None else lang()


def _keys(oid: int) -> dict[str, str]:
    return {name: f"map-{name}-{oid}" for name in (*SPACE_KEYS, "strength", "groups", "partners", "note")}


def _entry(oid: int) -> Contribution:
    k, ss = _keys(oid), st.session_state
    return Contribution(
        {s: int(ss.get(k[s]) or 0) for s in SPACE_KEYS},
        int(ss.get(k["strength"]) or 3),
        list(ss.get(k["groups"]) or []),
        list(ss.get(k["partners"]) or []),
        str(ss.get(k["note"]) or ""),
    )


def _restore(oid: int, start: Contribution | None) -> None:
    """Fill a fresh page's widgets from the database: the team's mapping (or draft), else the register when
    the workshop pre-fills, else nothing chosen (workshop.domain.mapping.starting_point)."""
    k, ss = _keys(oid), st.session_state
    for s in SPACE_KEYS:
        ss.setdefault(k[s], start.spaces[s] if start else None)
    ss.setdefault(k["strength"], start.strength if start else None)
    ss.setdefault(k["groups"], list(start.target_groups) if start else [])
    ss.setdefault(k["partners"], list(start.partners) if start else [])
    ss.setdefault(k["note"], start.note if start else "")


def _register_line(register: Contribution) -> str:
    """What the register holds for the offer, in one line."""
    config = spaces()
    values = ", ".join(f"{config.space_name(key, lang())} {register.spaces[key]}" for key in SPACE_KEYS)
    return t("mapping.register_holds", values=values, strength=register.strength)


def _keep_draft(team: Team, oid: int) -> None:
    with error_edge(show=False) as edge:
        save_mapping(engine(), team, oid, _entry(oid), done=False)
    if edge.error is not None:
        st.session_state[OUTCOME] = ("error", error_text(edge.error))
    else:
        st.session_state.pop(OUTCOME, None)


def _done(team: Team, oid: int, queue: list[int], done: set[int]) -> None:
    if st.session_state.get(_keys(oid)["strength"]) is None:  # a blank start: no strength assumed for the team
        st.session_state[OUTCOME] = ("error", t("mapping.choose_strength"))
        return
    with error_edge(show=False) as edge:
        save_mapping(engine(), team, oid, _entry(oid), done=True)
    if edge.error is not None:
        st.session_state[OUTCOME] = ("error", error_text(edge.error))
        return
    st.session_state[OUTCOME] = ("saved", t("mapping.saved"))
    skipped = [s for s in st.session_state.get("mapping-skipped", []) if s != oid]
    st.session_state["mapping-skipped"] = skipped
    st.session_state["mapping-current"] = next_offer(queue, done | {oid}, skipped)


def _skip(oid: int, queue: list[int], done: set[int]) -> None:
    skipped = [s for s in st.session_state.get("mapping-skipped", []) if s != oid] + [oid]
    st.session_state["mapping-skipped"] = skipped
    st.session_state["mapping-current"] = next_offer(queue, done, skipped)
    st.session_state.pop(OUTCOME, None)


def current_offer(state: TeamMapping) -> OfferRef | None:
    """The offer the team is on: the one it picked, else the next one not mapped yet."""
    by_id = {o.id: o for o in state.offers}
    queue = list(by_id)
    picked = st.session_state.get("mapping-current")
    if picked not in by_id:
        picked = next_offer(queue, state.done, st.session_state.get("mapping-skipped", []))
        st.session_state["mapping-current"] = picked
    return by_id.get(picked) if picked is not None else None


def offer_card(team: Team, state: TeamMapping, offer: OfferRef, groups: list[str], partners: list[str]) -> None:
    """One offer: a plain question per space with what 0-3 mean and an example, strength, groups, partners."""
    oid, k, config = offer.id, _keys(offer.id), spaces()
    register = register_values(engine(), team.workshop_id, oid)
    _restore(oid, starting_point(state.entries.get(oid), register, state.prefill))
    scale = [n.get(content_lang()) for n in config.mapping_scale] or ["0", "1", "2", "3"]
    queue, args = [o.id for o in state.offers], (team, oid)
    with st.container(border=True):
        st.caption(t("mapping.offer"))
        plain(offer.name)
        unsaved = "mapping.not_mapped" if state.prefill else "mapping.not_mapped_blank"
        st.caption(t("mapping.mapped") if oid in state.done else t(unsaved))
        if register_shown(oid in state.done, state.prefill):
            st.caption(_register_line(register))
        # One row of 0-3 per space (a phone reads the card on one screen): the scale said once, each
        # space's question and example behind its help mark.
        st.caption(" · ".join(scale))
        for key in SPACE_KEYS:
            st.radio(
                config.space_name(key, lang()),
                [0, 1, 2, 3],
                key=k[key],
                horizontal=True,
                on_change=_keep_draft,
                args=args,
                help=_space_help(key),
            )
        st.radio(
            t("mapping.strength"),
            [1, 2, 3, 4, 5],
            key=k["strength"],
            horizontal=True,
            on_change=_keep_draft,
            args=args,
            help=t("mapping.strength_help"),
        )
        chosen_groups = list(dict.fromkeys([*groups, *st.session_state[k["groups"]]]))
        multiselect(
            st,
            t("mapping.groups"),
            chosen_groups,
            format_func=labels_now(chosen_groups, target_group),
            key=k["groups"],
            on_change=_keep_draft,
            args=args,
        )
        known = list(dict.fromkeys([*partners, *st.session_state[k["partners"]]]))
        multiselect(
            st, t("mapping.partners"), known, format_func=option, key=k["partners"], on_change=_keep_draft, args=args
        )
        with st.expander(t("mapping.note"), expanded=bool(st.session_state[k["note"]])):  # optional: folded
            st.text_area(t("mapping.note"), key=k["note"], on_change=_keep_draft, args=args, height=68)
        buttons = st.container(horizontal=True)  # side by side on a phone too (columns stack there)
        buttons.button(
            t("mapping.save_next"),
            key=f"map-done-{oid}",
            type="primary",
            on_click=_done,
            args=(team, oid, queue, set(state.done)),
        )
        buttons.button(t("mapping.skip"), key=f"map-skip-{oid}", on_click=_skip, args=(oid, queue, set(state.done)))
        found = st.session_state.get(OUTCOME)
        if found is not None:
            kind, message = found
            (st.success if kind == "saved" else st.error)(message, icon="✅" if kind == "saved" else "⚠️")


def _space_help(key: str) -> str | None:
    """A space's plain question and the model's example, for its help mark (configuration text)."""
    space, language = spaces().spaces[key], content_lang()
    parts = [space.question.get(language) if space.question is not None else None]
    if space.example is not None:
        parts.append(t("mapping.example", example=space.example.get(language)))
    return "\n\n".join(p for p in parts if p) or None


def proposal_form(team: Team) -> None:
    """Propose an offer the register lacks, mapped as the team sees it."""
    names = {key: spaces().space_name(key, lang()) for key in SPACE_KEYS}
    with st.form("mapping-propose", clear_on_submit=False, enter_to_submit=False):
        name = st.text_input(t("mapping.propose_name"))
        description = st.text_area(t("mapping.propose_description"))
        columns = st.columns(4)
        values = {
            key: columns[i].selectbox(names[key], [0, 1, 2, 3], key=f"prop-{key}") for i, key in enumerate(SPACE_KEYS)
        }
        strength = st.radio(t("mapping.strength"), [1, 2, 3, 4, 5], index=2, horizontal=True, key="prop-strength")
        note = st.text_area(t("mapping.note"), key="prop-note")
        if st.form_submit_button(t("mapping.propose_send")):
            with error_edge() as edge:
                propose_offer(engine(), team, name, description, Contribution(values, int(strength), note=note))
            if edge.ok:
                st.session_state["mapping-proposed"] = True
                st.rerun()  # the new proposal shows on the team's map and list
    if st.session_state.pop("mapping-proposed", False):
        st.success(t("mapping.proposed"), icon="✅")


def spread_table(item: ReviewItem) -> pd.DataFrame:
    """Each team's mapping of the offer, then the register's and the median, one row each."""
    config = spaces()
    columns = {key: config.space_name(key, lang()) for key in SPACE_KEYS}
    rows = [
        {t("review.who"): who, **{columns[k]: e.spaces[k] for k in SPACE_KEYS}, t("mapping.strength"): e.strength}
        for who, e in [*item.by_team.items(), (t("review.register"), item.register)]
    ]
    median = median_of(item)
    rows.append(
        {
            t("review.who"): t("review.median"),
            **{columns[k]: median.spaces[k] for k in SPACE_KEYS},
            t("mapping.strength"): median.strength,
        }
    )
    rows.append(
        {
            t("review.who"): t("review.spread"),
            **{columns[k]: item.spread.by_space[k] for k in SPACE_KEYS},
            t("mapping.strength"): item.spread.strength_spread,
        }
    )
    return pd.DataFrame(rows)


def _accept(wid: int, item: ReviewItem, use_median: bool) -> None:
    ss, median = st.session_state, median_of(item)
    decision = median
    if not use_median:
        decision = Contribution(
            {k: int(ss[f"rev-{k}-{item.offer_id}"]) for k in SPACE_KEYS},
            int(ss[f"rev-strength-{item.offer_id}"]),
            median.target_groups,
            median.partners,
        )
    with error_edge(show=False) as edge:
        ss["review-outcome"] = ("saved", t("review.accepted", n=len(accept(engine(), wid, item.offer_id, decision))))
    if edge.error is not None:
        ss["review-outcome"] = ("error", error_text(edge.error))


def review_card(wid: int, item: ReviewItem) -> None:
    """One offer's spread, the teams' notes, and the facilitator's decision (the median is proposed)."""
    names = {key: spaces().space_name(key, lang()) for key in SPACE_KEYS}
    median = median_of(item)
    with st.container(border=True):
        plain(item.name)
        st.caption(t("review.widest", spread=item.spread.widest, n=len(item.by_team)))
        if item.changed_since:
            st.warning(t("review.changed_since"), icon="🔁")
        st.dataframe(cells(spread_table(item)), hide_index=True, width="stretch")
        for who, entry in item.by_team.items():
            if entry.note:
                st.caption(t("review.note_by"))
                plain(f"{who}: {entry.note}")
        columns = st.columns(5)
        for i, key in enumerate(SPACE_KEYS):
            columns[i].selectbox(names[key], [0, 1, 2, 3], index=median.spaces[key], key=f"rev-{key}-{item.offer_id}")
        columns[4].selectbox(
            t("mapping.strength"), [1, 2, 3, 4, 5], index=median.strength - 1, key=f"rev-strength-{item.offer_id}"
        )
        a, b = st.columns(2)
        a.button(
            t("review.accept"),
            key=f"rev-accept-{item.offer_id}",
            type="primary",
            on_click=_accept,
            args=(wid, item, False),
        )
        b.button(t("review.take_median"), key=f"rev-median-{item.offer_id}", on_click=_accept, args=(wid, item, True))
