"""Leadership's pages on the demo: the overview, themes (created, edited, suggested), actions,
reports and the comparison, through AppTest as a person would use them."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import errors_of, fresh_app, sign_in
from workshop.domain import consolidation as cons
from workshop.domain.model import Role, ThemeStatus
from workshop.services.loop.actions import actions_frame
from workshop.services.loop.themes import delete_theme, list_themes
from workshop.services.week.material import consolidation_answers, questions_frame, week_material
from workshop.services.workshops.lifecycle import create_workshop, current_workshop_id
from workshop.store import make_engine, write
from workshop.store.tables import actions


def _leadership(page: str, from_scratch: bool = False) -> tuple[AppTest, Engine, int]:
    """Leadership on a page of the demo; `from_scratch`: without the demo's themes and actions."""
    at = sign_in(fresh_app(), Role.LEADERSHIP)
    engine = make_engine()
    wid = current_workshop_id(engine)
    assert wid is not None
    if from_scratch:
        for theme in list_themes(engine, wid):
            delete_theme(engine, wid, int(theme.id or 0))
        with write(engine) as conn:
            conn.execute(actions.delete().where(actions.c.workshop_id == wid))
    at.switch_page(f"pages/{page}").run()
    return at, engine, wid


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_the_overview_shows_every_answer_and_narrows_by_team(demo_db: str) -> None:
    at, _, _ = _leadership("overview.py")
    assert errors_of(at) == []
    assert at.metric[0].value == "49 / 49"
    at.multiselect(key="f_team").set_value(["Front desk"]).run()
    assert at.metric[0].value == "4 / 49"
    # Only the open tab is drawn: open the one with the answers in no theme.
    at.session_state["overview_tab"] = "Not yet in a theme"
    at.run()
    assert "2 of 4 answers sit in no theme yet." in [c.value for c in at.caption]


def test_a_theme_created_with_answers_persists_and_its_decision_is_saved(demo_db: str) -> None:
    at, engine, wid = _leadership("themes.py", from_scratch=True)
    at.text_input[0].input("Young people")
    at.multiselect(key="new_theme_ids").set_value([2, 5])
    _button(at, "Create the theme").click().run()
    assert errors_of(at) == []
    [theme] = list_themes(engine, wid)
    assert (theme.title, theme.response_ids) == ("Young people", [2, 5])
    at.selectbox[-1].set_value(ThemeStatus.ADOPT)
    next(a for a in at.text_area if a.label == "Decision note").input("Start a youth panel")
    at.multiselect(key=f"theme_{theme.id}_ids").set_value([2, 5, 9])
    _button(at, "Save the theme").click().run()
    [theme] = list_themes(engine, wid)
    assert (theme.status, theme.decision, theme.response_ids) == (ThemeStatus.ADOPT, "Start a youth panel", [2, 5, 9])


def test_an_empty_theme_title_is_refused_with_a_message(demo_db: str) -> None:
    at, engine, wid = _leadership("themes.py", from_scratch=True)
    _button(at, "Create the theme").click().run()
    assert any("title" in e for e in errors_of(at))
    assert list_themes(engine, wid) == []


def test_suggested_groups_are_not_applied_until_accepted(demo_db: str) -> None:
    at, engine, wid = _leadership("themes.py", from_scratch=True)
    _button(at, "Suggest groups").click().run()
    suggestions = at.session_state["theme_suggestions"]
    assert len(suggestions) >= 2
    assert list_themes(engine, wid) == []
    first_title, first_ids = suggestions[0]
    _button(at, "Reject").click().run()
    assert list_themes(engine, wid) == []
    assert (first_title, first_ids) not in at.session_state["theme_suggestions"]
    second_title, second_ids = at.session_state["theme_suggestions"][0]
    _button(at, "Accept as a theme").click().run()
    [theme] = list_themes(engine, wid)
    assert (theme.title, theme.response_ids) == (second_title, sorted(second_ids))


def test_an_overdue_action_is_marked_on_the_board(demo_db: str) -> None:
    import datetime as dt

    at, engine, wid = _leadership("actions.py", from_scratch=True)
    assert any(i.value.startswith("No actions yet") for i in at.info)
    at.text_input[0].input("Renew the displays")
    at.text_input[1].input("Adult services")
    at.date_input[0].set_value(dt.date.today() - dt.timedelta(days=3))
    _button(at, "Add the action").click().run()
    assert errors_of(at) == []
    assert actions_frame(engine, wid)["title"].tolist() == ["Renew the displays"]
    assert [w.value for w in at.warning] == ["1 action is overdue."]
    assert any("overdue" in m.value for m in at.markdown)


