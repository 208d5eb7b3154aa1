"""Issue 27.1: a Danish facilitator's failing import and a Danish team's refused save say what is wrong in
Danish, from the locale files, with no English word left (the row report, the error, the screen)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.app.english_words import english_words
from tests.app.test_every_language import opened, screen_texts, signed_in
from workshop.config.i18n import translate
from workshop.domain.model import Role
from workshop.services.whole.demo import create_demo
from workshop.store import make_engine, migrate
from workshop.store.tables import days, questions, responses


@pytest.fixture(scope="module")
def demo_urls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The Danish demo in a SQLite file, as a Danish library would have it."""
    path = tmp_path_factory.mktemp("demo_da") / "demo.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    create_demo(engine, "da")
    with engine.begin() as conn:  # the open day not answered yet: a team's first save of it
        open_day = select(questions.c.id).join(days, days.c.id == questions.c.day_id).where(days.c.status == "open")
        conn.execute(responses.delete().where(responses.c.question_id.in_(open_day)))
    engine.dispose()
    return {"da": f"sqlite:///{path}"}


# A spreadsheet as Danish Excel saves it: cp1252, `;`, a decimal comma where a whole number belongs, and a
# target group the workshop does not have.
DANISH_CSV = "Navn;Styrke;Målgrupper;Læringsrummet\nSkakklub for ældre;2,5;Alle;2\nLæsekreds;4;Voksne;3\n"


def test_a_danish_failing_import_reports_its_rows_in_danish(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(opened("da", demo_urls, monkeypatch), "da", Role.FACILITATOR)
    at.switch_page("pages/import_offers.py").run()
    at.file_uploader(key="import_file").set_value(("tilbud.csv", DANISH_CSV.encode("cp1252"), "text/csv")).run()
    next(b for b in at.button if b.label == translate("da", "import.run")).click()
    at.run()
    refused = "Filen blev ikke importeret: 2 problemer. Ret rækkerne nedenfor og prøv igen; intet er ændret."
    assert [e.value for e in at.error] == [refused]
    report = at.dataframe[-1].value.values.tolist()
    assert report[0] == [2, "Styrke", "2,5 er ikke et helt tal"]
    assert report[1][:2] == [2, "Målgrupper"]
    assert report[1][2].startswith("'Alle' er ikke en målgruppe i denne workshop (børn, unge, voksne, ældre")
    assert english_words([e.value for e in at.error] + [str(cell) for row in report for cell in row], "da") == []
    assert english_words(screen_texts(at), "da") == []


def test_a_danish_teams_refused_save_says_choose_at_least_one_option_in_danish(
    demo_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in(opened("da", demo_urls, monkeypatch), "da", Role.TEAM)
    at.switch_page("pages/answer.py").run()
    choice = next(r for r in at.radio if r.key and r.key.startswith("answer-choices-"))
    at.button(key=f"answer-save-{choice.key.rsplit('-', 1)[1]}").click().run()
    assert [e.value for e in at.error] == ["Vælg mindst én svarmulighed."]
    assert english_words(screen_texts(at), "da") == []
