"""One person erased from the demo workshop leaves no trace in a backup, a JSON export, the HTML report or the key
terms; retention erases the personal fields of a workshop past its period and keeps its scores; a dry run
changes nothing (issue 30). On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, func, select, update

from tests.conftest import demo_copy, run_cli
from workshop.domain.consolidation import Filters
from workshop.services.partnership.partner_proposals import decide_partner_proposal, partner_proposals_of
from workshop.services.privacy.people import erase_person, person_data
from workshop.services.privacy.retention import keep_retention, run_retention
from workshop.services.register.strengths import workshop_scores
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.comments import add_comment
from workshop.services.whole.backup import snapshot
from workshop.services.whole.export import to_csv_zip, to_json, to_xlsx
from workshop.services.whole.overview import key_terms
from workshop.services.whole.reports import html_report
from workshop.services.workshops.leave_out import set_leave_out
from workshop.services.workshops.lifecycle import list_teams
from workshop.store import read, write
from workshop.store.tables import (
    actions,
    comments,
    days,
    drafts,
    partner_proposals,
    partners,
    questions,
    responses,
    team_members,
    themes,
    workshops,
)
from workshop.store.versions import versions

LISE = re.compile(r"\blise\b|\bholm\b", re.IGNORECASE)
# Answers that write the contact's first name in lower case, as people type: the key terms showed such names.
ABOUT_LISE = [
    "lise from the job centre could run application workshops here",
    "ask lise about job seekers and workshops",
    "lise says the job centre wants evening talks",
]


def _open_text_questions(engine: Engine, wid: int) -> list[int]:
    with read(engine) as conn:
        return list(
            conn.execute(
                select(questions.c.id)
                .join(days, days.c.id == questions.c.day_id)
                .where(questions.c.workshop_id == wid, days.c.status == "open", questions.c.kind == "text")
                .order_by(questions.c.id)
            ).scalars()
        )


@pytest.fixture
def demo(engine: Engine) -> int:
    """The demo, with Lise Holm (a contact person two teams proposed) accepted into the partner register, named
    in answers, in a comment and in the words key terms leave out."""
    wid = demo_copy(engine, "en")
    first = partner_proposals_of(engine, wid)[0]
    assert first.contact == "Lise Holm"
    decide_partner_proposal(engine, wid, first.id, accept=True)
    with write(engine) as conn:  # her e-mail and phone, as a facilitator would add them
        conn.execute(
            update(partners)
            .where(partners.c.workshop_id == wid, partners.c.contact == "Lise Holm")
            .values(contact="Lise Holm, lise.holm@jobcentre.dk, +45 12 34 56 78")
        )
    teams = list_teams(engine, wid)
    asked = _open_text_questions(engine, wid)
    for team, text in zip(teams, ABOUT_LISE, strict=False):
        submit_answer(engine, team, Answer(asked[0], text))
    with read(engine) as conn:  # an answer the week's log shows: of a closed day
        shown = conn.execute(
            select(responses.c.id)
            .join(questions, questions.c.id == responses.c.question_id)
            .join(days, days.c.id == questions.c.day_id)
            .where(responses.c.workshop_id == wid, days.c.status == "closed")
        ).scalar()
    add_comment(engine, teams[-1], int(shown), "Lise Holm is great, talk to lise first")
    set_leave_out(engine, wid, "Nordby\nholm")
    return wid


def _terms(engine: Engine, wid: int) -> set[str]:
    return set(key_terms(engine, wid, Filters(), ("en",)).body["term"])


def _everything(engine: Engine, wid: int) -> dict[str, str]:
    return {
        "backup": json.dumps(snapshot(engine), ensure_ascii=False),
        "json export": to_json(engine, wid),
        "html report": html_report(engine, wid),
        "key terms": " ".join(sorted(_terms(engine, wid))),
    }


def test_erasing_a_contact_person_leaves_no_trace_in_backup_export_report_or_key_terms(
    engine: Engine, demo: int
) -> None:
    before = _everything(engine, demo)
    assert {name for name, text in before.items() if LISE.search(text)} == set(before), "named everywhere first"
    assert "lise" in _terms(engine, demo)

    cached_on = ("responses", "comments", "partners", "partner_proposals", "workshops")
    was = versions(engine, *cached_on)
    changed = erase_person(engine, demo, "  LISE   holm ")
    # Every cached read of these tables (the key terms, the register, the log) is read again on every server.
    assert all(now > then for now, then in zip(versions(engine, *cached_on), was, strict=True))

    after = _everything(engine, demo)
    assert {name: LISE.findall(text) for name, text in after.items()} == {name: [] for name in after}
    assert {"partners", "partner_proposals", "responses", "comments", "workshops"} <= set(changed)
    assert changed["partner_proposals"] == {"contact": 2, "reason": 2}  # "Lise Holm" and "lise holm": both
    assert person_data(engine, demo, "Lise Holm") == []
    # The rest of each text is kept, the name replaced by the marker; the marker is no key term.
    assert "[removed] says the job centre wants evening talks" in after["json export"]
    assert "removed" not in _terms(engine, demo)
    # Another contact is untouched.
    assert "Jonas Berg" in after["json export"]


def test_person_data_lists_every_place_with_table_and_field(engine: Engine, demo: int, tmp_path: Path) -> None:
    out = tmp_path / "lise.json"
    done = run_cli(
        engine.url.render_as_string(hide_password=False), "person-data", str(demo), "lise HOLM", "--out", str(out)
    )
    assert (done.returncode, done.stderr) == (0, "")
    found = json.loads(out.read_text(encoding="utf-8"))["found"]
    places = {(hit["table"], hit["field"]) for hit in found}
    assert {
        ("partners", "contact"),
        ("partner_proposals", "contact"),
        ("partner_proposals", "reason"),
        ("responses", "text"),
        ("comments", "text"),
        ("workshops", "leave_out"),
    } <= places
    assert done.stdout.startswith(f"{out}: {len(found)} places in ")
    assert all(set(hit) == {"table", "field", "row", "match", "text"} for hit in found)


def test_erase_person_asks_first_and_without_a_yes_changes_nothing(engine: Engine, demo: int) -> None:
    url = engine.url.render_as_string(hide_password=False)
    before = snapshot(engine)
    done = run_cli(url, "erase-person", str(demo), "Lise Holm")
    assert done.returncode == 2 and "nothing was erased" in done.stderr
    assert snapshot(engine) == before
    done = run_cli(url, "erase-person", str(demo), "Lise Holm", "--yes")
    assert done.returncode == 0, done.stderr
    assert "  partner_proposals: 2 rows (contact 2, reason 2)" in done.stdout.splitlines()
    assert run_cli(url, "erase-person", str(demo), "Lise Holm", "--yes").stdout.startswith("nothing in workshop")


def _past(engine: Engine, wid: int, years: int = 2) -> None:
    """The workshop's week ended `years` ago (its retention period of 12 months has passed)."""
    ended = dt.date.today() - dt.timedelta(days=366 * years)
    with write(engine) as conn:
        conn.execute(update(workshops).where(workshops.c.id == wid).values(end_date=ended))


