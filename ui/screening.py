"""Glue for the "How to Say No" screening: a proposal's summary, the facilitator's proposal form, the
screening form (a team's or the facilitator's), and the card leadership reads and decides on."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

import streamlit as st

from ui import data
from ui.context import engine, lang, t, workshop
from ui.widgets import bold, error_edge, labels_now, md, multiselect, option, plain, target_group, tr
from ui.writes import form_key, on_save, outcome, typed
from workshop.config.spaces import spaces
from workshop.config.templates import screening_questions
from workshop.domain.model import SPACE_KEYS
from workshop.domain.screening import Answered, Proposal, ScreeningAnswer, Verdict, contested_first, disagreements
from workshop.services.partnership.proposals import PROPOSAL_FIELDS, record_verdict, save_proposal
from workshop.services.partnership.screening import Card

FLASH = "screening_flash"
SLOT = "proposals"  # the outcome of a proposal's edit, screening or verdict, said by flash() at the top of the
# page (the proposal may be gone by then)


def flash() -> None:
    """The message the last save left for this run: a confirmation, or why it stored nothing."""
    if message := st.session_state.pop(FLASH, None):
        st.success(message)
    outcome(SLOT)


def _space(key: str) -> str:
    return spaces().space_name(key, lang())


def summary(proposal: Proposal, partner: str = "", verdict: bool = True) -> None:
    """Who proposes what, for which spaces and target groups, and (`verdict`) leadership's verdict once given."""
    bold(proposal.title)
    if proposal.proposer:
        st.caption(tr("screening.proposed_by", name=proposal.proposer))
    if proposal.description:
        plain(proposal.description)
    about = [_space(k) for k in proposal.spaces] + [target_group(g) for g in proposal.target_groups]
    if about:
        st.caption(tr("screening.concerns", what=", ".join(about)))
    if partner:
        st.caption(tr("screening.partner", name=partner))
    if verdict and proposal.verdict is not None:
        st.info(tr(f"screening.verdict_is.{proposal.verdict.value}", reason=proposal.verdict_reason), icon="⚖️")


def proposal_form(workshop_id: int, key: str, current: Proposal | None = None) -> None:
    """Add a proposal (current None) or edit one. An edit is saved in the button's callback (ui.writes): a
    proposal deleted in another session meanwhile is said so, at outcome(SLOT)."""
    partners = data.partners_frame(workshop_id)
    partner_names = {int(i): str(n) for i, n in zip(partners["id"], partners["name"], strict=True)}
    groups = list(dict.fromkeys([*data.list_target_groups(workshop_id), *(current.target_groups if current else [])]))
    prefix = form_key(key, "new") if current is None else form_key(key, current.id, current.model_dump_json())
    with st.form(key, clear_on_submit=current is None, enter_to_submit=False):
        st.text_input(t("screening.col.title"), value=current.title if current else "", key=f"{prefix}-title")
        st.text_input(t("screening.col.proposer"), value=current.proposer if current else "", key=f"{prefix}-proposer")
        st.text_area(
            t("screening.col.description"), value=current.description if current else "", key=f"{prefix}-description"
        )
        multiselect(
            st,
            t("screening.col.spaces"),
            list(SPACE_KEYS),
            default=current.spaces if current else [],
            format_func=labels_now(SPACE_KEYS, _space),
            key=f"{prefix}-spaces",
        )
        multiselect(
            st,
            t("screening.col.target_groups"),
            groups,
            default=current.target_groups if current else [],
            format_func=labels_now(groups, target_group),
            key=f"{prefix}-target_groups",
        )
        choices = [None, *partner_names]
        linked = current.partner_id if current and current.partner_id in partner_names else None
        st.selectbox(
            t("screening.col.partner"),
            choices,
            index=choices.index(linked),
            format_func=labels_now(
                choices, lambda k: option(partner_names[k]) if k is not None else t("screening.no_partner")
            ),
            key=f"{prefix}-partner_id",
        )
        if current is not None:
            sent = (SLOT, partial(_save_proposal, workshop_id, prefix, current.id), partial(_saved_proposal, prefix))
            st.form_submit_button(t("screening.save_proposal"), on_click=on_save, args=sent)
        elif st.form_submit_button(t("screening.add_proposal")):
            with error_edge() as edge:
                _save_proposal(workshop_id, prefix, None)
            if edge.ok:
                st.session_state[FLASH] = _saved_proposal(prefix)
                st.rerun()


def _save_proposal(workshop_id: int, prefix: str, proposal_id: int | None) -> None:
    fields = {name: typed(prefix, name) for name in PROPOSAL_FIELDS}
    save_proposal(engine(), workshop_id, fields, proposal_id)


def _saved_proposal(prefix: str, _: object = None) -> str:
    return tr("screening.proposal_saved", title=str(typed(prefix, "title") or "").strip())


