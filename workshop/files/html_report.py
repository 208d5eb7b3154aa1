"""The HTML report: one self-contained, printable document leadership can hand to staff and politicians.

A one-page summary first (the strongest and weakest spaces and aims in plain words, what staff said
about each main point, the decisions taken, the actions and their owners), then the detail (the four
spaces, the staff's view beside the mapped view, ratings and choices as charts, themes with their
reactions, dot votes), then an appendix with every answer. Every label comes from the locale files
(the `report.` keys, passed in as `t`); every piece of user text goes through html.escape; the charts
embed plotly.js, so the file reads offline. The week is read by workshop.services.reports."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from workshop.charts.answer_charts import choice_bars, coverage_chart, gap_chart, rating_bars
from workshop.config.spaces import spaces
from workshop.domain import consolidation as cons
from workshop.domain.gaps import against_gaps, attention, concerned_spaces
from workshop.domain.keyterms import key_terms, stopwords
from workshop.domain.loop import Stance, reaction_counts
from workshop.domain.model import LANGUAGES, MainPoint, Theme, ThemeStatus
from workshop.domain.space_detail import verdict

Words = Callable[..., str]  # t(key, **params): a `report.` text of the locale files, values filled in
TERMS = 5  # key terms named per main point in the summary
STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:.9em}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f3f3f3}.overdue{color:#b2182b;font-weight:bold}.muted{color:#666}
h2{border-bottom:2px solid #2E86AB;padding-bottom:.2em;margin-top:2em}
.summary p,.summary li{margin:.25em 0}.summary h3{margin:.8em 0 .2em}.summary table{font-size:.85em}
@media print{body{margin:0;max-width:none}.part{page-break-before:always}.plot,tr{page-break-inside:avoid}}
"""


def esc(value: object) -> str:
    """Any value as escaped HTML text (None and NaN as empty)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return html.escape(str(value), quote=True)


def table(header: Sequence[str], rows: Iterable[Sequence[object]], classes: Sequence[str] = ()) -> str:
    """An HTML table with every cell escaped; `classes` gives a class per row (may be shorter)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        css = f' class="{esc(classes[i])}"' if i < len(classes) and classes[i] else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def frame_table(frame: pd.DataFrame) -> str:
    """table() of a frame, escaped a column at a time (a report at L has 100,000 answers in tables)."""
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    columns = [
        [html.escape(v, quote=True) if type(v) is str else esc(v) for v in frame[c].tolist()] for c in frame.columns
    ]
    body = "".join("<tr><td>" + "</td><td>".join(cells) + "</td></tr>" for cells in zip(*columns, strict=True))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


QUADRANT = {"learning": (130, 130), "inspiration": (270, 130), "meeting": (130, 270), "performative": (270, 270)}
SIDES = {"top": (200, 22, "middle"), "bottom": (200, 390, "middle"), "left": (8, 205, "start"),
         "right": (392, 205, "end")}  # fmt: skip


def four_spaces_map(scores: pd.DataFrame, lang: str) -> str:
    """The model drawn as in the paper: aims on the sides of a square, a circle per space sized by its
    share of coverage; a weak spot has a dashed red ring. Inline SVG, so it prints and reads offline."""
    config = spaces()
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">',
             '<rect x="40" y="40" width="320" height="320" fill="none" stroke="#999"/>']  # fmt: skip
    for aim in config.aims.values():
        x, y, anchor = SIDES[aim.side]
        parts.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="13">{esc(aim.name.get(lang))}</text>')
    for row in scores.itertuples():
        cx, cy = QUADRANT[row.key]
        radius = 30 + 110 * float(row.share)
        ring = 'stroke="#b2182b" stroke-width="4" stroke-dasharray="8 4"' if row.weak else 'stroke="none"'
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{radius:.1f}" fill="{config.spaces[row.key].colour}" '
            f'fill-opacity="0.55" {ring}/>'
            f'<text x="{cx}" y="{cy}" text-anchor="middle" font-size="12">'
            f"{esc(config.space_name(row.key, lang))}</text>"
            f'<text x="{cx}" y="{cy + 16}" text-anchor="middle" font-size="12">{float(row.share):.0%}</text>'
        )
    return "".join(parts) + "</svg>"