def _record(engine: Engine, wid: int) -> dict[str, object]:
    """What retention keeps: the scores, the counts of answers, themes and actions, decisions, anonymous answers."""
    with read(engine) as conn:
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t).where(t.c.workshop_id == wid)).scalar()
            for t in (responses, themes, actions, partners, partner_proposals, comments)
        }
        decisions = conn.execute(select(themes.c.decision).where(themes.c.workshop_id == wid)).scalars().all()
    scores = workshop_scores(engine, wid)
    return {"counts": counts, "decisions": decisions, "spaces": scores.spaces.to_dict(), "aims": scores.aims.to_dict()}


def test_retention_past_its_date_erases_the_personal_fields_and_keeps_the_scores(engine: Engine, demo: int) -> None:
    _past(engine, demo)
    kept = _record(engine, demo)

    done = run_retention(engine)

    assert [item.workshop_id for item in done] == [demo]
    assert _record(engine, demo) == kept
    with read(engine) as conn:
        assert set(conn.execute(select(partners.c.contact).where(partners.c.workshop_id == demo)).scalars()) == {""}
        proposals = conn.execute(select(partner_proposals.c.contact, partner_proposals.c.reason)).all()
        assert {tuple(r) for r in proposals} == {("", "[removed]")}
        assert set(conn.execute(select(comments.c.text)).scalars()) == {"[removed]"}
        assert conn.execute(select(func.count()).select_from(drafts)).scalar() == 0
    assert not LISE.search(json.dumps(snapshot(engine), ensure_ascii=False)), "a known contact's name in a kept text"
    assert run_retention(engine)[0].changed == {}, "a second run has nothing left to do"


