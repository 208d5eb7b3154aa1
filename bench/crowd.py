"""`python -m bench crowd --sessions 20,60,200 [--database-url URL] [--servers URL,...] [--nginx K]
[--days first|all]`: the 9:00 crowd without a browser. For each N: a new workshop with N teams and day 1
open (the first morning; `--days all` opens every day); N sessions speak Streamlit's websocket protocol
(bench/protocol.py) all at the same moment, each opening its team's link (`/answer?w=ID&code=CODE`, as
workshop.services.week.teams.join_link makes it), which joins and draws the answer page in one run; then all N
save an answer at once (the text area's value and the save button's click, as the browser sends them);
then the same N open their links again in new sessions, every code already known to the server (no scrypt:
a code is hashed at full cost only until it has worked once), in --waves waves (default 3; the median is
reported, one wave alone is noisy). Last, the floor: the same N open a bare
Streamlit page as big as the answer page (bench/crowd_floor.py) on a server started as the app's is, and
the app's p95 and CPU per session are printed as a ratio to the floor's, the first join (each code's first
scrypt, the deliberate exception) apart from the run with the codes known. Reports the seconds until each
run's script_finished (p50/p95/max), the server's CPU seconds per session (utime+stime from /proc) and its
memory per connected session (VmRSS growth over a warmed-up server / N, and the peak VmHWM).

By default the benchmark starts one server (`streamlit run app.py`) per N; `--nginx K` starts K servers
behind nginx (deploy/cluster.py, sticky by cookie); `--servers` uses servers already running (then no
CPU/memory figures: their processes are not ours)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from bench.crowd_waves import Run, Session, cpu_seconds, median_wave, memory_mb, pct, save_first_text, warm, wave
from bench.timing import git_commit
from workshop.domain.model import DayStatus
from workshop.services.week.days import list_days, set_day_status
from workshop.services.workshops.lifecycle import add_team, create_workshop
from workshop.store import make_engine, migrate, read
from workshop.store.tables import responses

ROOT = Path(__file__).resolve().parents[1]
FLOOR = "bench/crowd_floor.py"  # the floor: a bare page as big as the answer page, run as the app is
MARK = "<!-- crowd figures: python -m bench crowd (kept by python -m bench) -->"


@dataclass
class CrowdResult:
    sessions: int
    setup: str
    drawn: list[float] = field(default_factory=list)  # from the common start to the answer page drawn
    join: list[float] = field(default_factory=list)
    save: list[float] = field(default_factory=list)
    cpu_open: float | None = None
    cpu_save: float | None = None
    rss_per_session: float | None = None
    peak_mb: float | None = None
    saved: int = 0
    failures: list[str] = field(default_factory=list)
    known: list[float] = field(default_factory=list)  # drawn, a second wave once every code is known
    cpu_known: float | None = None
    floor: list[float] = field(default_factory=list)  # drawn, the same N opening bench/crowd_floor.py
    cpu_floor: float | None = None
    waves: int = 3  # the codes-known wave and the floor's, each repeated: the median is reported
    known_waves: list[tuple[list[float], float | None]] = field(default_factory=list)
    floor_waves: list[tuple[list[float], float | None]] = field(default_factory=list)

    def ratio_rows(self) -> list[str]:
        """p95 until drawn and server CPU per session beside the floor's, and their ratio to it."""

        def cell(xs: list[float], floor: list[float]) -> str:
            if not xs:
                return "— | —"
            return f"{pct(xs, 95):.2f} | " + (f"{pct(xs, 95) / pct(floor, 95):.1f}×" if floor else "—")

        def cpu(x: float | None) -> str:
            if x is None:
                return "— | —"
            return f"{x:.3f} s | " + (f"{x / self.cpu_floor:.1f}×" if self.cpu_floor else "—")

        def spread(waves: list[tuple[list[float], float | None]]) -> str:
            p95s = sorted(pct(xs, 95) for xs, _ in waves if xs)
            cpus = sorted(c for _, c in waves if c is not None)
            if len(p95s) < 2:
                return ""
            each = f", median of {len(p95s)} waves: p95 {p95s[0]:.2f}–{p95s[-1]:.2f} s"
            return each + (f", CPU {cpus[0]:.3f}–{cpus[-1]:.3f} s" if cpus else "")

        return [
            f"| {self.setup} | {self.sessions} | {run} | {cell(xs, self.floor)} | {cpu(c)} |"
            for run, xs, c in (
                ("floor (bench/crowd_floor.py)" + spread(self.floor_waves), self.floor, self.cpu_floor),
                ("app, codes already known" + spread(self.known_waves), self.known, self.cpu_known),
                ("app, first join (each code's first scrypt)", self.drawn, self.cpu_open),
            )
        ]

    def row(self) -> str:
        def spread(xs: list[float]) -> str:
            return f"{pct(xs, 50):.2f} / {pct(xs, 95):.2f} / {max(xs):.2f}" if xs else "—"

        def per(x: float | None, unit: str = "s", digits: int = 3) -> str:
            return "—" if x is None else f"{x:.{digits}f} {unit}"

        return (
            f"| {self.setup} | {self.sessions} | {spread(self.drawn)} | {spread(self.join)} | — "
            f"| {spread(self.save)} | {per(self.cpu_open)} | {per(self.cpu_save)} "
            f"| {per(self.rss_per_session, 'MB', 1)} | {per(self.peak_mb, 'MB', 0)} | {self.saved}/{self.sessions} |"
        )


