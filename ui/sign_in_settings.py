"""The owner's single sign-on settings for one workshop, on the Workshops page (drawn only for a session the
owner's passcode signed in): who is facilitator and leadership by e-mail address or group claim, how people
reach their team, and the roster."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.context import engine, t
from ui.widgets import bold, cells, error_edge, said, show_error, tr, upload_box
from workshop.domain.errors import ImportRejected
from workshop.domain.identity import TeamAccess, rules_from_text
from workshop.files.limits import MAX_UPLOAD_BYTES, MB
from workshop.files.roster import left_out
from workshop.files.spreadsheet import read_source
from workshop.services.access.sign_in import import_roster, roster, rules_for, save_rules

_LISTS = ("facilitator_emails", "leadership_emails", "facilitator_groups", "leadership_groups")


def _rules_form(wid: int) -> None:
    rules = rules_for(engine(), wid)
    with st.form(f"sign_in_rules_{wid}", enter_to_submit=False):
        typed = {
            name: st.text_area(t(f"sso.{name}"), "\n".join(sorted(getattr(rules, name))), key=f"sso_{name}_{wid}")
            for name in _LISTS
        }
        access = [a.value for a in TeamAccess]
        labels = {a: t(f"sso.access_{a}") for a in access}
        chosen = st.radio(
            t("sso.team_access"), access, index=access.index(rules.team_access.value), format_func=labels.__getitem__
        )
        if st.form_submit_button(t("sso.save")):
            with error_edge() as edge:
                save_rules(engine(), wid, rules_from_text(**typed, team_access=str(chosen)))
            if edge.ok:
                st.success(t("sso.saved"), icon="✅")


def _roster_section(wid: int) -> None:
    bold(t("sso.roster_title"))
    st.caption(t("sso.roster_help"))
    upload = upload_box(
        t("sso.roster_file"),
        ["csv", "txt", "tsv", "xlsx"],
        f"roster_{wid}",
        t("import.limit", mb=MAX_UPLOAD_BYTES // MB),
    )
    if upload is not None and st.button(t("sso.roster_import"), key=f"roster_import_{wid}"):
        with error_edge(show=False) as edge:
            table = read_source(upload.getvalue(), upload.name)
            placed = import_roster(engine(), wid, table)
        if edge.error is not None:
            show_error(edge.error)
            if isinstance(edge.error, ImportRejected):
                columns = [t("import.row"), t("import.column"), t("import.problem")]
                rows = [(row, column, said(problem)) for row, column, problem in edge.error.problems]
                st.dataframe(cells(pd.DataFrame(rows, columns=columns)), hide_index=True, width="stretch")
        else:
            st.success(t("sso.roster_done", n=placed), icon="✅")
            if unread := left_out(table):
                st.info(tr("sso.roster_left_out", columns=", ".join(unread)), icon="ℹ️")
    people = roster(engine(), wid)
    if not people:
        st.caption(t("sso.roster_empty"))
        return
    frame = pd.DataFrame(people, columns=[t("sso.col_email"), t("sso.col_team")])
    st.dataframe(cells(frame), hide_index=True, width="stretch")


def sign_in_settings(wid: int) -> None:
    """The expander with the owner's sign-on rules and roster for workshop `wid`."""
    with st.expander(t("sso.settings_title"), expanded=False):
        st.caption(t("sso.settings_help"))
        _rules_form(wid)
        _roster_section(wid)