def test_retention_before_its_date_changes_nothing(engine: Engine, demo: int) -> None:
    before = snapshot(engine)
    assert run_retention(engine) == []
    assert snapshot(engine) == before


def test_retention_dry_run_changes_nothing_and_says_what_a_run_would(engine: Engine, demo: int) -> None:
    url = engine.url.render_as_string(hide_password=False)
    _past(engine, demo)
    before = snapshot(engine)
    dry = run_cli(url, "retention", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert snapshot(engine) == before
    assert "would change" in dry.stdout and "partners: " in dry.stdout
    real = run_cli(url, "retention")
    assert real.stdout.replace(": changed", ": would change") == dry.stdout
    assert snapshot(engine) != before


def test_the_owner_sets_a_workshops_retention_period(engine: Engine, demo: int) -> None:
    from workshop.services.privacy.people import set_retention
    from workshop.services.privacy.retention import retention_of

    _past(engine, demo, years=2)
    set_retention(engine, demo, 36)  # three years: not yet
    assert run_retention(engine) == []
    assert retention_of(engine, demo)[0] == 36
    set_retention(engine, demo, 12)
    assert [item.workshop_id for item in run_retention(engine)] == [demo]


def test_two_servers_running_retention_at_once_both_finish_and_agree(engine: Engine, demo: int) -> None:
    from workshop.store import make_engine

    _past(engine, demo)
    other = make_engine(engine.url.render_as_string(hide_password=False))  # a second server, its own pool and gate
    results: list[object] = []
    runs = [threading.Thread(target=lambda e=e: results.append(run_retention(e))) for e in (engine, other, engine)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    other.dispose()
    assert len(results) == 3, "every run finished without an error"
    assert sum(bool(r[0].changed) for r in results) == 1  # type: ignore[index]
    with read(engine) as conn:
        assert set(conn.execute(select(partner_proposals.c.reason)).scalars()) == {"[removed]"}


def test_the_app_runs_retention_at_start(engine: Engine, demo: int) -> None:
    _past(engine, demo)
    stop = threading.Event()
    thread = keep_retention(engine, every=3600, stop=stop)
    deadline = dt.datetime.now() + dt.timedelta(seconds=30)
    while dt.datetime.now() < deadline:
        with read(engine) as conn:
            if not any(conn.execute(select(partners.c.contact).where(partners.c.workshop_id == demo)).scalars()):
                break
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    with read(engine) as conn:
        assert set(conn.execute(select(partners.c.contact).where(partners.c.workshop_id == demo)).scalars()) == {""}


def test_exports_leave_out_contact_email_and_phone_unless_asked(engine: Engine, demo: int) -> None:
    details = ("lise.holm@jobcentre.dk", "12 34 56 78")
    plain = to_json(engine, demo)
    assert "Lise Holm" in plain and not any(d in plain for d in details)
    assert all(d in to_json(engine, demo, contacts=True) for d in details)
    report = html_report(engine, demo)
    assert not any(d in report for d in details)
    assert all(d in html_report(engine, demo, contacts=True) for d in details)
    assert snapshot(engine)["tables"]["partners"], "the backup is for restoring: complete"
    assert any(d in json.dumps(snapshot(engine)) for d in details)


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return " ".join(str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row)


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())


@pytest.mark.parametrize(("read", "build"), [(_xlsx_text, to_xlsx), (_zip_text, to_csv_zip)], ids=["xlsx", "csv"])
def test_workbook_and_csv_leave_out_contact_email_and_phone_unless_asked(
    engine: Engine, demo: int, read: Callable[[bytes], str], build: Callable[..., bytes]
) -> None:
    without, with_them = read(build(engine, demo)), read(build(engine, demo, True))
    assert "Lise Holm" in without and "lise.holm@jobcentre.dk" not in without and "12 34 56 78" not in without
    assert "lise.holm@jobcentre.dk" in with_them and "12 34 56 78" in with_them


def test_the_leaflet_keeps_the_librarys_contact_and_drops_the_partners_contact_details(
    engine: Engine, demo: int
) -> None:
    from workshop.services.register.assets import leaflet_html
    from workshop.services.workshops.lifecycle import get_workshop, update_workshop

    current = get_workshop(engine, demo)
    update_workshop(
        engine,
        demo,
        current.name,
        current.description,
        current.language,
        library_contact="Nordby Library, info@nordby.dk, 11 22 33 44",
    )
    leaflet = leaflet_html(engine, demo)
    assert "info@nordby.dk" in leaflet and "11 22 33 44" in leaflet
    assert "Lise Holm" in leaflet and "lise.holm@jobcentre.dk" not in leaflet
    assert "lise.holm@jobcentre.dk" in leaflet_html(engine, demo, contacts=True)


def test_a_signed_in_person_is_erased_from_the_sign_in_tables_too(engine: Engine, demo: int) -> None:
    """The class, not the case: every table with a person's address is in the one declaration, so erasing the
    person (and retention) reaches the single sign-on tables added after it: the remembered team goes, the
    address leaves the role lists, and the other people stay."""
    from workshop.domain.identity import rules_from_text
    from workshop.services.access.sign_in import remember_team, roster, rules_for, save_rules

    team = list_teams(engine, demo)[0]
    save_rules(
        engine, demo, rules_from_text("Mette.Lund@nordby.dk\nole@nordby.dk", "mette.lund@nordby.dk", "", "", "code")
    )
    remember_team(engine, demo, "mette.lund@nordby.dk", int(team.id or 0))
    remember_team(engine, demo, "ole@nordby.dk", int(team.id or 0))
    found = {(h.table, h.field) for h in person_data(engine, demo, "mette.lund@nordby.dk")}
    assert {
        ("team_members", "email"),
        ("sign_in_rules", "facilitator_emails"),
        ("sign_in_rules", "leadership_emails"),
    } <= found

    erase_person(engine, demo, "Mette.Lund@nordby.dk")
    rules = rules_for(engine, demo)
    assert rules.facilitator_emails == {"ole@nordby.dk"} and rules.leadership_emails == frozenset()
    with read(engine) as conn:
        left = set(conn.execute(select(team_members.c.email).where(team_members.c.workshop_id == demo)).scalars())
    assert left == {"ole@nordby.dk"}
    assert person_data(engine, demo, "mette.lund@nordby.dk") == []

    _past(engine, demo)
    run_retention(engine)
    rules = rules_for(engine, demo)
    assert rules.facilitator_emails == frozenset() and rules.leadership_emails == frozenset()
    with read(engine) as conn:
        assert conn.execute(select(func.count()).select_from(team_members)).scalar() == 0
    assert roster(engine, demo) == []
