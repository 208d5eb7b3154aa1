"""A backup's rows held together: every reference names a row the backup holds, and that row belongs to
the referring row's workshop (an answer's team, a dot's vote, a mapping's offer...). Driven by the
schema's foreign keys, so a table or reference added later is checked too; the few references the schema
cannot declare (a dot's item, the quotes of a day's recap, the current workshop) are listed here, as are
the database's own unique rules, so a clash is named by table, row and column instead of failing the
write halfway."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, UniqueConstraint

from workshop.domain.recap import MAX_QUOTES
from workshop.domain.validation import first_duplicate
from workshop.files.backup_rows import RowFault

Rows = Mapping[str, Sequence[Mapping[str, Any]]]
CURRENT_WORKSHOP = "current_workshop_id"
NAMED_ONCE = ("offers", "partners")  # the register refuses a second offer or partner of one name (any case)


class TableFault(RowFault):
    """A fault in one row of one table: which table, which row (counted from 1), which column."""

    def __init__(self, table: str, number: int, column: str, problem: str) -> None:
        super().__init__(column, problem)
        self.table, self.number = table, number


def check_references(tables: Sequence[Table], rows: Rows) -> None:
    """TableFault for the first row that names a row the backup lacks, a row of another workshop, or
    repeats what the database keeps unique."""
    by_id = {t.name: {r["id"]: r for r in rows.get(t.name, ()) if "id" in r} for t in tables if "id" in t.columns}
    for table in tables:
        for number, row in enumerate(rows.get(table.name, ()), start=1):
            try:
                _foreign_keys(table, row, by_id)
            except RowFault as exc:
                raise TableFault(table.name, number, exc.column, exc.problem) from None
        _unique(table, rows.get(table.name, ()))
    for table_name in NAMED_ONCE:
        _named_once(table_name, rows.get(table_name, ()))
    _dots(rows, by_id)
    _quotes(rows, by_id)
    _current_workshop(rows, by_id)


def _workshop_of(table: str, row: Mapping[str, Any]) -> Any:
    return row["id"] if table == "workshops" else row.get("workshop_id")


def _foreign_keys(table: Table, row: Mapping[str, Any], by_id: dict[str, dict[Any, Mapping[str, Any]]]) -> None:
    workshop = row.get("workshop_id")
    for key in sorted(table.foreign_keys, key=lambda k: (k.parent.name != "workshop_id", k.parent.name)):
        value, target = row.get(key.parent.name), key.column.table.name
        if value is None:
            continue
        found = by_id.get(target, {}).get(value)
        if found is None:
            raise RowFault(key.parent.name, f"names {target} {value}, which the backup does not hold")
        theirs = _workshop_of(target, found)
        if workshop is None:
            workshop = theirs  # a row without a workshop of its own (a draft) belongs to its first reference's
        elif theirs is not None and theirs != workshop:
            raise RowFault(key.parent.name, f"names {target} {value} of workshop {theirs}, not of workshop {workshop}")


def _unique(table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """The primary key, unique constraints and unique columns: no two rows alike (NULLs never clash)."""
    keys = [tuple(c.name for c in table.primary_key.columns)] if table.primary_key.columns else []
    keys += [tuple(c.name for c in u.columns) for u in table.constraints if isinstance(u, UniqueConstraint)]
    keys += [(c.name,) for c in table.columns if c.unique]
    for columns in keys:
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(rows, start=1):
            value = tuple(row.get(c) for c in columns)
            if any(v is None for v in value):
                continue
            if value in seen:
                raise TableFault(table.name, number, ", ".join(columns), f"repeats row {seen[value]}")
            seen[value] = number


def _named_once(table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    names: dict[Any, list[str]] = {}
    for number, row in enumerate(rows, start=1):
        names.setdefault(row["workshop_id"], []).append(row["name"])
        if first_duplicate(names[row["workshop_id"]]):
            raise TableFault(table, number, "name", f"{row['name']!r} is the name of another row of its workshop")


def _dots(rows: Rows, by_id: dict[str, dict[Any, Mapping[str, Any]]]) -> None:
    """A dot sits on a theme or an action (by its vote's target) of the vote's workshop, and no team
    spends more dots in a vote than the vote gives it."""
    spent: Counter[tuple[Any, Any]] = Counter()
    for number, row in enumerate(rows.get("vote_dots", ()), start=1):
        vote = by_id.get("votes", {}).get(row["vote_id"])
        if vote is None:
            continue  # reported by the foreign keys
        item = by_id.get(vote.get("target", "themes"), {}).get(row["item_id"])
        if item is None or item["workshop_id"] != vote["workshop_id"]:
            raise TableFault("vote_dots", number, "item_id", f"names no {vote.get('target', 'themes')} of its vote")
        spent[(row["vote_id"], row["team_id"])] += row["dots"]
        if spent[(row["vote_id"], row["team_id"])] > vote.get("dots", 3):
            raise TableFault("vote_dots", number, "dots", f"the team spends more than the vote's {vote['dots']} dots")


def _quotes(rows: Rows, by_id: dict[str, dict[Any, Mapping[str, Any]]]) -> None:
    """A recap quotes at most MAX_QUOTES answers, each an answer to a question of that day."""
    per_day: Counter[Any] = Counter()
    for number, row in enumerate(rows.get("recap_quotes", ()), start=1):
        answer = by_id.get("responses", {}).get(row["response_id"])
        question = by_id.get("questions", {}).get(answer["question_id"]) if answer else None
        if question is not None and question["day_id"] != row["day_id"]:
            raise TableFault("recap_quotes", number, "response_id", f"answers a question of day {question['day_id']}")
        per_day[row["day_id"]] += 1
        if per_day[row["day_id"]] > MAX_QUOTES:
            raise TableFault("recap_quotes", number, "day_id", f"a recap quotes at most {MAX_QUOTES} answers")


def _current_workshop(rows: Rows, by_id: dict[str, dict[Any, Mapping[str, Any]]]) -> None:
    for number, row in enumerate(rows.get("settings", ()), start=1):
        if row["key"] == CURRENT_WORKSHOP and not (
            row["value"].isdigit() and int(row["value"]) in by_id.get("workshops", {})
        ):
            raise TableFault("settings", number, "value", f"{row['value']!r} names no workshop of the backup")
