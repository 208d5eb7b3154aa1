"""The library's profile on the guide's two opposite pairs, rated -2..+2, and which partner complements it.

-2 means fully the first pole (reflection, planning), +2 fully the second (topicality, spontaneity).
The library's value of a pair is the mean of leadership's rating and the teams' mean rating (each view
counts once). Where it leans by at least half a point, a partner strong at the opposite pole complements it.
"""

from __future__ import annotations

import pandas as pd

from workshop.domain.errors import InvalidInput

PAIRS: dict[str, tuple[str, str]] = {
    "reflection_topicality": ("reflection", "topicality"),
    "planning_spontaneity": ("planning", "spontaneity"),
}
LEADERSHIP = "leadership"
LEAN = 0.5
PROFILE_COLUMNS = ("pair", "leadership", "teams", "team_count", "library")


def team_rater(team_id: int) -> str:
    return f"team:{team_id}"


def check_rating(pair: str, value: object) -> int:
    """One rating of a pair: a known pair, a whole number from -2 to +2 (InvalidInput names it)."""
    if pair not in PAIRS:
        raise InvalidInput("error.unknown_pair", field="pair", pair=pair, known=list(PAIRS))
    if not isinstance(value, int) or isinstance(value, bool) or not -2 <= value <= 2:
        raise InvalidInput("error.profile_range", field=pair, value=str(value))
    return value


def profile_summary(ratings: pd.DataFrame) -> pd.DataFrame:
    """Per pair: leadership's value, the teams' mean and count, and the library's value (None if unrated).
    `ratings` has the columns rater, pair, value."""
    rows = []
    for pair in PAIRS:
        mine = ratings[ratings["pair"] == pair] if not ratings.empty else ratings
        lead = mine[mine["rater"] == LEADERSHIP]["value"] if not mine.empty else pd.Series(dtype=float)
        teams = mine[mine["rater"] != LEADERSHIP]["value"] if not mine.empty else pd.Series(dtype=float)
        leadership = float(lead.iloc[0]) if len(lead) else None
        team_mean = float(teams.mean()) if len(teams) else None
        views = [v for v in (leadership, team_mean) if v is not None]
        library = sum(views) / len(views) if views else None
        rows.append(
            {"pair": pair, "leadership": leadership, "teams": team_mean, "team_count": len(teams), "library": library}
        )
    return pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))


def complements(summary: pd.DataFrame) -> list[dict[str, object]]:
    """Per pair: where the library leans (a pole or None) and the pole a complementing partner is strong at."""
    out: list[dict[str, object]] = []
    for _, row in summary.iterrows():
        first, second = PAIRS[str(row["pair"])]
        value = row["library"]
        if value is None or pd.isna(value) or abs(float(value)) < LEAN:
            out.append({"pair": row["pair"], "library": None if pd.isna(value) else value, "leans": None, "seek": None})
            continue
        leans, seek = (first, second) if float(value) < 0 else (second, first)
        out.append({"pair": row["pair"], "library": float(value), "leans": leans, "seek": seek})
    return out