@dataclass(frozen=True)
class VoteResult:
    """One dot vote as the report shows it: what it was on and every item with its dots, most first."""

    title: str
    target: str  # "themes" or "actions"
    dots: int  # per team
    is_open: bool
    ranked: Sequence[tuple[int, str, int]]  # services.votes.vote_results


@dataclass(frozen=True)
class Week:
    """What the report shows of a workshop, as the services read it."""

    name: str
    language: str
    answers: pd.DataFrame  # services.week_material.consolidation_answers
    points: Sequence[MainPoint]
    questions: pd.DataFrame  # services.week_material.questions_frame
    options: dict[int, list[str]]  # services.week_material.question_options
    drafts: pd.DataFrame  # services.week_material.drafts_frame
    teams: list[str]
    space_scores: pd.DataFrame  # services.priorities.workshop_scores(...).spaces
    themes: Sequence[Theme]
    actions: pd.DataFrame  # services.actions.with_overdue(actions_frame(...), today)
    aim_scores: pd.DataFrame = field(default_factory=pd.DataFrame)  # workshop_scores(...).aims
    staff: pd.DataFrame = field(default_factory=pd.DataFrame)  # domain.space_detail.staff_comparison
    reactions: pd.DataFrame = field(default_factory=pd.DataFrame)  # services.reactions.reactions_frame
    votes: Sequence[VoteResult] = ()


class Numbers:
    """Shares, points and means written the way the report's language writes them."""

    def __init__(self, t: Words) -> None:
        self.mark = t("report.decimal_mark")

    def share(self, value: object) -> str:
        return f"{round(float(value) * 100)} %"  # type: ignore[arg-type]

    def points(self, value: object) -> str:
        rounded = round(float(value) * 100)  # type: ignore[arg-type]
        return f"{rounded:+d}" if rounded else "0"

    def mean(self, value: object) -> str:
        if value is None or value != value:
            return ""
        return f"{float(value):.1f}".replace(".", self.mark)  # type: ignore[arg-type]


def _name(key: str, lang: str) -> str:
    config = spaces()
    if key in config.spaces:
        return config.space_name(key, lang)
    return config.aim_name(key, lang) if key in config.aims else key


def _verdict(weak: object, strong: object, t: Words) -> str:
    found = verdict(bool(weak), bool(strong))
    return t(f"report.verdict.{found}") if found else ""


def _p(text: str, css: str = "") -> str:
    return f'<p class="{css}">{esc(text)}</p>' if css else f"<p>{esc(text)}</p>"


