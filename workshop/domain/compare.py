"""Two workshops side by side (say last year's strategy week and this year's): space and aim
coverage, gaps and weak spots. Pure functions over two score frames from workshop.domain.scoring."""

from __future__ import annotations

import pandas as pd

NEWLY_WEAK, NO_LONGER_WEAK, STILL_WEAK, NEVER_WEAK = "newly_weak", "no_longer_weak", "still_weak", "not_weak"
COMPARED = ["coverage", "share", "target_share", "gap", "offers", "mean_strength", "weak", "strong"]


def change(weak_before: bool, weak_after: bool) -> str:
    if weak_before and weak_after:
        return STILL_WEAK
    if weak_after:
        return NEWLY_WEAK
    return NO_LONGER_WEAK if weak_before else NEVER_WEAK


def compare_scores(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """One row per key: each measure before and after (suffixes _before, _after), the change of the
    gap and whether the key became, stayed or stopped being weak."""
    joined = before[["key", *COMPARED]].merge(
        after[["key", *COMPARED]], on="key", how="outer", suffixes=("_before", "_after"), sort=False
    )
    for side in ("before", "after"):
        for flag in ("weak", "strong"):
            joined[f"{flag}_{side}"] = joined[f"{flag}_{side}"].fillna(False).astype(bool)
    joined["gap_change"] = joined["gap_after"] - joined["gap_before"]
    joined["change"] = [change(b, a) for b, a in zip(joined["weak_before"], joined["weak_after"], strict=True)]
    order = {key: i for i, key in enumerate([*before["key"], *after["key"]])}
    return joined.sort_values("key", key=lambda s: s.map(order)).reset_index(drop=True)


def notable_changes(compared: pd.DataFrame) -> list[tuple[str, str]]:
    """(key, change) for each key whose weakness is worth a line: it became, stayed or stopped being
    weak; a key weak in neither workshop is left out."""
    return [(str(k), str(c)) for k, c in zip(compared["key"], compared["change"], strict=True) if c != NEVER_WEAK]
