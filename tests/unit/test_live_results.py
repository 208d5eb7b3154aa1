"""The wall's live results (issue 26.4): per question of the open day, the teams' choices and ratings counted
by hand, every option kept in its place with zeros, the key terms of written answers, counts only (no team's
name anywhere), and the bars that show them, each labelled with its option and its count."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from sqlalchemy import Engine

from workshop.charts.live_chart import live_bars
from workshop.config.stopwords import reading
from workshop.domain.keyterms import term_languages
from workshop.domain.live import CYCLE_SECONDS, IN_TURN, LiveAnswer, live_result, shown_index
from workshop.domain.model import DayStatus, Question, QuestionKind
from workshop.services.access.codes import join_team
from workshop.services.week.answers import Answer, submit_answer
from workshop.services.week.days import list_days
from workshop.services.week.morning import live_results
from workshop.services.workshops.lifecycle import list_teams

MEETING = [
    "Rooms, furniture and noise",
    "Opening hours and staffing",
    "Our programme of events",
    "Knowledge of the local community",
    "Partners to host activities with us",
]


def open_day_id(engine: Engine, demo_wid: int) -> int:
    return int(next(d for d in list_days(engine, demo_wid) if d.status == DayStatus.OPEN).id or 0)


def test_the_demo_open_day_counted_by_hand(engine: Engine, demo_wid: int) -> None:
    """Demo day 3: three teams answered. Single choice: one each for rooms, opening hours and partners;
    ratings 2, 3, 3; "talk" is the only word in two of the three written answers ("talk", "talks")."""
    text, single, rating = live_results(engine, demo_wid, open_day_id(engine, demo_wid))
    assert single.counts == tuple(zip(MEETING, [1, 1, 0, 0, 1], strict=True)) and single.answers == 3
    assert rating.counts == (("1", 0), ("2", 1), ("3", 2), ("4", 0), ("5", 0))
    assert text.terms[0] == ("talk", 2) and len(text.terms) == 6 and not text.counts


def test_a_new_answer_is_counted_and_no_team_is_named(engine: Engine, demo_wid: int) -> None:
    day = open_day_id(engine, demo_wid)
    _, single, _ = live_results(engine, demo_wid, day)
    team = join_team(engine, demo_wid, "WQ9ZD3", session="test")  # Digital services
    submit_answer(engine, team, Answer(int(single.question.id or 0), "", choices=["Our programme of events"]))
    results = live_results(engine, demo_wid, day)
    assert results[1].counts[2] == ("Our programme of events", 1) and results[1].answers == 4
    shown = repr([(r.counts, r.terms) for r in results]).casefold()
    for name in [t.name for t in list_teams(engine, demo_wid)]:
        assert name.casefold() not in shown


def question(kind: QuestionKind, options: list[str] | None = None) -> Question:
    return Question(id=7, workshop_id=1, day_id=1, kind=kind, text="Which?", options=options or [])


def test_every_option_keeps_its_place_and_a_removed_option_still_counts() -> None:
    asked = question(QuestionKind.MULTIPLE, ["children", "seniors", "families"])
    answers = [
        LiveAnswer(7, choices=("seniors", "seniors", "families")),  # a repeated pick counts once
        LiveAnswer(7, choices=("seniors", "businesses")),  # "businesses" was an option when this team chose
        LiveAnswer(8, choices=("children",)),  # another question
    ]
    result = live_result(asked, answers, reading(term_languages("en")))
    assert result.counts == (("children", 0), ("seniors", 2), ("families", 1), ("businesses", 1))
    assert result.answers == 2 and result.shows_bars


def test_a_rating_question_counts_each_value_from_one_to_five() -> None:
    answers = [LiveAnswer(7, rating=5), LiveAnswer(7, rating=5), LiveAnswer(7, text="no rating")]
    result = live_result(question(QuestionKind.SPACE_STRENGTH), answers, reading(term_languages("da")))
    assert result.counts == (("1", 0), ("2", 0), ("3", 0), ("4", 0), ("5", 2))


def test_a_text_question_shows_its_key_terms_in_the_workshops_language() -> None:
    answers = [
        LiveAnswer(7, text="Flere lektiecaféer og en lektiecafé om lørdagen"),
        LiveAnswer(7, text="Lektiecaféen er god, og vi har brug for mere plads"),
    ]
    result = live_result(question(QuestionKind.TEXT), answers, reading(term_languages("da")))
    assert result.terms[0] == ("lektiecafé", 2)  # three forms, one term and not result.shows_bars
    assert "og" not in dict(result.terms)  # a Danish stop word


@dataclass
class Row:
    said: str = ""  # what a screen reader hears
    label: str = ""
    width: str = ""
    count: str = ""
    hidden: list[str] = field(default_factory=list)  # aria-hidden parts


class Rows(HTMLParser):
    """The rows of the live bars as a browser reads them: every tag seen, and per <li> its parts' text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.rows: list[Row] = []
        self.styles: list[str] = []
        self.open: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        got = dict(attrs)
        self.tags.append(tag)
        self.styles.append(got.get("style") or "")
        part = got.get("class") or ("said" if tag == "span" and "position:absolute" in (got.get("style") or "") else "")
        if tag == "li":
            self.rows.append(Row())
        elif part == "live-bar-fill":
            self.rows[-1].width = re.search(r"width:([\d.]+)%", got["style"] or "")[1]  # type: ignore[index]
        if got.get("aria-hidden") == "true":
            self.rows[-1].hidden.append(part)
        self.open.append(part)

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        field_name = {"said": "said", "live-bar-label": "label", "live-bar-count": "count"}.get(self.open[-1])
        assert field_name, f"text outside a label, a count or the spoken line: {data!r}"
        setattr(self.rows[-1], field_name, getattr(self.rows[-1], field_name) + data)


