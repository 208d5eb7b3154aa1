"""The wall shows the room's answers as they come in (issue 26.4): the question the facilitator puts on the
wall with its distribution (every bar labelled with its option and count) or its key terms, a new answer
counted at the next refresh, and no team's name in the live results."""

import html
import re

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, errors_of, fresh_app, sign_in
from workshop.domain.model import DayStatus, Role
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days, list_questions, set_day_status
from workshop.services.week.morning import new_projector_link
from workshop.services.workshops.lifecycle import list_teams

MEETING = [
    "Rooms, furniture and noise",
    "Opening hours and staffing",
    "Our programme of events",
    "Knowledge of the local community",
    "Partners to host activities with us",
]


def open_day(db: Engine, wid: int) -> int:
    return int(next(d for d in list_days(db, wid) if d.status == DayStatus.OPEN).id or 0)


def wall(db: Engine, wid: int, number: int) -> AppTest:
    """The projector link in a fresh browser, with question `number` put on the wall."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["projector"] = new_projector_link(db, wid)
    at.run()
    at.segmented_control(key=f"morning-show-{open_day(db, wid)}").set_value(number).run()
    return at


LIVE = 'class="live-bars"'


def live_lists(at: AppTest) -> list[str]:
    """The HTML of every live bar list on the page."""
    return [h.proto.body for h in at.get("html") if LIVE in h.proto.body]


def chart(at: AppTest) -> str:
    shown = live_lists(at)
    assert len(shown) == 1  # the one question on the wall
    return shown[0]


def part(name: str, markup: str) -> list[str]:
    """The text of every element of the live bars with this class (or its width, for a bar), unescaped."""
    if name == "width":
        return re.findall(r'class="live-bar-fill"[^>]*width:([\d.]+)%', markup)
    return [html.unescape(text) for text in re.findall(rf'class="live-bar-{name}"[^>]*>([^<]*)<', markup)]


def bars(at: AppTest) -> dict[str, int]:
    """Each bar's label and the count written at its end."""
    markup = chart(at)
    labels, counts = part("label", markup), part("count", markup)
    assert len(labels) == len(counts) == len(part("width", markup))  # every bar labelled
    return {label: int(n) for label, n in zip(labels, counts, strict=True)}


def test_the_choice_question_on_the_wall_counts_a_new_answer_at_the_next_refresh(db: Engine, wid: int) -> None:
    at = wall(db, wid, 2)
    assert bars(at) == dict(zip(MEETING, [1, 1, 0, 0, 1], strict=True))
    single = list_questions(db, wid, open_day(db, wid))[1]
    team = join_team(db, wid, "WQ9ZD3", session="test")  # Digital services
    submit_answer(db, team, Answer(int(single.id or 0), "", choices=["Our programme of events"]))
    at.run()  # the wall's next refresh
    assert bars(at)["Our programme of events"] == 1 and sum(bars(at).values()) == 4
    assert "4 of 6 teams answered" in [c.value for c in at.caption]
    shown = chart(at).casefold()
    for name in [t.name for t in list_teams(db, wid)]:
        assert name.casefold() not in shown  # counts only: the wall never says who chose what
    assert errors_of(at) == []


def test_a_rating_question_shows_how_many_teams_gave_each_value(db: Engine, wid: int) -> None:
    at = wall(db, wid, 3)
    assert bars(at) == {"1": 0, "2": 1, "3": 2, "4": 0, "5": 0}
    assert part("width", chart(at)) == ["0", "50", "100", "0", "0"]  # each bar its share of the largest
    assert ">2: 1 team<" in chart(at) and ">3: 2 teams<" in chart(at)  # what a screen reader hears per row
    assert "color:#ffffff" in chart(at)  # white on the wall's black


def test_a_text_question_shows_the_key_terms_of_the_answers_so_far(db: Engine, wid: int) -> None:
    at = wall(db, wid, 1)
    assert "The words used most so far:" in [c.value for c in at.caption]
    terms = bars(at)
    assert next(iter(terms)) == "talk" and terms["talk"] == 2  # "talk" and "talks", in two of three answers
    first = list_questions(db, wid, open_day(db, wid))[0]
    team = join_team(db, wid, "WQ9ZD3", session="test")
    submit_answer(db, team, Answer(int(first.id or 0), "People talk at the language café and talk at the debates."))
    at.run()
    assert bars(at)["talk"] == 3


def test_the_morning_view_shows_every_question_and_one_live(db: Engine, wid: int) -> None:
    at = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()
    texts = [x.value for x in at.text]
    for q in list_questions(db, wid, open_day(db, wid)):
        assert q.text in texts
    assert "Question 1 · 3 of 6 teams answered" in [c.value for c in at.caption]
    assert len(live_lists(at)) == 1  # the question on the wall, live
    assert "color:#31333f" in live_lists(at)[0]  # the theme's text colour on the page's white
    assert errors_of(at) == []


def test_two_open_days_show_both_boards_live_on_the_morning_view_and_the_wall(db: Engine, wid: int) -> None:
    """A facilitator who opens the next day before closing this one: each open day has its board and its
    question live (the live question's text once had one key for every day, and the page stopped)."""
    planned = next(d for d in list_days(db, wid) if d.status == DayStatus.PLANNED)
    set_day_status(db, wid, int(planned.id or 0), DayStatus.OPEN)
    morning = sign_in(fresh_app(), Role.FACILITATOR).switch_page("pages/morning.py").run()
    projector = AppTest.from_file(APP, default_timeout=60)
    projector.query_params["projector"] = new_projector_link(db, wid)
    for at in (morning, projector.run()):
        assert errors_of(at) == []
        assert [h.value for h in at.title][-2:] == ["Day 3", "Day 4"]
        assert len(live_lists(at)) + [c.value for c in at.caption].count("No written answers yet.") == 2
