"""Command: scores — the strengths and weak spots of one workshop, per space and per aim."""

from __future__ import annotations

import argparse
import json

from workshop.cli.core import open_store
from workshop.domain.scoring import SCORE_COLUMNS, score_records
from workshop.services.register.strengths import workshop_scores


def scores_document(records: dict[str, list[dict[str, object]]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2, allow_nan=False)


def scores_table(records: dict[str, list[dict[str, object]]]) -> str:
    """The scores as an aligned plain-text table, spaces first, then aims."""
    header = [c.replace("_", " ") for c in SCORE_COLUMNS]
    lines: list[str] = []
    for section in ("spaces", "aims"):
        rows = [header] + [[_cell(r[c]) for c in SCORE_COLUMNS] for r in records[section]]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines.append(f"{section}:")
        lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _scores(args: argparse.Namespace) -> int:
    scores = workshop_scores(open_store(), args.id)
    records = {"spaces": score_records(scores.spaces), "aims": score_records(scores.aims)}
    print(scores_document(records) if args.format == "json" else scores_table(records))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "scores",
        help="strengths and weak spots per space and aim, against leadership's weights",
        description="Coverage, share, target share, gap, offers, mean strength and weak/strong per space and "
        "per aim, over the workshop's active offers (see docs/facilitator-guide.md: How strengths and weak spots are "
        "scored).",
    )
    cmd.add_argument("id", type=int, help="workshop id (see: list)")
    cmd.add_argument("--format", choices=["json", "table"], default="json")
    cmd.set_defaults(func=_scores)
