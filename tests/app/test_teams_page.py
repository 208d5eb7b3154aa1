"""The facilitator adds teams, hands out codes and links, and prints the code sheet."""

from urllib.parse import parse_qsl, urlsplit

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, answers_page_of, errors_of, fresh_app, sign_in
from workshop.domain.model import Role
from workshop.services.access.codes import join_team
from workshop.services.workshops.lifecycle import current_workshop_id, list_teams


def teams_page() -> AppTest:
    return sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/teams.py").run()


def test_a_new_team_gets_a_code_that_joins_and_a_link_with_it(db: Engine) -> None:
    at = teams_page()
    at.text_input(key="new_team_name").input("Makerspace crew")
    next(b for b in at.button if b.label == "Add the team").click().run()
    assert errors_of(at) == [] and at.success
    message = next(x.value for x in at.text if x.value.startswith("Team Makerspace crew created"))
    code = message.split("join code is ")[1].split(" ")[0]
    wid = int(current_workshop_id(db) or 0)
    assert join_team(db, wid, code, session="test").name == "Makerspace crew"
    assert len(code) == 9 and code[4] == "-"  # eight characters, shown grouped
    assert any(f"http://localhost:8501/answer?w={wid}&code={code}&lang=en" in c.value for c in at.code)
    assert len(at.get("download_button")) == 2  # the new team's own sheet, and the sheet of this session's codes


def test_regenerating_all_codes_asks_first_then_offers_the_whole_sheet(db: Engine) -> None:
    at = teams_page()
    wid = int(current_workshop_id(db) or 0)
    at.button(key="delete-all-codes").click().run()
    assert any("All the old codes stop working" in w.value for w in at.warning)
    join_team(db, wid, "KX7P2M", session="test")  # the demo code still works until confirmed
    at.button(key="delete-yes-all-codes").click().run()
    assert errors_of(at) == []
    shown = [c.value.split()[0] for c in at.code]
    assert len(shown) == len(list_teams(db, wid)) == 6
    assert {join_team(db, wid, code, session="test").name for code in shown} == {t.name for t in list_teams(db, wid)}
    assert len(at.get("download_button")) == 1 and not at.warning


def test_a_renamed_team_keeps_its_place(db: Engine) -> None:
    at = teams_page()
    team = list_teams(db, int(current_workshop_id(db) or 0))[0]
    at.text_input(key=f"team-name-{team.id}").input("Children, families & schools")
    at.button(key=f"team-rename-{team.id}").click().run()
    assert list_teams(db, int(current_workshop_id(db) or 0))[0].name == "Children, families & schools"


def test_the_join_link_signs_the_team_in(db: Engine) -> None:
    at = teams_page()
    at.text_input(key="new_team_name").input("Link team")
    next(b for b in at.button if b.label == "Add the team").click().run()
    link = next(c.value for c in at.code if "Link team" not in c.value).split()[1]
    address = urlsplit(link)
    assert address.path == "/answer"  # the link opens the team's answers page
    visitor = AppTest.from_file(APP, default_timeout=60)
    for name, value in parse_qsl(address.query):
        visitor.query_params[name] = value
    visitor.switch_page(f"pages{address.path}.py").run()  # the page the address names, as a browser asks
    assert errors_of(visitor) == []
    assert answers_page_of(visitor) == "Link team"


def test_a_team_name_with_markup_is_shown_literally(db: Engine) -> None:
    at = teams_page()
    name = "**Bold** <script>x</script>"
    at.text_input(key="new_team_name").input(name)
    next(b for b in at.button if b.label == "Add the team").click().run()
    assert name in [x.value for x in at.text]
    assert not any("Bold" in m.value for m in [*at.markdown, *at.success, *at.caption])