def test_every_option_is_a_row_with_its_label_its_count_and_a_spoken_line_in_order() -> None:
    counts = list(zip(MEETING, [3, 1, 0, 0, 12], strict=True))
    shown = Rows(live_bars(counts, "en", "morning.bar_teams", on_wall=True))
    assert shown.tags[:2] == ["ul", "li"] and 'role="list"' in live_bars(counts, "en", "morning.bar_teams", True)
    assert [(r.label, r.count) for r in shown.rows] == [(label, str(n)) for label, n in counts]
    assert [r.said for r in shown.rows] == [
        "Rooms, furniture and noise: 3 teams",
        "Opening hours and staffing: 1 team",
        "Our programme of events: 0 teams",
        "Knowledge of the local community: 0 teams",
        "Partners to host activities with us: 12 teams",
    ]
    assert all(r.hidden == ["live-bar-label", "live-bar-track"] for r in shown.rows)  # heard once, as said


def test_each_bar_is_its_share_of_the_largest_count_and_a_zero_keeps_its_row() -> None:
    shown = Rows(live_bars([("a", 4), ("b", 2), ("c", 0), ("d", 1), ("e", 3)], "en", "morning.bar_teams", False))
    assert [r.width for r in shown.rows] == ["100", "50", "0", "25", "75"]
    assert (shown.rows[2].label, shown.rows[2].count, shown.rows[2].said) == ("c", "0", "c: 0 teams")
    nobody = Rows(live_bars([("1", 0), ("2", 0)], "en", "morning.bar_teams", False))  # no answers yet: no bars
    assert [(r.label, r.width, r.count) for r in nobody.rows] == [("1", "0", "0"), ("2", "0", "0")]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ('=HYPERLINK("http://evil.example","x")', '=HYPERLINK("http://evil.example","x")'),
        ('" onmouseover="alert(1)', '" onmouseover="alert(1)'),
        ("\u202eevil.exe\u202c gpj", "evil.exe gpj"),  # a right-to-left override: gone, the text as typed
        ("\u2066isolated\u2069 text", "isolated text"),
        ("W" * 2000, "W" * 2000),
    ],
)
def test_a_hostile_label_is_text_never_markup_and_never_turns_the_text_around(typed: str, shown: str) -> None:
    markup = live_bars([(typed, 2), ("Partners", 1)], "en", "morning.bar_teams", on_wall=True)
    read = Rows(markup)
    assert read.tags == ["ul", *["li", "span", "span", "span", "span", "span"] * 2]  # no tag of the label's
    assert (read.rows[0].label, read.rows[0].count, read.rows[0].said) == (shown, "2", f"{shown}: 2 teams")
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", markup)
    assert "<script" not in markup and "<img" not in markup and ' onmouseover="' not in markup
    label_style = read.styles[read.tags.index("span", 3)]
    assert "overflow-wrap:anywhere" in label_style and "min-width:0" in label_style  # a long word wraps