def _h(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def _plot(figure: go.Figure, with_library: bool) -> str:
    body = figure.to_html(full_html=False, include_plotlyjs=with_library, config={"displayModeBar": False})
    return f'<div class="plot">{body}</div>'


# --- the summary -------------------------------------------------------------------------------------


def _extremes(scores: pd.DataFrame, kind: str, lang: str, t: Words, n: Numbers) -> list[str]:
    """The weakest (largest gap) and strongest (smallest gap) space or aim, in a sentence each."""
    if scores.empty or float(scores["coverage"].sum()) <= 0:
        return []
    weakest = scores.loc[scores["gap"].idxmax()]
    strongest = scores.loc[scores["gap"].idxmin()]
    return [
        t(f"report.weakest_{kind}", name=_name(str(weakest["key"]), lang), share=n.share(weakest["share"]),
          target=n.share(weakest["target_share"])),
        t(f"report.strongest_{kind}", name=_name(str(strongest["key"]), lang), share=n.share(strongest["share"]),
          target=n.share(strongest["target_share"])),
    ]  # fmt: skip


def _spaces_summary(week: Week, lang: str, t: Words, n: Numbers) -> str:
    sentences = _extremes(week.space_scores, "space", lang, t, n) + _extremes(week.aim_scores, "aim", lang, t, n)
    if not sentences:
        sentences = [t("report.no_offers")]
    else:
        scored = [s for s in (week.space_scores, week.aim_scores) if not s.empty]
        weak = [_name(str(k), lang) for s in scored for k in s.loc[s["weak"].astype(bool), "key"]]
        strong = [_name(str(k), lang) for s in scored for k in s.loc[s["strong"].astype(bool), "key"]]
        sentences.append(t("report.weak_spots", names=", ".join(weak)) if weak else t("report.no_weak_spots"))
        if strong:
            sentences.append(t("report.strong_points", names=", ".join(strong)))
    if not week.staff.empty:
        for row in week.staff[week.staff["differs"].astype(bool)].itertuples():
            sentences.append(
                t("report.staff_differs", name=_name(str(row.space), lang), staff=n.mean(row.team_mean),
                  mapped=n.mean(row.mapped_mean))
            )  # fmt: skip
    return _h(3, t("report.summary_spaces")) + "".join(_p(s) for s in sentences)


def _said_summary(week: Week, lang: str, t: Words) -> str:
    parts = [_h(3, t("report.staff_said"))]
    if week.answers.empty:
        return "".join(parts) + _p(t("report.no_answers"))
    stop = frozenset().union(*(stopwords(x) for x in {week.language, lang} if x in LANGUAGES))
    items = []
    for point, rows in cons.by_main_point(week.answers, week.points, table=lambda rows: rows):
        title = point.title if point else t("report.none")
        terms = (
            ", ".join(key_terms(rows["text"].fillna(""), stop, TERMS, week.language)["term"]) if not rows.empty else ""
        )
        count = t("report.answers_one") if len(rows) == 1 else t("report.answers_many", n=len(rows))
        said = (
            t("report.point_said", point=title, answers=count, terms=terms)
            if terms
            else t("report.point_said_no_terms", point=title, answers=count)
        )
        items.append(f"<li>{esc(said)}</li>")
    return "".join(parts) + f"<ul>{''.join(items)}</ul>"


def _decisions_summary(themes: Sequence[Theme], t: Words) -> str:
    parts = [_h(3, t("report.decisions"))]
    decided = [theme for theme in themes if theme.status != ThemeStatus.OPEN]
    if not decided:
        parts.append(_p(t("report.no_decisions")))
    else:
        items = []
        for theme in decided:
            note = f" — {esc(theme.decision)}" if theme.decision else ""
            items.append(f"<li><strong>{esc(theme.title)}</strong>: {esc(t(f'report.status.{theme.status.value}'))}"
                         f"{note}</li>")  # fmt: skip
        parts.append(f"<ul>{''.join(items)}</ul>")
    still_open = len(themes) - len(decided)
    if still_open:
        parts.append(_p(t("report.still_open", n=still_open), "muted"))
    return "".join(parts)


def _actions_summary(marked: pd.DataFrame, lang: str, t: Words) -> str:
    parts = [_h(3, t("report.actions"))]
    if marked.empty:
        return "".join(parts) + _p(t("report.no_actions"))
    rows, classes = [], []
    for row in marked.itertuples():
        status = t(f"report.action_status.{row.status}")
        overdue = bool(getattr(row, "overdue", False))
        if overdue:
            status += f", {t('report.overdue')}"
        due = row.due.isoformat() if isinstance(row.due, dt.date) else ""
        space = _name(str(row.space), lang) if isinstance(row.space, str) and row.space else ""
        rows.append([row.title, row.owner or t("report.no_owner"), due, space, status])
        classes.append("overdue" if overdue else "")
    header = [t(f"report.col.{c}") for c in ("action", "owner", "due", "space", "status")]
    return "".join(parts) + table(header, rows, classes)


# --- the detail --------------------------------------------------------------------------------------


def _scores_table(scores: pd.DataFrame, first: str, lang: str, t: Words, n: Numbers) -> str:
    header = [t(f"report.col.{c}") for c in (first, "share", "target", "gap", "offers", "strength", "verdict")]
    rows = [
        [_name(str(r.key), lang), n.share(r.share), n.share(r.target_share), n.points(r.gap), int(r.offers),
         n.mean(r.mean_strength) if r.mean_strength else "", _verdict(r.weak, r.strong, t)]
        for r in scores.itertuples()
    ]  # fmt: skip
    return table(header, rows)


def _staff_table(staff: pd.DataFrame, lang: str, t: Words, n: Numbers) -> str:
    header = [t(f"report.col.{c}") for c in ("space", "staff", "mapped", "difference")]
    rows = []
    for r in staff.itertuples():
        rated = t("report.staff_mean", mean=n.mean(r.team_mean), n=int(r.ratings)) if r.ratings else ""
        difference = n.mean(r.difference) if r.difference is not None and r.difference == r.difference else ""
        if difference and not difference.startswith("-"):
            difference = "+" + difference
        if r.differs:
            difference += f" ({t('report.differs')})"
        rows.append([_name(str(r.space), lang), rated or t("report.no_ratings"), n.mean(r.mapped_mean), difference])
    return table(header, rows)


def _against_table(week: Week, lang: str, t: Words, n: Numbers) -> str:
    answers = week.answers
    concerned = concerned_spaces(answers, week.questions, week.points) if not answers.empty else pd.Series(dtype=object)
    gaps = against_gaps(attention(answers, concerned), week.space_scores)
    header = [t(f"report.col.{c}") for c in ("space", "answers", "teams", "answer_share", "gap", "verdict")]
    rows = [
        [_name(str(r.key), lang), int(r.answers), int(r.teams), n.share(r.answer_share),
         n.points(r.gap) if r.gap == r.gap else "", t(f"report.attention.{r.verdict}")]
        for r in gaps.itertuples()
    ]  # fmt: skip
    return table(header, rows)


def _spaces_detail(week: Week, lang: str, t: Words, n: Numbers) -> str:
    scores = week.space_scores
    parts = [
        _h(2, t("report.spaces")),
        f'<div class="plot">{four_spaces_map(scores, lang)}</div>',
        _plot(
            coverage_chart(
                scores, lang, t("report.share_chart"), (t("strengths.col.share"), t("strengths.col.target"))
            ),
            True,
        ),
        _plot(gap_chart(scores, lang, t("report.gap_chart")), False),
        _scores_table(scores, "space", lang, t, n),
    ]
    if not week.aim_scores.empty:
        parts += [_h(3, t("report.aims")), _scores_table(week.aim_scores, "aim", lang, t, n)]
    if not week.staff.empty:
        parts += [_h(3, t("report.staff_view")), _p(t("report.staff_help"), "muted"),
                  _staff_table(week.staff, lang, t, n)]  # fmt: skip
    parts += [_h(3, t("report.against")), _against_table(week, lang, t, n)]
    return "".join(parts)


def _ratings_detail(answers: pd.DataFrame, t: Words, n: Numbers) -> str:
    distribution = cons.rating_distribution(answers)
    parts = [_h(2, t("report.ratings"))]
    if distribution.empty:
        return "".join(parts) + _p(t("report.no_rated"))
    parts.append(_plot(rating_bars(distribution), False))
    header = [t("report.col.question"), *map(str, cons.RATINGS), t("report.col.answers"), t("report.col.mean")]
    rows = [
        [r["question"], *(int(r[str(x)]) for x in cons.RATINGS), int(r["answers"]), n.mean(r["mean"])]
        for r in distribution.to_dict(orient="records")
    ]
    return "".join(parts) + table(header, rows)


def _choices_detail(answers: pd.DataFrame, options: dict[int, list[str]], t: Words, n: Numbers) -> str:
    tallies = cons.choice_tallies(answers, options)
    parts = [_h(2, t("report.choices"))]
    if tallies.empty:
        return "".join(parts) + _p(t("report.no_choices"))
    header = [t(f"report.col.{c}") for c in ("option", "count", "answer_share")]
    for _qid, group in tallies.groupby("question_id", sort=False):
        question = str(group["question"].iloc[0])
        parts += [_h(3, question), _plot(choice_bars(group), False)]
        parts.append(table(header, ([r.option, int(r.count), n.share(r.share)] for r in group.itertuples())))
    return "".join(parts)


def _participation_detail(week: Week, t: Words) -> str:
    matrix = cons.participation(week.answers, week.drafts, week.teams, week.questions)
    summary = cons.participation_summary(matrix)
    header = [t(f"report.col.{c}") for c in ("team", "answered", "draft", "missing")]
    rows = ([team, *map(int, counts)] for team, counts in zip(summary.index, summary.to_numpy(), strict=True))
    return _h(2, t("report.participation")) + table(header, rows)


def _answers_frame(rows: pd.DataFrame, lang: str, t: Words, with_spaces: bool = True) -> pd.DataFrame:
    """Answers as the report lists them: team, day, question, answer (and the spaces), by team, day, question."""
    ordered = rows.sort_values(["team", "day", "question_position"], kind="stable")
    listed = cons.answers_table(ordered)
    names = {k: _name(k, lang) for k in (*spaces().spaces, *spaces().aims)}
    frame = pd.DataFrame(
        {
            t("report.col.team"): listed["team"],
            t("report.col.day"): listed["day"],
            t("report.col.question"): listed["question"],
            t("report.col.answer"): listed["answer"],
        }
    )
    if with_spaces:
        frame[t("report.col.spaces")] = [", ".join(names.get(k, k) for k in s or []) for s in ordered["spaces"]]
    return frame


def _themes_detail(week: Week, lang: str, t: Words) -> str:
    parts = [_h(2, t("report.themes"))]
    if not week.themes:
        return "".join(parts) + _p(t("report.no_themes"))
    answers = week.answers.set_index("id", drop=False) if not week.answers.empty else None
    reactions = week.reactions
    for theme in week.themes:
        parts += [_h(3, theme.title), _p(t(f"report.status.{theme.status.value}"), "muted")]
        if theme.decision:
            parts.append(_p(theme.decision))
        given = reactions[reactions["theme_id"] == theme.id] if not reactions.empty else reactions
        parts.append(_h(4, t("report.reactions")))
        if given.empty:
            parts.append(_p(t("report.no_reactions"), "muted"))
        else:
            counts = reaction_counts(list(given["stance"]))
            agree, concerns = counts[Stance.AGREE], counts[Stance.CONCERNS]
            parts.append(_p(t("report.reaction_counts", agree=agree, concerns=concerns)))
            header = [t(f"report.col.{c}") for c in ("team", "stance", "comment")]
            parts.append(
                table(header, ([r.team, t(f"report.stance.{r.stance}"), r.comment] for r in given.itertuples()))
            )
        if theme.response_ids and answers is not None:
            linked = answers.loc[[r for r in theme.response_ids if r in answers.index]]
            if not linked.empty:
                parts += [_h(4, t("report.answers_behind")), frame_table(_answers_frame(linked, lang, t, False))]
    return "".join(parts)


def _votes_detail(votes: Sequence[VoteResult], t: Words) -> str:
    if not votes:
        return ""
    parts = [_h(2, t("report.votes"))]
    header = [t(f"report.col.{c}") for c in ("rank", "item", "dots")]
    for vote in votes:
        state = t("report.vote_state.open" if vote.is_open else "report.vote_state.closed")
        about = t("report.vote_about", what=t(f"report.target.{vote.target}"), dots=vote.dots, state=state)
        parts += [_h(3, vote.title), _p(about, "muted")]
        if vote.ranked:
            tallies = pd.DataFrame([(label, dots) for _id, label, dots in vote.ranked], columns=["option", "count"])
            parts.append(_plot(choice_bars(tallies), False))
            parts.append(table(header, ([i, label, dots] for i, (_id, label, dots) in enumerate(vote.ranked, 1))))
    return "".join(parts)


def _appendix(week: Week, lang: str, t: Words) -> str:
    parts = [_h(2, t("report.appendix"))]
    if week.answers.empty:
        return "".join(parts) + _p(t("report.no_answers"))
    for point, rows in cons.by_main_point(week.answers, week.points, table=lambda rows: rows):
        parts.append(_h(3, point.title if point else t("report.none")))
        if point is not None and point.description:
            parts.append(_p(point.description, "muted"))
        parts.append(frame_table(_answers_frame(rows, lang, t)) if not rows.empty else _p(t("report.no_answers")))
    return "".join(parts)


def render(week: Week, today: dt.date, lang: str, t: Words) -> str:
    """The whole report as one HTML document in `lang`, its words from `t` (the `report.` locale keys)."""
    n = Numbers(t)
    summary = [
        _spaces_summary(week, lang, t, n),
        _said_summary(week, lang, t),
        _decisions_summary(week.themes, t),
        _actions_summary(week.actions, lang, t),
    ]
    body = [
        f"<h1>{esc(week.name)}</h1>",
        _p(f"{t('report.title')} · {t('report.generated', date=today.isoformat())}", "muted"),
        f'<section class="summary">{_h(2, t("report.summary"))}{"".join(summary)}</section>',
        f'<section class="part">{_h(2, t("report.detail"))}',
        _spaces_detail(week, lang, t, n),
        _ratings_detail(week.answers, t, n),
        _choices_detail(week.answers, week.options, t, n),
        _participation_detail(week, t),
        _themes_detail(week, lang, t),
        _votes_detail(week.votes, t),
        "</section>",
        f'<section class="part">{_appendix(week, lang, t)}</section>',
    ]
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(week.name)}</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )
