"""Team codes: regenerated codes work and old ones stop; the printable sheet carries codes and links."""

import re

import pytest
from sqlalchemy import Engine

from workshop.domain.errors import AccessDenied, InvalidInput, NotFound
from workshop.services.access.codes import TEAM_CODE_ALPHABET, join_team
from workshop.services.week.teams import (
    code_sheet_html,
    delete_team,
    join_link,
    regenerate_all_codes,
    regenerate_code,
    rename_team,
)
from workshop.services.workshops.lifecycle import add_team, create_workshop, list_teams


def test_a_regenerated_code_joins_and_the_old_one_no_longer_does(engine: Engine, wid: int) -> None:
    team, old = add_team(engine, wid, "Front desk", "ABC234")
    fresh = regenerate_code(engine, wid, int(team.id or 0))
    assert fresh.code != old and set(fresh.code) <= set(TEAM_CODE_ALPHABET + "-")
    assert join_team(engine, wid, fresh.code, session="test").id == team.id
    with pytest.raises(AccessDenied):
        join_team(engine, wid, old, session="test")


def test_regenerating_all_codes_gives_every_team_a_new_working_code(engine: Engine, wid: int) -> None:
    olds = [add_team(engine, wid, name)[1] for name in ("Red", "Blue", "Green")]
    made = regenerate_all_codes(engine, wid)
    assert [m.team.name for m in made] == ["Red", "Blue", "Green"]
    assert len({m.code for m in made}) == 3
    assert [join_team(engine, wid, m.code, session="test").name for m in made] == ["Red", "Blue", "Green"]
    for old in olds:
        if old not in {m.code for m in made}:
            with pytest.raises(AccessDenied):
                join_team(engine, wid, old, session="test")


def test_teams_are_renamed_and_deleted_only_in_their_workshop(engine: Engine, wid: int) -> None:
    team, _ = add_team(engine, wid, "Red")
    other = create_workshop(engine, "Other", "facilitate-me", "lead-me-now")
    with pytest.raises(NotFound):
        rename_team(engine, other, int(team.id or 0), "Stolen")
    with pytest.raises(InvalidInput):
        rename_team(engine, wid, int(team.id or 0), "  ")
    rename_team(engine, wid, int(team.id or 0), "Crimson")
    assert [t.name for t in list_teams(engine, wid)] == ["Crimson"]
    with pytest.raises(NotFound):
        delete_team(engine, other, int(team.id or 0))
    delete_team(engine, wid, int(team.id or 0))
    assert list_teams(engine, wid) == []


def test_a_join_link_is_the_answers_page_address_with_its_workshop_and_the_code() -> None:
    assert (
        join_link("https://week.example.org/teams?x=1", "KX7P2M") == "https://week.example.org/teams/answer?code=KX7P2M"
    )
    assert join_link("http://localhost:8501/", "KX7P-2MQ4", 7) == "http://localhost:8501/answer?w=7&code=KX7P-2MQ4"
    assert (
        join_link("http://localhost:8501", "KX7P-2MQ4", 7, "nb")
        == "http://localhost:8501/answer?w=7&code=KX7P-2MQ4&lang=nb"
    )


def test_the_code_sheet_has_every_team_with_code_link_and_qr_and_escapes_names(engine: Engine, wid: int) -> None:
    add_team(engine, wid, "<script>alert(1)</script>")
    add_team(engine, wid, "Front desk")
    sheet = code_sheet_html("Our <week>", regenerate_all_codes(engine, wid), "http://localhost:8501")
    made = [line for line in sheet.split('<p class="code">')[1:]]
    assert len(made) == 2
    assert "<script>alert" not in sheet and "&lt;script&gt;alert(1)&lt;/script&gt;" in sheet
    assert "Our &lt;week&gt;" in sheet
    assert sheet.count("<svg") == 2 and sheet.count(f"http://localhost:8501/answer?w={wid}&amp;code=") == 2


def test_the_code_sheet_is_printed_in_the_workshops_language(engine: Engine, wid: int) -> None:
    add_team(engine, wid, "Skranken")
    sheet = code_sheet_html("Vores uge", regenerate_all_codes(engine, wid), "http://localhost:8501", "da")
    months = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    assert '<html lang="da">' in sheet and "Vores uge — Teamenes deltagerkoder" in sheet
    assert re.search(rf"<p>\d{{1,2}}\. ({months}) \d{{4}} \d\d\.\d\d</p>", sheet)  # CLDR: 06.04 in Danish


def test_a_code_that_worked_joins_again_without_the_hash_but_stops_once_regenerated(
    engine: Engine, wid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop.services.access import codes as access

    hashed: list[str] = []
    real = access.team_code_hash
    monkeypatch.setattr(access, "team_code_hash", lambda code, salt: hashed.append(code) or real(code, salt))
    team, code = add_team(engine, wid, "Front desk", "ABC234")
    assert join_team(engine, wid, code, session="test").id == team.id and hashed == [code]
    assert join_team(engine, wid, code.lower(), session="test").id == team.id  # a second device: no scrypt this time
    assert hashed == [code]
    for _ in range(2):  # a wrong code pays the full hash every time
        with pytest.raises(AccessDenied):
            join_team(engine, wid, "ZZZ999", session="test")
    assert hashed == [code, "ZZZ999", "ZZZ999"]
    regenerate_code(engine, wid, int(team.id or 0))
    with pytest.raises(AccessDenied):  # remembered, but no team has that hash any more
        join_team(engine, wid, code, session="test")


def test_a_known_code_joins_in_one_statement_and_a_new_salt_under_the_same_id_hashes_again(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 9:00 crowd's reloads: a code that has worked joins with one statement (its team, and whether the
    session has wrong codes to wait for). The remembered hash is kept by workshop id and code: when the workshop
    under that id has another salt (a database restored from another copy), the code is hashed with the new
    salt and joins, and is not refused as a wrong code."""
    from sqlalchemy import update

    from tests.app.test_morning_meeting import statements_of
    from workshop.services.access import codes as access
    from workshop.store import write
    from workshop.store.tables import teams, workshops

    hashed: list[str] = []
    real = access.team_code_hash
    monkeypatch.setattr(access, "team_code_hash", lambda code, salt: hashed.append(code) or real(code, salt))
    wid = create_workshop(engine, "Week", "facilitate-me", "lead-me-now")
    team, _ = add_team(engine, wid, "Front desk", "ABC234")
    join_team(engine, wid, "ABC234", session="laptop")
    sent = statements_of(lambda: join_team(engine, wid, "ABC234", session="tablet"))
    assert [s.split()[0] for s in sent] == ["SELECT"] and hashed == ["ABC234"]
    salt = "0123456789abcdef" * 2
    with write(engine) as conn:
        conn.execute(update(workshops).where(workshops.c.id == wid).values(team_code_salt=salt))
        conn.execute(update(teams).where(teams.c.id == team.id).values(code_hash=real("ABC234", salt)))
    assert join_team(engine, wid, "ABC234", session="phone").id == team.id
    assert hashed == ["ABC234", "ABC234"]  # hashed again with the new salt, and it joined