def test_the_report_is_prepared_for_download(demo_db: str) -> None:
    at, _, _ = _leadership("reports.py")
    _button(at, "Prepare the file").click().run()
    assert [e for e in at.exception] == []
    assert at.get("download_button")


def test_comparing_needs_the_other_workshops_leadership_code(demo_db: str) -> None:
    at, engine, _ = _leadership("compare.py")
    create_workshop(engine, "Last year", "facilitate-old", "lead-old-week", template_key="four_spaces_week")
    at.run()
    at.text_input[0].input("wrong-code")
    _button(at, "Show the comparison").click().run()
    assert at.error and not at.subheader
    at.text_input[0].input("lead-old-week")
    _button(at, "Show the comparison").click().run()
    assert [s.value for s in at.subheader] == [
        "The four spaces",
        "The four aims",
        "The same questions, then and now",
        "What became of the actions of Last year",
    ]
    assert errors_of(at) == []


def test_every_tab_of_the_overview_opens_without_an_error(demo_db: str) -> None:
    at, _, _ = _leadership("overview.py")
    labels = ["By main point", "Side by side", "Ratings", "Choices", "Participation", "Key terms"]
    for label in [*labels, "Against the gaps", "Not yet in a theme"]:
        at.session_state["overview_tab"] = label
        at.run()
        assert errors_of(at) == [] and not at.exception, label
        assert at.dataframe or at.get("plotly_chart") or at.info or at.expander or at.text, f"{label} shows nothing"


def test_a_big_week_offers_one_questions_answers_at_a_time_for_themes(demo_db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.whole import overview

    monkeypatch.setattr(overview, "PICK_ALL_LIMIT", 10)
    at, engine, wid = _leadership("themes.py", from_scratch=True)
    picker = at.selectbox(key="pick_question")
    assert "All answers" not in picker.options
    first = at.multiselect(key="new_theme_ids").options
    second_question = int(questions_frame(engine, wid)["id"].iloc[1])
    picker.set_value(second_question).run()
    second = at.multiselect(key="new_theme_ids").options
    assert first and second and not set(first) & set(second)
    assert len(first) < 49 and len(second) < 49
    at.text_input[0].input("From the second question")
    at.multiselect(key="new_theme_ids").set_value([int(consolidation_answers(engine, wid, second_question)["id"][0])])
    _button(at, "Create the theme").click().run()
    assert errors_of(at) == []
    assert len(list_themes(engine, wid)[0].response_ids) == 1


def test_long_lists_on_the_overview_come_a_page_at_a_time_and_every_answer_is_reachable(
    demo_db: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from workshop.services.whole import overview

    monkeypatch.setattr(overview, "PAGE_SIZE", 20)
    monkeypatch.setattr("ui.overview_tabs.PAGE_SIZE", 20)
    at, _, _ = _leadership("overview.py", from_scratch=True)
    at.session_state["overview_tab"] = "Not yet in a theme"
    at.run()
    assert "Rows 1–20 of 49" in [c.value for c in at.caption]
    at.number_input(key="page_unthemed").set_value(3).run()
    assert "Rows 41–49 of 49" in [c.value for c in at.caption]
    assert sum(c.value.endswith("· question:") for c in at.caption) == 9  # the last page's 9 answers, as cards
    at.multiselect(key="f_team").set_value(["Front desk"]).run()
    assert errors_of(at) == [] and not at.exception
    assert "Rows 1–4 of 4" in [c.value for c in at.caption]


def test_the_overview_shows_each_answer_as_a_full_text_card_or_a_table_to_sort(demo_db: str) -> None:
    at, engine, wid = _leadership("overview.py")
    at.session_state["overview_tab"] = "Not yet in a theme"
    at.run()
    material = week_material(engine, wid)
    rows = cons.answers_table(cons.unthemed(material.answers, material.themed_ids))
    texts = [x.value for x in at.text]
    longest = rows.loc[rows["answer"].str.len().idxmax()]
    assert longest["answer"] in texts and longest["team"] in texts and longest["question"] in texts  # whole text
    assert not at.dataframe  # cards, not a grid that cuts text off
    at.toggle(key="overview-table-view").set_value(True).run()
    assert errors_of(at) == [] and len(at.dataframe[0].value) == min(len(rows), 100)
