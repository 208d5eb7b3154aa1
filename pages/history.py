"""Leadership and the owner: the record of who changed what — main points, days, questions, themes,
decisions, actions, verdicts, mapping decisions and roles — newest first, by kind, to read and to export.
Nothing here changes the record."""

import datetime as dt

import streamlit as st

from ui.context import engine, lang, t, workshop_id
from ui.gate import held_workshop_id, is_owner, require, run_through_app
from ui.widgets import labels_now, multiselect, option, pager, plain
from workshop.config.i18n import date_time
from workshop.domain.history import Kind
from workshop.domain.model import Role
from workshop.files.file_names import file_name
from workshop.files.history_export import history_csv, history_json, what, who
from workshop.services import history
from workshop.services.workshops.lifecycle import list_workshops

PAGE_SIZE = 25
OUTSIDE = -1  # the owner's own changes, outside any workshop (the owner passcode)

if is_owner():
    run_through_app()
    every = {w.id: w.name for w in list_workshops(engine())}
    names = every | {OUTSIDE: t("history.outside")}
    here = workshop_id()
    start = list(names).index(here) if here in names else 0
    chosen = st.selectbox(t("history.workshop"), list(names), index=start, format_func=lambda w: option(names[w]))
    wid: int | None = None if chosen == OUTSIDE else chosen
    name = names[chosen]
else:
    require(Role.LEADERSHIP)  # leadership reads its own workshop's record only
    wid = held_workshop_id()
    name = next((w.name for w in list_workshops(engine()) if w.id == wid), "")
st.title(t("history.title"))
st.caption(t("history.intro"))
every_kind = [k.value for k in Kind]
kinds = multiselect(
    st,
    t("history.kinds"),
    every_kind,
    format_func=labels_now(every_kind, lambda k: t(f"history.kind.{k}")),
    key="history-kinds",
    placeholder=t("history.all_kinds"),
)
total = history.count(engine(), wid, kinds)
if not total:
    st.info(t("history.empty_kinds" if kinds else "history.empty"))
    st.stop()
span = pager(total, PAGE_SIZE, "history-page", "history.page", "history.range", always=True)
for entry in history.entries(engine(), wid, kinds, span.start, span.stop - span.start):
    with st.container(border=True):
        plain(f"{date_time(entry.at, lang())} · {who(entry.by, lang())}")
        plain(what(entry, lang()))
        if entry.subject:
            plain(entry.subject)

everything = history.entries(engine(), wid, kinds)
stem = file_name(f"{name} {t('history.file')}", wid or 0, dt.date.today(), "")[:-1]
left, right = st.columns(2)
left.download_button(
    t("history.download_csv"),
    history_csv(everything, lang()),
    file_name=f"{stem}.csv",
    mime="text/csv",
    on_click="ignore",
    key="history-csv",
)
right.download_button(
    t("history.download_json"),
    history_json(everything, name),
    file_name=f"{stem}.json",
    mime="application/json",
    on_click="ignore",
    key="history-json",
)
