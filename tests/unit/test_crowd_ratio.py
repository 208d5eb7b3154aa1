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


def test_several_waves_report_the_median_and_their_range() -> None:
    """One wave alone is noisy on a shared machine: the codes-known wave and the floor's are repeated and the
    median stands in the ratio, with the waves' range beside it."""
    from bench.crowd_waves import median_wave

    result = CrowdResult(3, "SQLite, 1 server, day 1 open")
    result.floor_waves = [([1.0] * 3, 0.010), ([1.2] * 3, 0.012), ([2.0] * 3, 0.011)]
    result.known_waves = [([1.5] * 3, 0.015), ([3.0] * 3, 0.030), ([1.8] * 3, 0.013)]
    result.floor, result.cpu_floor = median_wave(result.floor_waves)
    result.known, result.cpu_known = median_wave(result.known_waves)
    floor, known, _ = result.ratio_rows()
    assert "median of 3 waves: p95 1.00–2.00 s, CPU 0.010–0.012 s | 1.20 | 1.0× | 0.011 s | 1.0× |" in floor
    assert "median of 3 waves: p95 1.50–3.00 s, CPU 0.013–0.030 s | 1.80 | 1.5× | 0.015 s | 1.4× |" in known