HEAD = (
    "| setup | N | drawn s p50 / p95 / max | join run s | answer page run s | save run s | server CPU per open "
    "| server CPU per save | server memory per session | server peak | answers stored |\n"
    "|---|---:|---|---|---|---|---:|---:|---:|---:|---:|"
)


RATIO_HEAD = (
    "| setup | N | run | drawn s p95 | p95 / floor | server CPU per session | CPU / floor |\n"
    "|---|---:|---|---:|---:|---:|---:|"
)


def build_week(url: str, teams: int, days: str = "first") -> tuple[int, list[str]]:
    """A workshop with `teams` teams (+1 for warming up) and day 1 open, as at 9:00 on the first morning
    (days="first"), or every day open (days="all": 15 questions on the answer page, 27 before the 14 "How to Say
    No" ratings left days 4-5 in issue 26.7): (its id, the codes)."""
    engine = make_engine(url)
    migrate(engine)
    stamp = dt.datetime.now().strftime("%H%M%S")
    wid = create_workshop(engine, f"Crowd {teams} {stamp}", "facilitate-me", "lead-me-now", "partnership_week")
    week = list_days(engine, wid)
    for day in week if days == "all" else week[:1]:
        set_day_status(engine, wid, day.id, DayStatus.OPEN)
    codes = [f"CROWD{n:04d}" for n in range(teams + 1)]
    for n, code in enumerate(codes):
        add_team(engine, wid, f"Team {n:04d}", code=code)
    engine.dispose()
    return wid, codes


def stored(url: str, wid: int) -> int:
    engine = make_engine(url)
    with read(engine) as conn:
        found = int(conn.execute(select(func.count()).where(responses.c.workshop_id == wid)).scalar() or 0)
    engine.dispose()
    return found


async def crowd(
    base: str, wid: int, codes: list[str], pids: list[int], result: CrowdResult, warm_bases: list[str]
) -> None:
    """The first join (each code's first scrypt), then all save an answer at once, then the same N open
    their links again in new sessions, every code already known to the server."""
    await warm(warm_bases, wid, codes[-1])
    rss0 = memory_mb(pids) if pids else None
    first = await wave(base, wid, codes[:-1], pids, result.failures)
    result.drawn, result.cpu_open = first.drawn, first.cpu
    result.join = [page.seconds for _, page in first.opened]
    if pids:
        result.rss_per_session = (memory_mb(pids) - (rss0 or 0)) / result.sessions
    cpu1 = cpu_seconds(pids) if pids else None

    async def save(session: Session, page: Run) -> None:
        try:
            run = await save_first_text(session, page, f"{session.query_string}: we meet in the library")
        except Exception as exc:
            result.failures.append(f"save: {type(exc).__name__} {exc}")
            return
        result.save.append(run.seconds)

    await asyncio.gather(*(save(s, p) for s, p in first.opened))
    if pids:
        result.cpu_save = (cpu_seconds(pids) - (cpu1 or 0)) / result.sessions
        result.peak_mb = memory_mb(pids, "VmHWM")
    await first.close()
    for _ in range(result.waves):  # one wave alone is noisy: the median of several is reported
        again = await wave(base, wid, codes[:-1], pids, result.failures)
        result.known_waves.append((again.drawn, again.cpu))
        await again.close()
    result.known, result.cpu_known = median_wave(result.known_waves)


async def floor_crowd(base: str, wid: int, codes: list[str], pid: int, result: CrowdResult) -> None:
    """The same N sessions open the floor page (bench/crowd_floor.py) on a server of its own."""
    await warm([base], wid, codes[-1])
    for _ in range(result.waves):
        opened = await wave(base, wid, codes[:-1], [pid], result.failures)
        result.floor_waves.append((opened.drawn, opened.cpu))
        await opened.close()
    result.floor, result.cpu_floor = median_wave(result.floor_waves)


