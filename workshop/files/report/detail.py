"""The report's detail (the four spaces, the staff's view beside the mapped view, ratings and choices as
charts, participation, themes with their reactions, dot votes) and its appendix with every answer."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from workshop.charts.answer_charts import choice_bars, coverage_chart, gap_chart, rating_bars
from workshop.config.spaces import spaces
from workshop.domain import consolidation as cons
from workshop.domain.gaps import against_gaps, attention, concerned_spaces
from workshop.domain.loop import Stance, reaction_counts
from workshop.files.report.markup import four_spaces_map, frame_table, h, p, plot, table
from workshop.files.report.week import Numbers, VoteResult, Week, Words, name, verdict_text


def _scores_table(scores: pd.DataFrame, first: str, lang: str, t: Words, n: Numbers) -> str:
    header = [t(f"report.col.{c}") for c in (first, "share", "target", "gap", "offers", "strength", "verdict")]
    rows = [
        [
            name(str(r.key), lang),
            n.share(r.share),
            n.share(r.target_share),
            n.points(r.gap),
            int(r.offers),
            n.mean(r.mean_strength) if r.mean_strength else "",
            verdict_text(r.weak, r.strong, t),
        ]
        for r in scores.itertuples()
    ]
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
        rows.append([name(str(r.space), lang), rated or t("report.no_ratings"), n.mean(r.mapped_mean), difference])
    return table(header, rows)


def _against_table(week: Week, lang: str, t: Words, n: Numbers) -> str:
    answers = week.answers
    concerned = concerned_spaces(answers, week.questions, week.points) if not answers.empty else pd.Series(dtype=object)
    gaps = against_gaps(attention(answers, concerned), week.space_scores)
    header = [t(f"report.col.{c}") for c in ("space", "answers", "teams", "answer_share", "gap", "verdict")]
    rows = [
        [
            name(str(r.key), lang),
            int(r.answers),
            int(r.teams),
            n.share(r.answer_share),
            n.points(r.gap) if r.gap == r.gap else "",
            t(f"report.attention.{r.verdict}"),
        ]
        for r in gaps.itertuples()
    ]
    return table(header, rows)


def has_offers(week: Week) -> bool:
    """Whether any offer is mapped, so that the spaces can be weighed against each other."""
    scores = week.space_scores
    return not scores.empty and float(scores["coverage"].sum()) > 0


def rated(week: Week) -> bool:
    """Whether any team rated a space (the staff's view has something to show)."""
    return not week.staff.empty and int(week.staff["ratings"].fillna(0).sum()) > 0


def spaces_detail(week: Week, lang: str, t: Words, n: Numbers) -> str:
    """The four spaces' coverage and gaps (while offers are mapped) and the staff's view (once a team rated)."""
    mapped, staff = has_offers(week), rated(week)
    if not mapped and not staff:
        return ""
    scores = week.space_scores
    parts = [h(2, t("report.spaces"))]
    if mapped:
        legend = (t("strengths.col.share"), t("strengths.col.target"))
        parts += [
            f'<div class="plot">{four_spaces_map(scores, lang)}</div>',
            plot(coverage_chart(scores, lang, t("report.share_chart"), legend), False, n.lang),
            plot(gap_chart(scores, lang, t("report.gap_chart")), False, n.lang),
            _scores_table(scores, "space", lang, t, n),
        ]
        if not week.aim_scores.empty:
            parts += [h(3, t("report.aims")), _scores_table(week.aim_scores, "aim", lang, t, n)]
    if staff:
        parts += [
            h(3, t("report.staff_view")),
            p(t("report.staff_help"), "muted"),
            _staff_table(week.staff, lang, t, n),
        ]
    if mapped and not week.answers.empty:
        parts += [h(3, t("report.against")), _against_table(week, lang, t, n)]
    return "".join(parts)


def ratings_detail(answers: pd.DataFrame, t: Words, n: Numbers) -> str:
    distribution = cons.rating_distribution(answers)
    if distribution.empty:
        return ""
    parts = [h(2, t("report.ratings"))]
    parts.append(plot(rating_bars(distribution, n.lang), False, n.lang))
    header = [t("report.col.question"), *map(str, cons.RATINGS), t("report.col.answers"), t("report.col.mean")]
    rows = [
        [r["question"], *(int(r[str(x)]) for x in cons.RATINGS), int(r["answers"]), n.mean(r["mean"])]
        for r in distribution.to_dict(orient="records")
    ]
    return "".join(parts) + table(header, rows)


def choices_detail(answers: pd.DataFrame, options: dict[int, list[str]], t: Words, n: Numbers) -> str:
    tallies = cons.choice_tallies(answers, options)
    if tallies.empty:
        return ""
    parts = [h(2, t("report.choices"))]
    header = [t(f"report.col.{c}") for c in ("option", "count", "answer_share")]
    for _qid, group in tallies.groupby("question_id", sort=False):
        question = str(group["question"].iloc[0])
        parts += [h(3, question), plot(choice_bars(group, n.lang), False, n.lang)]
        parts.append(table(header, ([r.option, int(r.count), n.share(r.share)] for r in group.itertuples())))
    return "".join(parts)


def participation_detail(week: Week, t: Words) -> str:
    if not week.teams or week.questions.empty or (week.answers.empty and week.drafts.empty):
        return ""
    matrix = cons.participation(week.answers, week.drafts, week.teams, week.questions)
    summary = cons.participation_summary(matrix)
    header = [t(f"report.col.{c}") for c in ("team", "answered", "draft", "missing")]
    rows = ([team, *map(int, counts)] for team, counts in zip(summary.index, summary.to_numpy(), strict=True))
    return h(2, t("report.participation")) + table(header, rows)


def _answers_frame(rows: pd.DataFrame, lang: str, t: Words, with_spaces: bool = True) -> pd.DataFrame:
    """Answers as the report lists them: team, day, question, answer (and the spaces), by team, day, question."""
    ordered = rows.sort_values(["team", "day", "question_position"], kind="stable")
    listed = cons.answers_table(ordered)
    names = {k: name(k, lang) for k in (*spaces().spaces, *spaces().aims)}
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


def themes_detail(week: Week, lang: str, t: Words) -> str:
    if not week.themes:
        return ""
    parts = [h(2, t("report.themes"))]
    answers = week.answers.set_index("id", drop=False) if not week.answers.empty else None
    reactions = week.reactions
    for theme in week.themes:
        parts += [h(3, theme.title), p(t(f"theme_status.{theme.status.value}"), "muted")]
        if theme.decision:
            parts.append(p(theme.decision))
        given = reactions[reactions["theme_id"] == theme.id] if not reactions.empty else reactions
        if not given.empty:  # a theme nobody reacted to has no reactions part
            parts.append(h(4, t("report.reactions")))
            counts = reaction_counts(list(given["stance"]))
            agree, concerns = counts[Stance.AGREE], counts[Stance.CONCERNS]
            parts.append(
                p(
                    t(
                        "report.reaction_counts",
                        agree=t("reaction.agree", n=agree),
                        concerns=t("reaction.concerns", n=concerns),
                    )
                )
            )
            header = [t(f"report.col.{c}") for c in ("team", "stance", "comment")]
            parts.append(
                table(header, ([r.team, t(f"report.stance.{r.stance}"), r.comment] for r in given.itertuples()))
            )
        if theme.response_ids and answers is not None:
            linked = answers.loc[[r for r in theme.response_ids if r in answers.index]]
            if not linked.empty:
                parts += [h(4, t("report.answers_behind")), frame_table(_answers_frame(linked, lang, t, False))]
    return "".join(parts)


def votes_detail(votes: Sequence[VoteResult], t: Words, n: Numbers) -> str:
    if not votes:
        return ""
    parts = [h(2, t("report.votes"))]
    header = [t(f"report.col.{c}") for c in ("rank", "item", "dots")]
    for vote in votes:
        state = t("report.vote_state.open" if vote.is_open else "report.vote_state.closed")
        key = "report.vote_about_person" if vote.each_person else "report.vote_about"
        about = t(key, what=t(f"report.target.{vote.target}"), n=vote.dots, state=state)
        parts += [h(3, vote.title), p(about, "muted")]
        if vote.ranked:
            tallies = pd.DataFrame([(label, dots) for _id, label, dots in vote.ranked], columns=["option", "count"])
            parts.append(plot(choice_bars(tallies, n.lang), False, n.lang))
            parts.append(table(header, ([i, label, dots] for i, (_id, label, dots) in enumerate(vote.ranked, 1))))
    return "".join(parts)


def appendix(week: Week, lang: str, t: Words) -> str:
    if week.answers.empty:
        return ""
    parts = [h(2, t("report.appendix"))]
    for point, rows in cons.by_main_point(week.answers, week.points, table=lambda rows: rows):
        if rows.empty:  # the summary says it got no answers; the appendix lists answers
            continue
        parts.append(h(3, point.title if point else t("report.none")))
        if point is not None and point.description:
            parts.append(p(point.description, "muted"))
        parts.append(frame_table(_answers_frame(rows, lang, t)))
    return "".join(parts)
