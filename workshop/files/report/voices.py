"""The report's part on the questions each person answers: per question a table of the groups leadership may
see (teams of at least 3 people, "other", all) and how many people gave each answer. Made only from the
distributions of workshop.domain.voices, so the small-group rule holds here as everywhere."""

from __future__ import annotations

from workshop.domain.voices import Group
from workshop.files.report.markup import h, p, table
from workshop.files.report.week import Numbers, Week, Words


def group_label(group: Group, t: Words) -> str:
    """A team by its name; "other" and "all" in the report's language."""
    return group.team if group.kind == "team" else t(f"report.voice.{group.kind}")


def voices_detail(week: Week, t: Words, n: Numbers) -> str:
    """The distributions of every question each person answers; "" when the week has none answered."""
    shown = [(text, voices) for text, voices in week.voices if voices.groups or voices.withheld]
    if not shown:
        return ""
    parts = [h(2, t("report.voice.heading")), p(t("report.voice.about", n=3), "muted")]
    for text, voices in shown:
        parts.append(h(3, text))
        if voices.groups:
            header = [t("report.voice.group"), t("report.voice.people"), *voices.values]
            rows = [[group_label(g, t), g.people, *(count for _value, count in g.counts)] for g in voices.groups]
            parts.append(table(header, rows))
        if voices.withheld:
            parts.append(p(t("report.voice.withheld", n=voices.withheld), "muted"))
    return "".join(parts)