@contextmanager
def servers(args: argparse.Namespace, url: str) -> Iterator[tuple[str, list[int], list[str]]]:
    """(the address the sessions use, the server pids to measure, each server's own address to warm it)."""
    if args.servers:
        yield args.servers[0], [], args.servers
    elif args.nginx:
        from deploy.cluster import cluster

        with cluster(url, args.nginx) as running:
            yield running.base, running.pids, [f"http://127.0.0.1:{port}" for port in running.ports]
    else:
        from bench.server import running_server

        with running_server(url) as (base, pid):
            yield base, [pid], [base]


def measure(args: argparse.Namespace, url: str, n: int) -> CrowdResult:
    dialect = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    where = f"{args.nginx} servers behind nginx" if args.nginx else ("given servers" if args.servers else "1 server")
    opened = "day 1 open" if args.days == "first" else "every day open"
    result = CrowdResult(n, f"{dialect}, {where}, {opened}", waves=args.waves)
    wid, codes = build_week(url, n, args.days)
    with servers(args, url) as (base, pids, warm_bases):
        asyncio.run(crowd(base, wid, codes, pids, result, warm_bases))
    result.saved = stored(url, wid)
    if not args.servers and not args.nginx:  # the floor: one server, started as the app's was
        from bench.server import running_server

        with running_server(url, script=FLOOR) as (base, pid):
            asyncio.run(floor_crowd(base, wid, codes, pid, result))
    return result


def write_out(out: Path, argv: list[str], rows: list[CrowdResult], commit: str, load: float) -> None:
    """Add this run's rows under the crowd section of the results file (kept by `python -m bench`)."""
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    if MARK not in text:
        text = text.rstrip() + "\n\n" + MARK + "\n\n## The 9:00 crowd (protocol clients, no browser)\n\n" + INTRO
    text = text.rstrip() + (
        f"\n\n`python -m bench crowd {' '.join(argv)}` — {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
        f"commit {commit}, "
        f"load average before {load:.1f} (the machine is shared: compare rows of the same conditions)\n\n"
        + HEAD
        + "\n"
        + "\n".join(r.row() for r in rows)
        + "\n\n"
        + RATIO_HEAD
        + "\n"
        + "\n".join(line for r in rows for line in r.ratio_rows())
        + "\n"
        + "".join(f"\n- failed: {f}" for r in rows for f in r.failures[:5])
    )
    out.write_text(text.rstrip() + "\n", encoding="utf-8")


INTRO = (
    "N sessions speak Streamlit's websocket protocol (bench/protocol.py) at the same moment: each joins "
    "with its team's link and opens the answer page, then all save an answer at once. *drawn* runs from "
    "the common start until the session's answer page has finished (its script_finished); *join run*, "
    "*answer page run* and *save run* are each run's own time from request to script_finished. Since "
    "the link opens the answer page (2026-11-30, issue 17), *join run* is the link's one run, which draws "
    "it, and *answer page run* is — (before, the link opened the home page and the answer page was a "
    "second run). Server CPU is utime+stime of the server processes over the opening phase (or the "
    "saving phase) / N; memory per session is the VmRSS growth over a server warmed with one session / N; "
    "peak is VmHWM. The clients run on the same 2 cores as the server(s).\n"
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench crowd", description=__doc__)
    parser.add_argument("--sessions", default="20,60,200", help="comma-separated N (default 20,60,200)")
    parser.add_argument("--database-url", default="", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--servers", default="", help="comma-separated base URLs of running servers")
    parser.add_argument("--nginx", type=int, default=0, help="start this many servers behind nginx")
    parser.add_argument("--waves", type=int, default=3, help="codes-known and floor waves, median reported")
    parser.add_argument(
        "--days",
        choices=("first", "all"),
        default="first",
        help="first: only day 1 open, the first morning (default); all: every day open, 15 questions a page",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    args.servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    sizes = [int(s) for s in args.sessions.split(",") if s.strip()]

    commit, load, rows = git_commit(), os.getloadavg()[0], []  # as the run starts: the code it measures
    with tempfile.TemporaryDirectory(prefix="workshop-crowd-") as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'crowd.sqlite3'}"
        for n in sizes:
            rows.append(measure(args, url, n))
            print(HEAD.splitlines()[0], rows[-1].row(), *rows[-1].failures[:5], sep="\n", flush=True)
            print(RATIO_HEAD.splitlines()[0], *rows[-1].ratio_rows(), sep="\n", flush=True)
    write_out(args.out, argv, rows, commit, load)
    print(f"written to {args.out}")
    return 0
