"""The crowd benchmark prints the app's p95 and server CPU per session as a ratio to the floor measured in
the same run (bench/crowd_floor.py), the first join (each code's first scrypt) apart from the run with the
codes already known (issue 25)."""

from bench.crowd import CrowdResult


def test_the_ratios_to_the_floor_stand_beside_the_seconds_and_the_first_join_is_reported_apart() -> None:
    result = CrowdResult(3, "SQLite, 1 server, day 1 open")
    result.floor, result.cpu_floor = [1.3] * 3, 0.020
    result.known, result.cpu_known = [3.9] * 3, 0.060
    result.drawn, result.cpu_open = [6.5] * 3, 0.110
    floor, known, first = result.ratio_rows()
    assert floor == "| SQLite, 1 server, day 1 open | 3 | floor (bench/crowd_floor.py) | 1.30 | 1.0× | 0.020 s | 1.0× |"
    assert known.endswith("| app, codes already known | 3.90 | 3.0× | 0.060 s | 3.0× |")
    assert first.endswith("| app, first join (each code's first scrypt) | 6.50 | 5.0× | 0.110 s | 5.5× |")


def test_without_a_floor_the_ratios_are_left_blank() -> None:
    """Servers given with --servers or behind nginx: no floor of the same kind, no ratio."""
    result = CrowdResult(3, "PostgreSQL, given servers, day 1 open")
    result.known = [3.9] * 3
    assert result.ratio_rows()[1].endswith("| app, codes already known | 3.90 | — | — | — |")
