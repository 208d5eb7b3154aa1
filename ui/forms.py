"""Forms used on more than one page."""

from __future__ import annotations

import streamlit as st

from ui.context import choose_workshop, engine, lang, t, workshop_by_id
from ui.gate import hold
from ui.widgets import bold, error_edge, option, plain
from workshop.config.templates import templates
from workshop.domain.carry_over import PARTS
from workshop.domain.codes import new_passcode
from workshop.domain.model import LANGUAGES, Role
from workshop.services.whole.carry_over import new_from
from workshop.services.workshops.lifecycle import create_workshop, list_workshops

EARLIER = "workshop:"  # a "Start from" choice naming an earlier workshop, not a template


def new_workshop_form() -> int | None:
    """Create a workshop from a template, from an earlier workshop (carrying the parts chosen) or from
    scratch (the owner only); the creator is signed in as its facilitator."""
    earlier = {f"{EARLIER}{w.id}": option(w.name) for w in list_workshops(engine())}
    shown = templates(lang())  # template names in the reader's language; the content follows `language`
    # Labels worked out now, not in format_func: that may run after the script, outside the session's language.
    starts = {"": t("workshops.from_scratch")} | {k: w.name for k, w in shown.items()}
    starts |= {k: t("workshops.from_earlier", name=n) for k, n in earlier.items()}
    languages = {code: t(f"language.{code}") for code in LANGUAGES}
    with st.form("new_workshop", clear_on_submit=False, enter_to_submit=False):
        name = st.text_input(t("workshops.name"))
        language = st.selectbox(
            t("workshops.language"),
            list(languages),
            index=LANGUAGES.index(lang()) if lang() in LANGUAGES else 0,
            format_func=languages.__getitem__,
        )
        st.caption(t("workshops.language_help"))
        key = st.selectbox(t("workshops.template"), list(starts), format_func=starts.__getitem__)
        with st.expander(t("workshops.carry")):
            st.caption(t("workshops.carry_help"))
            carried = [p for p in PARTS if st.checkbox(t(f"workshops.part.{p}"), value=True, key=f"carry-{p}")]
        # Generated passcodes are offered by default (a person may type their own: 12+ characters, not common).
        offers = st.session_state.setdefault("passcode_offers", (new_passcode(), new_passcode()))
        facilitator = st.text_input(t("workshops.facilitator_code"), offers[0])
        leadership = st.text_input(t("workshops.leadership_code"), offers[1])
        st.caption(t("workshops.codes_help"))
        if not st.form_submit_button(t("workshops.create")):
            return None
    with error_edge() as edge:
        if key in earlier:
            earlier_id = int(key.removeprefix(EARLIER))
            new_id = new_from(engine(), earlier_id, name, facilitator, leadership, carried, strict_passcodes=True)
        else:
            new_id = create_workshop(
                engine(),
                name,
                facilitator,
                leadership,
                template_key=key or None,
                language=language,
                strict_passcodes=True,
            )
    if not edge.ok:
        return None
    st.session_state.pop("passcode_offers", None)
    choose_workshop(new_id)
    hold(Role.FACILITATOR, workshop_by_id(new_id).uid)
    return new_id


def template_preview() -> None:
    """A template's main points, days and questions, shown before anyone creates a workshop from it."""
    shown = templates(lang())
    with st.expander(t("workshops.preview")):
        st.caption(t("workshops.preview_help"))
        names = {k: template.name for k, template in shown.items()}
        key = st.selectbox(
            t("workshops.preview_template"), list(names), format_func=names.__getitem__, key="preview-template"
        )
        chosen = shown[key]
        if chosen.description:
            plain(chosen.description)
        if chosen.main_points:
            bold(t("workshops.preview_points"))
            for n, point in enumerate(chosen.main_points, start=1):
                plain(f"{n}. {point.title}")
                if point.description:
                    st.caption(point.description)
        for n, day in enumerate(chosen.days, start=1):
            bold(t("workshops.preview_day", n=n, title=day.title))
            plain("\n".join(f"{q}. {question.text}" for q, question in enumerate(day.questions, start=1)))