def test_the_wall_draws_white_and_large_and_the_morning_view_in_the_pages_colour() -> None:
    counts = [("Rooms", 2), ("Partners", 1)]
    wall, morning = (Rows(live_bars(counts, "en", "morning.bar_teams", on_wall=w)) for w in (True, False))
    assert "color:#ffffff" in wall.styles[0] and "color:#31333f" in morning.styles[0]
    assert "font-size:26px" in wall.styles[3] and "font-size:30px" in wall.styles[4]  # label, count
    bars = [s for s in wall.styles if "height:1.1em" in s]
    assert len(bars) == 2 and all("background:#ffd400" in s for s in bars)  # the wall's accent


@pytest.mark.parametrize(
    ("lang", "said", "many"),
    [
        ("en", ["talk: 1 answer", "talk: 2 answers", "Rooms: 1 team", "Rooms: 2 teams"], "1,234"),
        ("da", ["talk: 1 svar", "talk: 2 svar", "Rooms: 1 team", "Rooms: 2 teams"], "1.234"),
        ("nb", ["talk: 1 svar", "talk: 2 svar", "Rooms: 1 team", "Rooms: 2 team"], "1\xa0234"),
        ("nl", ["talk: 1 antwoord", "talk: 2 antwoorden", "Rooms: 1 team", "Rooms: 2 teams"], "1.234"),
    ],
)
def test_each_row_is_said_and_written_in_the_workshops_language(lang: str, said: list[str], many: str) -> None:
    terms = Rows(live_bars([("talk", 1), ("talk", 2), ("x", 1234)], lang, "morning.bar_answers", False)).rows
    teams = Rows(live_bars([("Rooms", 1), ("Rooms", 2)], lang, "morning.bar_teams", False)).rows
    assert [r.said for r in terms[:2] + teams] == said and terms[2].count == many


@pytest.mark.parametrize(
    ("choice", "count", "now", "shown"),
    [
        (2, 5, 0.0, 1),  # picked by the facilitator: stays, whatever the time
        (2, 5, 1e9 + 7, 1),
        (IN_TURN, 5, 0.0, 0),  # in turn: each question for CYCLE_SECONDS, then the next
        (IN_TURN, 5, CYCLE_SECONDS - 0.1, 0),
        (IN_TURN, 5, CYCLE_SECONDS, 1),
        (IN_TURN, 5, 5 * CYCLE_SECONDS, 0),  # after the last, the first again
        (None, 3, 4 * CYCLE_SECONDS, 1),  # nothing picked: in turn
        (7, 3, 2 * CYCLE_SECONDS, 2),  # a pick beyond a day that lost questions: in turn
        (0, 3, 0.0, 0),
        (IN_TURN, 0, 123.0, 0),
    ],
)
def test_the_question_on_the_wall_is_the_picked_one_or_each_in_turn(
    choice: object, count: int, now: float, shown: int
) -> None:
    assert shown_index(choice, count, now) == shown
