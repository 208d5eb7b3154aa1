"""The report's partnership parts, each shown only when the workshop has its data: the proposals screened
with the How to Say No questions and leadership's verdicts, the partner register with the network circle,
and the library's assets (what it can offer partners)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from workshop.charts.network_circle import network_circle_figure
from workshop.domain.model import RelationStage
from workshop.files.report.markup import esc, h, p, plot, table
from workshop.files.report.week import Numbers, Screened, Week, Words, name


def _given(week: Week) -> list[Screened]:
    """The proposals the report shows: screened by someone, or given a verdict."""
    return [s for s in week.screened if s.raters or s.proposal.verdict is not None]


def _verdict(screened: Screened, t: Words) -> str:
    proposal = screened.proposal
    if proposal.verdict is None:
        return t("screening.no_verdict")
    reason = proposal.verdict_reason or "—"
    return t(f"screening.verdict_is.{proposal.verdict.value}", reason=reason)


def verdicts_summary(week: Week, t: Words) -> str:
    """The summary's line per proposal: its title and leadership's verdict with the reason."""
    given = _given(week)
    if not given:
        return ""
    items = "".join(f"<li><strong>{esc(s.proposal.title)}</strong>: {esc(_verdict(s, t))}</li>" for s in given)
    return h(3, t("report.verdicts")) + f"<ul>{items}</ul>"


def screening_detail(week: Week, lang: str, t: Words) -> str:
    """Each screened proposal: who proposes it, its partner, the verdict, and the answers per question."""
    given = _given(week)
    if not given:
        return ""
    parts = [h(2, t("report.screening")), p(t("report.screening_help"), "muted")]
    header = [t(f"report.col.{c}") for c in ("number", "question", "yes", "no", "unsure", "disagree")]
    for screened in given:
        proposal = screened.proposal
        about = [t("screening.proposed_by", name=proposal.proposer)] if proposal.proposer else []
        if screened.partner:
            about.append(t("screening.partner", name=screened.partner))
        if proposal.spaces:
            about.append(t("screening.concerns", what=", ".join(name(s, lang) for s in proposal.spaces)))
        about.append(t("report.screened_by", n=screened.raters))
        parts += [h(3, proposal.title), p(" · ".join(about), "muted"), p(_verdict(screened, t))]
        if proposal.description:
            parts.append(p(proposal.description))
        if screened.raters:
            rows = (
                [s.number, s.question, s.yes, s.no, s.unsure, t("report.disagree") if s.disagree else ""]
                for s in screened.spread
            )
            parts.append(table(header, rows))
    return "".join(parts)


def _labels(t: Words, kind: str, values: Sequence[str]) -> dict[str, str]:
    return {v: t(f"partners.{kind}.{v}") for v in values}


def partners_detail(week: Week, lang: str, t: Words, n: Numbers) -> str:
    """The network circle (a chart, and its figures as a table) and the partner register."""
    register = week.partners
    if register.empty:
        return ""
    stages = _labels(t, "stage", [s.value for s in RelationStage])
    sectors = _labels(t, "sector", sorted({str(s) for s in register["sector"]}))
    circle = network_circle_figure(register, stages, sectors, n.lang, height=560)
    counts = pd.crosstab(register["stage"].astype(str), register["sector"].astype(str))
    order = [s for s in stages if s in counts.index]
    header = [t("partners.col.stage"), *(sectors.get(c, c) for c in counts.columns), t("report.col.partners")]
    rows = [[stages[s], *map(int, counts.loc[s]), int(counts.loc[s].sum())] for s in order]
    listed = [
        [
            r.name,
            sectors.get(str(r.sector), str(r.sector)),
            stages.get(str(r.stage), str(r.stage)),
            ", ".join(name(k, lang) for k in r.spaces),
            ", ".join(r.offers),
            r.description,
            *([r.contact] if week.contacts else []),
        ]
        for r in register.itertuples()
    ]
    shown = ("name", "sector", "stage", "spaces", "offers", "description", *(["contact"] if week.contacts else []))
    columns = [t(f"partners.col.{c}") for c in shown]
    return "".join(
        [
            h(2, t("report.partners")),
            h(3, t("partners.circle")),
            p(t("partners.circle_help"), "muted"),
            plot(circle, False, n.lang),
            table(header, rows),
            h(3, t("report.register")),
            table(columns, listed),
        ]
    )


def assets_detail(week: Week, t: Words) -> str:
    """The library's assets in the leaflet's order."""
    if not week.assets:
        return ""
    header = [t("assets.field.title"), t("report.col.description")]
    return h(2, t("assets.title")) + table(header, ([title, about] for title, about in week.assets))
