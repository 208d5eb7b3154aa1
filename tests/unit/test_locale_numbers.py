"""Numbers, shares, dates and plurals as each language writes them (CLDR through Babel, issue 27.3): the
one helper per language, the locale files' count texts, every chart's number marks and the Danish report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import pytest
from sqlalchemy import Engine

from tests.unit.test_report_document import _loop_week, text_of
from workshop.charts.answer_charts import (
    attention_chart,
    choice_bars,
    compare_chart,
    coverage_chart,
    gap_chart,
    rating_bars,
)
from workshop.charts.compare_charts import paired_chart
from workshop.charts.network_circle import network_circle_figure
from workshop.charts.offer_map import offer_map_figure
from workshop.charts.space_charts import gap_bars, matrix_heatmap, profile_chart, share_radar, staff_bars
from workshop.charts.vote_chart import vote_bars
from workshop.config.i18n import (
    UI_LANGUAGES,
    catalog,
    date_text,
    date_time,
    number,
    percent,
    time_text,
    translate,
    whole,
)
from workshop.domain.model import SPACE_KEYS, RelationStage, Sector
from workshop.domain.profile import profile_summary
from workshop.services.whole.reports import html_report

NBSP = "\u00a0"
STAMP = dt.datetime(2026, 12, 6, 6, 4, 9)


@pytest.mark.parametrize(
    ("lang", "mean", "big", "count", "gap", "minus", "share", "share_1", "signed_share"),
    [
        ("en", "3.1", "1,234.5", "12,345", "+2.1", "-2.1", "27%", "27.2%", "+2.1%"),
        ("da", "3,1", "1.234,5", "12.345", "+2,1", "-2,1", f"27{NBSP}%", f"27,2{NBSP}%", f"+2,1{NBSP}%"),
        ("nb", "3,1", f"1{NBSP}234,5", f"12{NBSP}345", "+2,1", "-2,1", f"27{NBSP}%", f"27,2{NBSP}%", f"+2,1{NBSP}%"),
        ("nl", "3,1", "1.234,5", "12.345", "+2,1", "-2,1", "27%", "27,2%", "+2,1%"),
    ],
)
def test_numbers_shares_and_signed_differences_follow_the_cldr(
    lang: str, mean: str, big: str, count: str, gap: str, minus: str, share: str, share_1: str, signed_share: str
) -> None:
    assert number(3.13, lang) == mean and number(1234.5, lang) == big and whole(12345, lang) == count
    assert number(2.1, lang, sign=True) == gap and number(-2.1, lang, sign=True).replace("\u2212", "-") == minus
    assert number(0.04, lang, sign=True) == number(-0.04, lang, sign=True) == number(0, lang)  # no "+0,0", no "-0,0"
    assert percent(0.272, lang) == share and percent(0.272, lang, 1) == share_1
    assert percent(0.021, lang, 1, sign=True) == signed_share


@pytest.mark.parametrize(
    ("lang", "day", "day_and_time", "clock", "with_weekday"),
    [
        ("en", "6 December 2026", "6 Dec, 06:04", "06:04:09", "Sun 06:04"),
        ("da", "6. december 2026", "6. dec. 06.04", "06.04.09", "søn. 06.04"),
        ("nb", "6. desember 2026", "6. des., 06:04", "06:04:09", "søn. kl. 06:04"),
        ("nl", "6 december 2026", "6 dec, 06:04", "06:04:09", "zo 06:04"),
    ],
)
def test_dates_and_times_follow_the_cldr(lang: str, day: str, day_and_time: str, clock: str, with_weekday: str) -> None:
    assert date_text(STAMP.date(), lang) == day
    assert date_time(STAMP, lang) == day_and_time  # not "06-12 06:04"
    assert time_text(STAMP, lang, seconds=True) == clock
    assert time_text(STAMP, lang, weekday=True) == with_weekday  # not strftime's English "Sun"


@pytest.mark.parametrize(
    ("lang", "key", "zero", "one", "two"),
    [
        ("en", "teams.sheet_incomplete", "0 teams have", "1 team has", "2 teams have"),
        ("da", "teams.sheet_incomplete", "0 teams har", "1 team har", "2 teams har"),
        ("nb", "screening.raters", "Vurdert av 0 team", "Vurdert av 1 team", "Vurdert av 2 team"),
        ("nl", "screening.raters", "Getoetst door 0 teams", "Getoetst door 1 team.", "Getoetst door 2 teams"),
        ("da", "screening.raters", "Vurderet af 0 teams", "Vurderet af 1 team.", "Vurderet af 2 teams"),
        ("da", "review.accept_agreed", "Godkend de 0 tilbud", "Godkend det tilbud", "Godkend de 2 tilbud"),
        ("da", "reaction.agree", "0 teams er enige", "1 team er enigt", "2 teams er enige"),
        ("en", "report.answers", "0 answers", "1 answer", "2 answers"),
        ("nl", "report.answers", "0 antwoorden", "1 antwoord", "2 antwoorden"),
    ],
)
def test_a_count_picks_the_plural_form_of_its_language(lang: str, key: str, zero: str, one: str, two: str) -> None:
    assert translate(lang, key, n=0).startswith(zero)
    assert translate(lang, key, n=1).startswith(one)
    assert translate(lang, key, n=2).startswith(two)


def test_a_large_count_is_written_with_the_languages_group_mark() -> None:
    assert translate("da", "report.answers", n=1234) == "1.234 svar"
    assert translate("nb", "report.answers", n=1234) == f"1{NBSP}234 svar"
    assert translate("en", "report.answers", n=1234) == "1,234 answers"


# Hand-made plurals: "offer(s)", "problem(er)", "activiteit(en)", "partnerschap(pen)".
HAND_PLURAL = re.compile(r"[^\W\d_]\((s|e|er|en|n|r|pen|len|ne|ene)\)")
# A count followed by the word it counts ("{n} teams", "{missing} teams", "{rows} rækker"); "N of M" is the
# M's count ("{done} of {n} offers"), so a count followed by of/af/av/van is not itself a count of a noun.
COUNT_NAMES = "n|count|total|missing|answers|rows|added|updated|partners|agree|concerns|offers|teams|dots|left|"
COUNT_NAMES += "moves|themes|decided|done|seconds|hours|own|m|max|shown|open|used"
COUNT_BEFORE_A_WORD = re.compile(rf"\{{({COUNT_NAMES})\}}\s+(?!(?:of|af|av|van)\b)[^\W\d_]")
# Headings and asides whose noun comes before the count: "Teams (3 in all)", "(5; 2 from your team)"; a
# number that names a thing ("Vraag {n} bewerken": question 3) or ends a Dutch clause before its verb.
NOUN_FIRST = {"log.questions_page", "setup.questions_page", "teams.page", "review.page", "loop.answers"}
NOUN_FIRST |= {"setup.edit_question", "setup.delete_point_warning", "offers.showing", "strengths.heatmap_showing"}
PLURAL_KEY = re.compile(r"^(.*)\.(zero|one|two|few|many|other)$")


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_no_locale_text_writes_a_plural_by_hand(lang: str) -> None:
    hacks = {key: text for key, text in catalog(lang).items() if HAND_PLURAL.search(text)}
    assert hacks == {}, f"{lang}.yaml: plurals written by hand, give the key one/other forms: {hacks}"


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
def test_every_count_of_a_noun_has_the_plural_forms_of_its_language(lang: str) -> None:
    texts = catalog(lang)
    plural_bases = {m.group(1) for key in texts if (m := PLURAL_KEY.match(key)) and f"{m.group(1)}.one" in texts}
    single = {
        key: text
        for key, text in texts.items()
        if COUNT_BEFORE_A_WORD.search(text) and key not in NOUN_FIRST and not PLURAL_KEY.match(key)
    }
    assert single == {}, f"{lang}.yaml: a count before a noun without plural forms: {single}"
    from babel import Locale

    from workshop.config.i18n import CLDR_LOCALES

    categories = set(Locale.parse(CLDR_LOCALES[lang]).plural_form.tags) | {"other"}
    for base in plural_bases:
        forms = {m.group(2) for key in texts if (m := PLURAL_KEY.match(key)) and m.group(1) == base}
        assert forms == categories, f"{lang}.yaml: {base} has the forms {forms}, the language needs {categories}"
        assert "{" in texts[f"{base}.other"], f"{lang}.yaml: {base}.other writes neither the count nor the things"


SCORES = pd.DataFrame(
    {
        "key": list(SPACE_KEYS),
        "share": 0.25,
        "target_share": 0.25,
        "gap": [0.021, -0.021, 0.0, 0.0],
        "weak": False,
        "strong": False,
        "mean_strength": 3.13,
        "answer_share": 0.25,
    }
)
NAMES = {k: k for k in SPACE_KEYS}
CHARTS: dict[str, Callable[[str], go.Figure]] = {
    "coverage": lambda lang: coverage_chart(SCORES, lang),
    "gap": lambda lang: gap_chart(SCORES, lang),
    "attention": lambda lang: attention_chart(SCORES, lang),
    "compare": lambda lang: compare_chart(SCORES.assign(gap_before=0.1, gap_after=0.2), lang, ("a", "b")),
    "rating bars": lambda lang: rating_bars(
        pd.DataFrame([{"question": "Q", **{str(r): 1 for r in range(1, 6)}}]), lang
    ),
    "choice bars": lambda lang: choice_bars(pd.DataFrame({"option": ["x"], "count": [2]}), lang),
    "paired": lambda lang: paired_chart(pd.DataFrame({"option": ["x"], "before": [1], "after": [2]}), ("a", "b"), lang),
    "network": lambda lang: network_circle_figure(
        pd.DataFrame(columns=["name", "stage", "sector"]),
        {s.value: s.value for s in RelationStage},
        {s.value: s.value for s in Sector},
        lang,
    ),
    "offer map": lambda lang: offer_map_figure(pd.DataFrame(), lang),
    "vote": lambda lang: vote_bars([(1, "x", 2)], "dots", lang),
    "radar": lambda lang: share_radar(SCORES, NAMES, "actual", "target", "radar", lang),
    "gap bars": lambda lang: gap_bars(SCORES, NAMES, "points", "gaps", lang),
    "heatmap": lambda lang: matrix_heatmap(pd.DataFrame([[1]], index=["o"], columns=["learning"]), NAMES, "", "", lang),
    "staff": lambda lang: staff_bars(
        pd.DataFrame({"space": ["learning"], "team_mean": [3.5], "mapped_mean": [2.0]}), NAMES, "a", "b", "s", lang
    ),
    "profile": lambda lang: profile_chart(
        profile_summary(pd.DataFrame([("leadership", "planning_spontaneity", -1)], columns=["rater", "pair", "value"])),
        {"reflection_topicality": ("reflection", "topicality"), "planning_spontaneity": ("planning", "spontaneity")},
        {"leadership": "Leadership", "library": "Library"},
        lang,
    ),
}


@pytest.mark.parametrize("lang", list(UI_LANGUAGES))
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_chart_writes_numbers_with_the_languages_marks(chart: str, lang: str) -> None:
    expected = {"en": ".,", "da": ",.", "nb": f",{NBSP}", "nl": ",."}[lang]
    assert CHARTS[chart](lang).layout.separators == expected


def test_the_gap_bars_label_each_bar_with_a_signed_danish_number() -> None:
    assert list(gap_bars(SCORES, NAMES, "points", "gaps", "da").data[0].text)[:2] == ["+2,1", "-2,1"]


def test_share_axes_place_the_percent_sign_the_languages_way() -> None:
    assert coverage_chart(SCORES, "da").layout.yaxis.ticksuffix == f"{NBSP}%"
    assert coverage_chart(SCORES, "en").layout.yaxis.ticksuffix == "%"
    assert share_radar(SCORES, NAMES, "a", "t", "r", "en").layout.polar.radialaxis.ticksuffix == "%"


def test_the_danish_report_writes_decimal_commas_plurals_and_percent_axes(engine: Engine) -> None:
    week = _loop_week(engine, "da")
    report = html_report(engine, week.workshop_id, today=dt.date(2026, 3, 1))
    text = text_of(report)
    assert re.findall(r"\d\.\d", text) == [], "a decimal point in the Danish report"
    assert "3,3" in text and f"53{NBSP}%" in report  # (text_of folds the no-break space)
    assert "1 team er enigt, 1 team har betænkeligheder." in text  # not "1 er enige"
    suffixes = re.findall(r'"ticksuffix":"([^"]*)"', report)
    assert suffixes and all(s == "\\u00a0%" or s == NBSP + "%" for s in suffixes), suffixes
    assert '"separators":",."' in report