def screening_form(
    proposal: Proposal, saved: Mapping[int, Answered], save: Callable[[Iterable[dict[str, object]]], int]
) -> None:
    """The 14 questions, each answered yes / no / unsure with an optional note; disabled once closed."""
    closed = not proposal.is_open
    if closed:
        st.info(t("screening.closed"), icon="🔒")
    with st.form(f"screen-{proposal.id}", enter_to_submit=False):
        current = workshop()
        asked = screening_questions(current.language if current is not None else "en")  # the workshop's language
        for n, question in enumerate(asked, start=1):
            before = saved.get(n)
            bold(f"{n}. {question}")
            left, right = st.columns([2, 3])
            left.radio(
                t("screening.answer"),
                list(ScreeningAnswer),
                format_func=labels_now(ScreeningAnswer, lambda a: t(f"screening.answer.{a}")),
                index=list(ScreeningAnswer).index(before.answer) if before else None,
                horizontal=True,
                key=f"screen-{proposal.id}-{n}",
                disabled=closed,
                label_visibility="collapsed",
            )
            right.text_input(
                t("screening.note"),
                value=before.note if before else "",
                key=f"screen-{proposal.id}-{n}-note",
                disabled=closed,
                placeholder=t("screening.note"),
                label_visibility="collapsed",
            )
        # Saved in the callback (ui.writes): a screening sent as the facilitator closes or deletes the
        # proposal reaches the service, which says why it stored nothing.
        sent = (SLOT, partial(_screen, proposal.id, len(asked), save), partial(_screened, len(asked)))
        st.form_submit_button(t("screening.save"), disabled=closed, type="primary", on_click=on_save, args=sent)


def _screen(proposal_id: int, count: int, save: Callable[[Iterable[dict[str, object]]], int]) -> int:
    key = f"screen-{proposal_id}"
    ss = st.session_state
    given = [
        {"question": n, "answer": ss.get(f"{key}-{n}"), "note": ss.get(f"{key}-{n}-note", "")}
        for n in range(1, count + 1)
    ]
    return save(given)


def _screened(total: int, answered: object) -> str:
    return t("screening.saved", done=answered, n=total)


def spread_table(card: Card) -> None:
    """All 14 questions as text (none cut off or scrolled out of sight, as a grid would), the most contested
    first (workshop.domain.screening.contested_first): the number, the question, how many said yes, no, unsure."""
    st.caption(t("screening.contested_first"))
    for s in contested_first(card.spread):
        with st.container(key=f"spread-{card.proposal.id}-{s.number}"):
            plain(f"{'⚠️ ' if s.disagree else ''}{s.number}. {s.question}")
            st.caption(
                t("screening.counts", yes=s.yes, no=s.no, unsure=s.unsure)
                + (f" · {t('screening.col.disagree')}" if s.disagree else "")
            )


def card_view(workshop_id: int, card: Card) -> None:
    """One proposal's card: summary, the spread, disagreements, notes, and the verdict form."""
    summary(card.proposal, card.partner)
    if not card.raters:
        st.info(t("screening.not_screened"))
    else:
        split = disagreements(card.spread)
        st.caption(t("screening.raters", n=card.raters))
        if split:
            st.warning(t("screening.disagree", questions=", ".join(map(str, split)), n=len(split)), icon="⚠️")
        else:
            st.caption(t("screening.agree"))
        spread_table(card)
        if card.notes:
            bold(t("screening.notes"))
            for note in card.notes:
                who = note.rater or t("role.facilitator")
                plain(f"{note.question}. {who} ({t(f'screening.answer.{note.answer}')}): {note.note}")
    verdict_form(workshop_id, card.proposal)


def verdict_form(workshop_id: int, proposal: Proposal) -> None:
    """Leadership's verdict and its reason; a later save replaces it."""
    with st.form(f"verdict-{proposal.id}", enter_to_submit=False):
        bold(t("screening.verdict_title"))
        choices = list(Verdict)
        st.radio(
            t("screening.verdict"),
            choices,
            horizontal=True,
            format_func=labels_now(choices, lambda v: t(f"screening.verdict.{v}")),
            index=choices.index(proposal.verdict) if proposal.verdict else None,
            key=f"verdict-{proposal.id}-pick",
        )
        st.text_area(t("screening.reason"), value=proposal.verdict_reason, key=f"verdict-{proposal.id}-reason")
        pid = proposal.id
        sent = (SLOT, partial(_verdict, workshop_id, pid), tr("screening.verdict_saved", title=proposal.title))
        st.form_submit_button(t("screening.record_verdict"), on_click=on_save, args=sent)


def _verdict(workshop_id: int, proposal_id: int) -> None:
    chosen = st.session_state.get(f"verdict-{proposal_id}-pick") or ""
    reason = st.session_state.get(f"verdict-{proposal_id}-reason", "")
    record_verdict(engine(), workshop_id, proposal_id, chosen, reason)


def md_title(proposal: Proposal) -> str:
    """A proposal's title for a markdown label (an expander), with its state."""
    state = (
        t(f"screening.verdict.{proposal.verdict.value}")
        if proposal.verdict
        else t("screening.open" if proposal.is_open else "screening.closed_short")
    )
    return f"{md(proposal.title)} — {state}"
